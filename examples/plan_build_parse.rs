//! The Rust API end to end, without a network: price a range, build the
//! request for it, and read a response (the linkup-v1 documentation's
//! example body) into the normalized model.
//!
//! `cargo run --example plan_build_parse`

use linkedin_network::error::Error;
use linkedin_network::http::HttpResponse;
use linkedin_network::model::Item;
use linkedin_network::operations;
use linkedin_network::providers;
use linkedin_network::query::{Credentials, ListQuery, Resource, Target};

fn main() -> Result<(), Error> {
    let provider = providers::find("linkup-v1")?;
    let query = ListQuery::new(provider, Resource::SentInvitations, 0, 10, None)?;
    println!(
        "price: {:?}",
        operations::estimate_credits(provider, &query)
    );

    let target = Target {
        base_url: provider.default_base_url().to_string(),
        credentials: Credentials {
            api_key: Some("your-api-key".into()),
            login_token: Some("your-linkedin-cookie".into()),
            ..Credentials::default()
        },
        resource: Resource::SentInvitations,
        invitation_type: None,
    };
    let request = operations::build_request(provider, &target, &query)?;
    println!("{} {}", request.method.as_str(), request.url);

    // Send `request` with any HTTP client; here, the documented answer.
    let body = include_str!("../tests/fixtures/linkup_v1/sent_invitations.doc.json");
    let headers = vec![(
        "Date".to_string(),
        "Sun, 26 Apr 2026 10:35:00 GMT".to_string(),
    )];
    let response = HttpResponse {
        status: 200,
        headers: &headers,
        body,
    };
    let page =
        operations::parse_response(provider, Resource::SentInvitations, &response, None, None)?;
    for item in &page.items {
        if let Item::Invitation(invitation) = item {
            let when = invitation
                .sent_at
                .as_ref()
                .and_then(|time| time.at.as_deref());
            println!(
                "{} {:?} sent {:?}",
                invitation.id, invitation.person.name, when
            );
        }
    }
    println!(
        "total {:?}, more: {}, credits: {}",
        page.total, page.has_more, page.credits_used
    );
    Ok(())
}
