# `make fuzz`: each fuzz target for FUZZ_SECONDS (default 600) with libFuzzer,
# growing fuzz/corpus/<target>/ (committed; `make test` replays it through
# tests/fuzz_corpus.rs). A crash is saved under fuzz/artifacts/<target>/:
# copy it into the corpus once fixed, as a regression input.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS := parse_linkup_v2 parse_linkup_v1 parse_connectsafely parse_unipile relative_time profile_url urn json

# cargo-fuzz passes -Z flags (the sanitizer): nightly when one is installed,
# else the stable toolchain with RUSTC_BOOTSTRAP=1 (it accepts them, and runs
# the same libFuzzer build; checked with cargo-fuzz 0.13.2 and rustc 1.95).
FUZZ_CARGO = $(if $(shell rustup toolchain list 2>/dev/null | grep nightly),cargo +nightly,RUSTC_BOOTSTRAP=1 cargo +stable)

.PHONY: fuzz fuzz-setup
fuzz-setup:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked || cargo install cargo-fuzz
	@rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal \
	  || echo "[fuzz] no nightly toolchain: the stable one with RUSTC_BOOTSTRAP=1"

fuzz: fuzz-setup
	cd fuzz && for target in $(FUZZ_TARGETS); do \
	  mkdir -p corpus/$$target artifacts/$$target; \
	  $(FUZZ_CARGO) fuzz run $$target corpus/$$target -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    -artifact_prefix=artifacts/$$target/ -print_final_stats=1 2>&1 | tail -n 25 | tee artifacts/$$target/last-run.txt; \
	done
