//! The setup the `Client::sync` tests share: a fake network on one provider,
//! a scripted client over it, and one sync from a state. Included by the
//! sync_client test files only (`#[path]`), as it needs their `support`.
#![allow(dead_code)]

use linkedin_network::client::budget::Budgets;
use linkedin_network::client::sync::{SyncRequest, SyncResult};
use linkedin_network::client::{CancelToken, Client, Settings};
use linkedin_network::error::Error;

use crate::support::{self, block_on, Clock, Scripted};
use crate::sync_support::network::Network;

pub struct Setup {
    pub network: Network,
    pub client: Client<Scripted, Clock>,
    pub transport: Scripted,
    pub clock: Clock,
}

pub fn setup(provider: &'static str, connections: usize, sent: usize, received: usize) -> Setup {
    let network = Network::new(provider, connections, sent, received);
    let clock = Clock::default();
    let serve = network.clone();
    let transport = Scripted::new(&clock, move |request, _| serve.answer(request));
    let client = support::client(provider, transport.clone(), &clock, Settings::default());
    Setup {
        network,
        client,
        transport,
        clock,
    }
}

impl Setup {
    pub fn sync(
        &self,
        state: Option<&str>,
        full: bool,
        budgets: Budgets,
    ) -> Result<SyncResult, Error> {
        let request = SyncRequest {
            state: state.map(str::to_string),
            full,
            budgets,
            ..SyncRequest::default()
        };
        block_on(
            &self.clock,
            self.client.sync(request, CancelToken::new(), &mut |_| {}),
        )
    }

    pub fn sync_ok(&self, state: Option<&str>) -> SyncResult {
        let result = self.sync(state, false, Budgets::default()).unwrap();
        assert!(result.complete, "{:?}", result.stop_reason);
        result
    }
}

/// One sync of `client` from `state` (`None`: the baseline), no budget.
pub fn sync_from(
    client: &Client<Scripted, Clock>,
    clock: &Clock,
    state: Option<&str>,
) -> Result<SyncResult, Error> {
    let request = SyncRequest {
        state: state.map(str::to_string),
        ..SyncRequest::default()
    };
    block_on(clock, client.sync(request, CancelToken::new(), &mut |_| {}))
}

pub fn ids(list: &[linkedin_network::model::Invitation]) -> Vec<String> {
    list.iter()
        .map(|invitation| invitation.id.clone())
        .collect()
}

pub fn urls(list: &[linkedin_network::model::Connection]) -> Vec<String> {
    list.iter()
        .map(|c| c.person.profile_url.clone().unwrap())
        .collect()
}
