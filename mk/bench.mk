# Benchmarks (bench/, benches/): `make bench` prints a markdown report and
# writes bench/out/results.json; `make bench QUICK=1` (and test-bench-quick,
# part of `make test`) runs every section briefly to prove the harness still
# works, asserting nothing about speed. `make bench-fixtures` rewrites the
# 100-item parse fixtures from the emulator; `make bench-size` breaks the
# .wasm down by module with twiggy (installed on demand).
.PHONY: bench bench-fixtures bench-size test-bench-quick

bench: build
	QUICK=$(QUICK) node bench/run.mjs

bench-fixtures: build
	node bench/fixtures.mjs

bench-size: build
	@command -v twiggy >/dev/null || cargo install twiggy
	node bench/wasm-size.mjs

test-bench-quick: build
	QUICK=1 node bench/run.mjs

TEST_TARGETS += test-bench-quick
