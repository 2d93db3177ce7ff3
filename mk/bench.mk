# Benchmarks (bench/, benches/): `make bench` prints a markdown report and
# writes bench/out/results.json; `make bench QUICK=1` (and test-bench-quick,
# part of `make test`) runs every section briefly to prove the harness still
# works, asserting nothing about speed. `make bench-fixtures` rewrites the
# 100-item parse fixtures from the emulator.
.PHONY: bench bench-fixtures test-bench-quick

bench: build
	QUICK=$(QUICK) node bench/run.mjs

bench-fixtures: build
	node bench/fixtures.mjs

test-bench-quick: build
	QUICK=1 node bench/run.mjs

TEST_TARGETS += test-bench-quick
