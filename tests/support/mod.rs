//! Test support for the client: fake time, a scripted transport, fake providers.
#![allow(dead_code, unused_imports)]

pub mod actions;
pub mod cases;
pub mod clock;
pub mod fake_actions;
pub mod fake_api;
pub mod fake_pages;
pub mod fake_unipile;
pub mod fuzz_cases;
pub mod transport;

use linkedin_network::client::{Client, Settings};
use linkedin_network::providers;
use linkedin_network::query::Credentials;

pub use clock::{block_on, Clock};
pub use fake_api::FakeApi;
pub use transport::{Reply, Scripted, Sent};

pub const API_KEY: &str = "sk_live_CANARY_KEY_42";
pub const ACCOUNT_ID: &str = "acct-CANARY/9";
pub const LOGIN_TOKEN: &str = "AQEDAR-CANARY-cookie";

pub fn credentials() -> Credentials {
    Credentials {
        api_key: Some(API_KEY.into()),
        account_id: Some(ACCOUNT_ID.into()),
        login_token: Some(LOGIN_TOKEN.into()),
        country: None,
    }
}

pub fn client(
    provider: &str,
    transport: Scripted,
    clock: &Clock,
    settings: Settings,
) -> Client<Scripted, Clock> {
    let provider = providers::find(provider).unwrap();
    // A provider without a default host (a per-customer DSN) gets a test one.
    let base = provider
        .default_base_url()
        .is_empty()
        .then_some("https://api8.dsn.test:13851");
    Client::new(
        provider,
        base,
        credentials(),
        settings,
        transport,
        clock.clone(),
        42,
    )
    .unwrap()
}

/// A client over `api` that answers every request honestly, on a fresh fake
/// clock; the transport and the clock come back for the test to inspect.
pub fn honest_client(
    api: &FakeApi,
    settings: Settings,
) -> (Client<Scripted, Clock>, Scripted, Clock) {
    let clock = Clock::default();
    let fake = api.clone();
    let transport = Scripted::new(&clock, move |sent, _| fake.answer(sent));
    let client = client(api.provider, transport.clone(), &clock, settings);
    (client, transport, clock)
}

/// The providers the older client tests script by hand (their fake bodies
/// are per provider); every registered provider, Unipile included, runs
/// tests/conformance.rs through `providers::all()`.
pub const PROVIDERS: [&str; 3] = ["linkup-v2", "linkup-v1", "connectsafely"];

use linkedin_network::client::report::CollectResult;
use linkedin_network::client::{CancelToken, RunRequest};
use linkedin_network::error::Error;
use linkedin_network::model::Item;
use linkedin_network::query::Resource;

/// Collects `api`'s sent invitations through a scripted transport on a fresh
/// fake clock (returned, with the transport): the setup most client tests share. `script(api, request,
/// index)` answers each request (usually `api.answer(request)`).
pub fn collect_sent(
    api: &FakeApi,
    settings: Settings,
    request: RunRequest,
    mut script: impl FnMut(&FakeApi, &Sent, usize) -> Reply + 'static,
) -> (Result<CollectResult, Error>, Scripted, Clock) {
    let clock = Clock::default();
    let fake = api.clone();
    let transport = Scripted::new(&clock, move |sent, index| script(&fake, sent, index));
    let client = client(api.provider, transport.clone(), &clock, settings);
    let result = collect_on(&client, &clock, Resource::SentInvitations, request);
    (result, transport, clock)
}

/// `client.collect(resource, request)` run to its end on `clock`, its
/// progress events ignored.
pub fn collect_on(
    client: &Client<Scripted, Clock>,
    clock: &Clock,
    resource: Resource,
    request: RunRequest,
) -> Result<CollectResult, Error> {
    block_on(
        clock,
        client.collect(resource, request, CancelToken::new(), &mut |_| {}),
    )
}

/// The whole sent-invitations list collected on `clock`, with no limit.
pub fn collect_whole_sent(client: &Client<Scripted, Clock>, clock: &Clock) -> CollectResult {
    collect_on(
        client,
        clock,
        Resource::SentInvitations,
        RunRequest::default(),
    )
    .expect("an honest run of the whole list succeeds")
}

/// The ids of a list of invitations, in order.
pub fn invitation_ids(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .map(|item| match item {
            Item::Invitation(invitation) => invitation.id.clone(),
            Item::Connection(_) => panic!("a connection among invitations"),
        })
        .collect()
}

/// Lists sent invitations `[0, 10)` once through a scripted transport on
/// `clock`: the setup of the retry and abort tests.
pub fn list_once(
    provider: &str,
    script: impl FnMut(&Sent, usize) -> Reply + 'static,
    settings: Settings,
    cancel: CancelToken,
    clock: &Clock,
) -> (
    Result<linkedin_network::client::report::ListResult, Error>,
    Scripted,
) {
    let transport = Scripted::new(clock, script);
    let client = client(provider, transport.clone(), clock, settings);
    let query = linkedin_network::query::ListQuery::new(
        providers::find(provider).unwrap(),
        Resource::SentInvitations,
        0,
        10,
        None,
    )
    .unwrap();
    (block_on(clock, client.list(query, cancel)), transport)
}
