# Mutation testing with cargo-mutants over the core (not in `make test`: on
# two cores the whole set of ~1,300 mutants takes hours). Narrow it with
# MUTANTS_FILES, split it with MUTANTS_SHARD=k/n; the per-folder summary is
# written to tests/mutants/SUMMARY.md.
MUTANTS_FILES ?= src/normalize/** src/plan.rs src/providers/** src/client/** src/json/**
.PHONY: mutants
mutants: setup
	@MUTANTS_FILES="$(MUTANTS_FILES)" MUTANTS_SHARD="$(MUTANTS_SHARD)" scripts/mutants.sh
