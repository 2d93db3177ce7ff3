# The Rust crate: formatting, lints (native and wasm32), native tests.
.PHONY: lint test-rust
lint: setup
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings

test-rust: setup
	cargo test --quiet

TEST_TARGETS += test-rust
