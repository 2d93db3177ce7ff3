//! linkedin-network: one exact client for a LinkedIn account's sent
//! invitations, received invitations and connections, across the paid APIs
//! that sell them (LinkupAPI v2 and v1, ConnectSafely).
//!
//! The crate is sans-IO at its core: [`providers`] build each provider's HTTP
//! request and read its answer into the one [`model`]; [`plan`] prices a
//! range before anything is spent. Data flows one way — plan → build request
//! → transport → parse → normalize → page — and only the transport does I/O.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod action_options;
pub mod actions;
pub mod client;
pub mod error;
pub mod http;
pub mod json;
pub mod json_api;
pub mod model;
pub mod normalize;
pub mod operations;
pub mod options;
pub mod plan;
pub mod providers;
pub mod query;
pub mod sync;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
