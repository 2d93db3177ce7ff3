# linkedin-network: `make demo` shows it, `make test` proves it. Both set up
# what they need themselves (scripts/setup.sh), so a fresh clone just works.
SHELL := /bin/bash
.DEFAULT_GOAL := help
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

# Each mk/*.mk adds its targets here; `make test` runs them all.
TEST_TARGETS :=

include $(sort $(wildcard mk/*.mk))

.PHONY: help setup build test
help:
	@echo "make demo   the dashboard of a LinkedIn network, fetched from the local emulator"
	@echo "make test   every test: Rust, emulator, package in Node, runtimes, demo"
	@echo "make bench  benchmarks (QUICK=1 for a short run)"

setup:
	@scripts/setup.sh

build: setup
	@scripts/build-package.sh

test: setup lint build $(TEST_TARGETS)
	@echo "[test] all green"
