# `make fuzz`: each fuzz target for FUZZ_SECONDS (default 600) with libFuzzer,
# growing fuzz/corpus/<target>/ (committed; `make test` replays it through
# tests/fuzz_corpus.rs). A crash is saved under fuzz/artifacts/<target>/:
# copy it into the corpus once fixed, as a regression input.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS := parse_linkup_v2 parse_linkup_v1 parse_connectsafely parse_unipile relative_time profile_url urn json

.PHONY: fuzz fuzz-setup
fuzz-setup:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked || cargo install cargo-fuzz
	@rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal

fuzz: fuzz-setup
	cd fuzz && for target in $(FUZZ_TARGETS); do \
	  mkdir -p corpus/$$target artifacts/$$target; \
	  cargo +nightly fuzz run $$target corpus/$$target -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    -artifact_prefix=artifacts/$$target/ -print_final_stats=1 2>&1 | tail -n 25 | tee artifacts/$$target/last-run.txt; \
	done
