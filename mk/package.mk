# The built npm package (pkg/), tested as users get it: in Node against the
# emulator over HTTP, its TypeScript declarations, and its npm tarball.
# `env -u NODE_TEST_CONTEXT`: a `node --test` started from inside another
# one (make run by a test) otherwise reports nothing.
.PHONY: test-node test-types test-pack test-docs
NODE_TEST := env -u NODE_TEST_CONTEXT node --test

test-node: build
	$(NODE_TEST) --test-timeout=60000 tests/js/node/*.test.mjs

test-types: build
	tsc -p tests/js/types --strict --noEmit

test-pack: build
	$(NODE_TEST) --test-timeout=120000 tests/js/pack/*.test.mjs

# The README's field-coverage table is generated from the fixtures; stale fails.
test-docs:
	node scripts/field-coverage.mjs --check

TEST_TARGETS += test-node test-types test-pack test-docs
