# Every runtime for real: the shared suite (tests/js/runtimes/suite/) in Node,
# a Chromium page, an MV3 extension service worker, workerd (wrangler bundles
# run by Miniflare) and a Vite-built app, each against its own emulator
# process; then the cases × runtimes table, which fails on any failed case or
# on a runtime that recorded nothing. One file at a time: Chromium and workerd
# share a 2-core machine.
.PHONY: test-runtimes
test-runtimes: build
	@rm -rf test-output/runtimes
	@status=0; \
	env -u NODE_TEST_CONTEXT node --test --test-concurrency=1 --test-timeout=120000 tests/js/runtimes/*.test.mjs || status=$$?; \
	node tests/js/runtimes/report.mjs || status=1; \
	exit $$status

TEST_TARGETS += test-runtimes
