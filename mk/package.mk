# The built npm package (pkg/), tested as users get it: in Node against the
# emulator over HTTP, its TypeScript declarations, and its npm tarball.
# `env -u NODE_TEST_CONTEXT`: a `node --test` started from inside another
# one (make run by a test) otherwise reports nothing.
.PHONY: test-node test-types test-pack test-docs
NODE_TEST := env -u NODE_TEST_CONTEXT node --test

test-node: build
	$(NODE_TEST) --test-timeout=60000 tests/js/node/*.test.mjs

# tsc proves the declarations compile and refuse misuse; runtime-check
# proves the run-time validator built from them catches drift (the Node
# tests check every value against it through their harness).
test-types: build
	tsc -p tests/js/types --strict --noEmit
	$(NODE_TEST) tests/js/types/*.test.mjs

test-pack: build
	$(NODE_TEST) --test-timeout=120000 tests/js/pack/*.test.mjs

# The README's field-coverage table is generated from the fixtures; stale fails.
test-docs:
	node scripts/field-coverage.mjs --check

TEST_TARGETS += test-node test-types test-pack test-docs
