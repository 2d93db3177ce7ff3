//! A page that does not say where in the list it stands, or says a place
//! other than the one asked for, is a BAD_RESPONSE naming the field — never
//! a list read as if it started again at 0 and silently cut short.

mod support;

use linkedin_network::client::Settings;
use linkedin_network::error::ErrorCode;
use linkedin_network::query::Resource;
use serde_json::Value;
use support::*;

/// Where each provider reports a page's position, as a JSON pointer into its
/// body; the fake API's own answers carry it.
fn position_field(provider: &str) -> (&'static str, &'static str) {
    match provider {
        "linkup-v2" => ("/data/pagination", "offset"),
        "linkup-v1" => ("/data/pagination", "start_page"),
        _ => ("", "startIndex"),
    }
}

/// Rewrites every answer of an honest fake API whose page is not the
/// first (the first page's position is 0 either way) with `edit`.
fn client_with(
    provider: &'static str,
    edit: Edit,
) -> (linkedin_network::client::Client<Scripted, Clock>, Clock) {
    let api = FakeApi::new(provider, 145);
    let clock = Clock::default();
    let transport = Scripted::new(&clock, move |sent, _| match api.answer(sent) {
        Reply::Respond {
            after_ms,
            status,
            headers,
            body,
        } => {
            let mut json: Value = serde_json::from_str(&body).unwrap();
            let (container, key) = position_field(provider);
            if let Some(Value::Object(object)) = json.pointer_mut(container) {
                let first = object
                    .get(key)
                    .and_then(Value::as_u64)
                    .is_some_and(|at| at <= 1);
                if !first {
                    edit(object, key);
                }
            }
            Reply::Respond {
                after_ms,
                status,
                headers,
                body: json.to_string(),
            }
        }
        other => other,
    });
    let settings = Settings {
        concurrency: 1,
        ..Settings::default()
    };
    (client(provider, transport, &clock, settings), clock)
}

type Edit = fn(&mut serde_json::Map<String, Value>, &str);

/// Every later page edited one way, on every provider: the run fails with
/// BAD_RESPONSE naming the field (and `says` in the message) instead of
/// ending with a short list.
fn refused_on_every_provider(edit: Edit, says: &str) {
    // A chained provider's page states no position: it is where its
    // continuation led (a page without the continuation field is the
    // fixtures' `bad_cursor_missing`).
    let positioned = PROVIDERS
        .into_iter()
        .filter(|id| !linkedin_network::providers::find(id).unwrap().chained());
    for provider in positioned {
        let (client, clock) = client_with(provider, edit);
        let (_, key) = position_field(provider);
        let error = collect_on(
            &client,
            &clock,
            Resource::SentInvitations,
            Default::default(),
        )
        .expect_err(provider);
        assert_eq!(
            error.code,
            ErrorCode::BadResponse,
            "{provider}: {}",
            error.message
        );
        assert!(
            error.message.contains(key) && error.message.contains(says),
            "{provider}: {}",
            error.message
        );
    }
}

#[test]
fn a_page_without_its_position_is_a_bad_response_not_a_short_list() {
    refused_on_every_provider(
        |object, key| {
            object.remove(key);
        },
        "missing",
    );
}

#[test]
fn a_page_reporting_another_position_is_a_bad_response_not_a_short_list() {
    refused_on_every_provider(
        |object, key| {
            let first = if key == "start_page" { 1 } else { 0 };
            object.insert(key.into(), Value::from(first));
        },
        "the answer is another part of the list",
    );
}
