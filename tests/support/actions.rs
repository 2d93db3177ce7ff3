//! Test support for actions: invitations read from the documented fixtures
//! through the real parsers (so a request is built from what `list` really
//! returns), and answers to action requests.

use linkedin_network::http::HttpResponse;
use linkedin_network::model::{Invitation, Item};
use linkedin_network::operations::parse_response;
use linkedin_network::providers;
use linkedin_network::query::Resource;

use super::transport::Reply;

/// The invitations of fixture `file` (under tests/fixtures/), parsed by
/// `provider` as `resource`, anchored at 2026-04-26T10:35:00Z.
pub fn fixture_invitations(provider: &str, resource: Resource, file: &str) -> Vec<Invitation> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let body = std::fs::read_to_string(root.join(file)).unwrap();
    let headers = vec![(
        "date".to_string(),
        "Sun, 26 Apr 2026 10:35:00 GMT".to_string(),
    )];
    let response = HttpResponse {
        status: 200,
        headers: &headers,
        body: &body,
    };
    let provider = providers::find(provider).unwrap();
    let page = parse_response(provider, resource, &response, None, None).unwrap();
    page.items
        .into_iter()
        .map(|item| match item {
            Item::Invitation(invitation) => invitation,
            Item::Connection(_) => panic!("a connection in {file}"),
        })
        .collect()
}

/// The first sent invitation each provider's documented list returns.
pub fn sent_invitation(provider: &str) -> Invitation {
    let file = match provider {
        "linkup-v2" => "linkup_v2/list_sent.doc.json",
        "linkup-v1" => "linkup_v1/sent_invitations.doc.json",
        _ => "connectsafely/invitations_sent.doc.json",
    };
    fixture_invitations(provider, Resource::SentInvitations, file).remove(0)
}

/// The first received invitation of each provider's received fixture.
pub fn received_invitation(provider: &str) -> Invitation {
    let file = match provider {
        "linkup-v2" => "linkup_v2/list_invitations.received.json",
        "linkup-v1" => "linkup_v1/invitations.received_forms.json",
        _ => "connectsafely/invitations_received.categories.json",
    };
    fixture_invitations(provider, Resource::ReceivedInvitations, file).remove(0)
}

/// A JSON answer with `status`.
pub fn json_reply(after_ms: i64, status: u16, body: &str) -> Reply {
    Reply::Respond {
        after_ms,
        status,
        headers: vec![],
        body: body.to_string(),
    }
}
