# The demo: `make demo` serves the dashboard in www/ and the emulator on
# 127.0.0.1 (Ctrl-C stops both); `make test-demo` drives it in Chromium.
.PHONY: demo test-demo

# DEMO_ARGS, e.g. `make demo DEMO_ARGS="--port 0 --latency-ms 400"`.
demo: build
	node scripts/demo.mjs $(DEMO_ARGS)

# Screenshots land in test-output/demo/.
test-demo: build
	env -u NODE_TEST_CONTEXT node --test --test-timeout=120000 tests/js/demo/

TEST_TARGETS += test-demo
