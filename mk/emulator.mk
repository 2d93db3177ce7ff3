# The provider emulator's own tests (Node, no dependencies).
.PHONY: test-emulator
test-emulator:
	node --test --test-timeout=60000 tests/emulator/test/

TEST_TARGETS += test-emulator
