# Benchmarks (bench/, benches/): `make bench` prints a markdown report and
# writes bench/out/results.json; `make bench QUICK=1` (and test-bench-quick,
# part of `make test`) runs every section briefly to prove the harness still
# works, asserting nothing about speed. `make bench-fixtures` rewrites the
# 100-item parse fixtures from the emulator; `make bench-size` breaks the
# .wasm down by module with twiggy (installed on demand); `make
# bench-opt-level` sets wasm size beside parse speed for opt-level z, s, 2, 3.
.PHONY: bench bench-fixtures bench-size bench-opt-level test-bench-quick

bench: build
	QUICK=$(QUICK) node bench/run.mjs

bench-fixtures: build
	node bench/fixtures.mjs

bench-size: build
	@command -v twiggy >/dev/null || cargo install twiggy
	node bench/wasm-size.mjs

bench-opt-level: build
	node bench/opt-level.mjs

test-bench-quick: build
	QUICK=1 node bench/run.mjs

TEST_TARGETS += test-bench-quick
