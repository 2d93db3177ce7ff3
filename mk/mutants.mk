# Mutation testing with cargo-mutants over the core (not in `make test`: on
# two cores the whole set of ~1,840 mutants takes hours). The batches (files
# and the tests each is checked with) are tests/mutants/batches.txt; pick
# some with MUTANTS_BATCHES="json plan", split each with MUTANTS_SHARD=k/n.
# The per-folder summary is written to tests/mutants/SUMMARY.md.
.PHONY: mutants
mutants: setup
	@MUTANTS_BATCHES="$(MUTANTS_BATCHES)" MUTANTS_SHARD="$(MUTANTS_SHARD)" scripts/mutants.sh
