# The sync fleet on Cloudflare (examples/worker-fleet): a Worker with a Cron
# Trigger, a Queue and D1, bundled by `wrangler deploy --dry-run` and run by
# Miniflare 4 against the emulator. `make test-fleet` proves it (fewer
# accounts than the demo, to stay near a minute); `make fleet-demo` runs the
# simulation and prints a summary table (FLEET_DEMO_ARGS, e.g.
# "--accounts 200 --ticks 4 --latency-ms 100").
.PHONY: test-fleet fleet-demo

FLEET_ACCOUNTS ?= 120
FLEET_DEMO_ARGS ?= --accounts 200 --ticks 3

test-fleet: build
	@env -u NODE_TEST_CONTEXT FLEET_ACCOUNTS=$(FLEET_ACCOUNTS) node --test --test-concurrency=1 --test-timeout=180000 \
		examples/worker-fleet/test/outcomes.test.mjs examples/worker-fleet/test/secrets.test.mjs examples/worker-fleet/test/fleet.test.mjs examples/worker-fleet/test/faults.test.mjs

fleet-demo: build
	node examples/worker-fleet/scripts/simulate.mjs $(FLEET_DEMO_ARGS)

TEST_TARGETS += test-fleet

# Accounts synced per minute on an incremental tick at 100 ms provider
# latency, from 10 to 200 accounts (and at max_batch_size 1 and 25).
.PHONY: fleet-bench
fleet-bench: build
	node examples/worker-fleet/scripts/simulate.mjs --scale 10,50,100,200 --latency-ms 100
	node examples/worker-fleet/scripts/simulate.mjs --scale 200 --latency-ms 100 --batch 25
	node examples/worker-fleet/scripts/simulate.mjs --scale 30 --latency-ms 100 --batch 1 --limit 50
