# Reliability: panic survival (on a test build with a panicking export), and
# the fault matrix, hostile bodies and secret canaries in tests/js/reliability.
.PHONY: build-panic-test test-reliability
build-panic-test: setup
	@PANIC_TEST=1 scripts/build-package.sh

test-reliability: build build-panic-test
	env -u NODE_TEST_CONTEXT node --test --test-timeout=120000 tests/js/reliability/

TEST_TARGETS += test-reliability
