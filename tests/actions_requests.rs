//! Action requests (SPEC §9, NOTES.md "Actions"): per provider exactly the
//! fields NOTES lists, taken from the invitation as `list` returns it; a
//! missing field, a wrong invitation or an action the provider lacks is
//! `INVALID_INPUT` naming it, before anything is built.

mod support;

use linkedin_network::actions::{action_request, Action};
use linkedin_network::error::ErrorCode;
use linkedin_network::http::{HttpRequest, Method};
use linkedin_network::model::Invitation;
use linkedin_network::providers;
use linkedin_network::query::Credentials;
use serde_json::{json, Value};
use support::actions::{received_invitation, sent_invitation};
use support::{credentials, ACCOUNT_ID, API_KEY, LOGIN_TOKEN};

const BASE: &str = "https://api.example.test";

fn build(provider: &str, action: Action, invitation: &Invitation) -> HttpRequest {
    build_with(provider, action, invitation, &credentials())
}

fn build_with(
    provider: &str,
    action: Action,
    invitation: &Invitation,
    credentials: &Credentials,
) -> HttpRequest {
    action_request(
        providers::find(provider).unwrap(),
        action,
        invitation,
        credentials,
        BASE,
    )
    .unwrap()
}

fn body(request: &HttpRequest) -> Value {
    serde_json::from_str(request.body.as_deref().unwrap()).unwrap()
}

fn header<'r>(request: &'r HttpRequest, name: &str) -> Option<&'r str> {
    request
        .headers
        .iter()
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.as_str())
}

fn refused(provider: &str, action: Action, invitation: &Invitation) -> String {
    let error = action_request(
        providers::find(provider).unwrap(),
        action,
        invitation,
        &credentials(),
        BASE,
    )
    .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput, "{}", error.message);
    assert_eq!(
        error.provider,
        Some(providers::find(provider).unwrap().id())
    );
    error.message
}

#[test]
fn linkup_v2_withdraw_sends_the_urn_digits_as_a_string() {
    let invitation = sent_invitation("linkup-v2");
    let request = build("linkup-v2", Action::Withdraw, &invitation);
    assert_eq!(request.method, Method::Post);
    assert_eq!(request.url, format!("{BASE}/v2/network"));
    assert_eq!(header(&request, "x-api-key"), Some(API_KEY));
    assert_eq!(
        body(&request),
        json!({"account_id": ACCOUNT_ID, "action": "withdraw", "params": {"invitation_id": "987654321"}})
    );
}

#[test]
fn linkup_v2_accept_sends_the_shared_secret_and_the_entity_urn() {
    let invitation = received_invitation("linkup-v2");
    let request = build("linkup-v2", Action::Accept, &invitation);
    assert_eq!(request.url, format!("{BASE}/v2/network"));
    assert_eq!(
        body(&request),
        json!({"account_id": ACCOUNT_ID, "action": "accept", "params": {
            "shared_secret": "a1B2c3D4",
            "entity_urn": "urn:li:invitation:7331558767219683329"
        }})
    );
}

#[test]
fn linkup_v1_withdraw_sends_the_exact_id_as_a_string_with_the_login_token() {
    let invitation = sent_invitation("linkup-v1");
    let request = build("linkup-v1", Action::Withdraw, &invitation);
    assert_eq!(
        request.url,
        format!("{BASE}/v1/network/withdraw-invitation")
    );
    assert_eq!(header(&request, "x-api-key"), Some(API_KEY));
    // Compared as text too: the id must be exact, not a rounded number.
    assert!(request
        .body
        .as_deref()
        .unwrap()
        .contains(r#""invitation_id":"7329176687475109888""#));
    assert_eq!(
        body(&request),
        json!({"invitation_id": "7329176687475109888", "login_token": LOGIN_TOKEN})
    );
}

#[test]
fn linkup_v1_accept_sends_secret_urn_token_and_the_country_when_given() {
    let invitation = received_invitation("linkup-v1");
    let with_country = Credentials {
        country: Some("us".into()),
        ..credentials()
    };
    let request = build_with("linkup-v1", Action::Accept, &invitation, &with_country);
    assert_eq!(request.url, format!("{BASE}/v1/network/accept-invitation"));
    assert_eq!(
        body(&request),
        json!({
            "shared_secret": "sEcReT0",
            "entity_urn": "urn:li:invitation:7331558767219690497",
            "login_token": LOGIN_TOKEN,
            "country": "US"
        })
    );
}

#[test]
fn connectsafely_withdraw_sends_the_public_identifier_and_the_ids_it_has() {
    let invitation = sent_invitation("connectsafely");
    let request = build("connectsafely", Action::Withdraw, &invitation);
    assert_eq!(request.method, Method::Post);
    assert_eq!(request.url, format!("{BASE}/invitations/withdraw"));
    assert_eq!(
        header(&request, "authorization"),
        Some(format!("Bearer {API_KEY}").as_str())
    );
    assert_eq!(header(&request, "content-type"), Some("application/json"));
    assert_eq!(
        body(&request),
        json!({
            "profileId": "johndoe",
            "invitationId": "7897046780350316544",
            "memberId": "ACoAADPy0YkBl72yFV0nJCqXd2F9OBxiI7Tvhg4",
            "profileUrn": "urn:li:fsd_profile:ACoAADPy0YkBl72yFV0nJCqXd2F9OBxiI7Tvhg4",
            "accountId": ACCOUNT_ID
        })
    );
}

#[test]
fn connectsafely_accept_and_ignore_send_every_required_field() {
    let invitation = received_invitation("connectsafely");
    for (action, word) in [(Action::Accept, "ACCEPT"), (Action::Ignore, "IGNORE")] {
        let request = build("connectsafely", action, &invitation);
        assert_eq!(request.url, format!("{BASE}/invitations/received/respond"));
        assert_eq!(
            body(&request),
            json!({
                "action": word,
                "invitationId": "7897046780350317569",
                "validationToken": "vt-1",
                "linkedInInvitationType": "CONNECTION",
                "firstName": "Ingrid",
                "lastName": "Østergård",
                "profileId": "ACoAAB9xYzQ1w2E3r4T5y6U7i8O9p0",
                "accountId": ACCOUNT_ID
            })
        );
    }
}

#[test]
fn connectsafely_respond_for_a_one_name_person_sends_an_empty_last_name() {
    let mut invitation = received_invitation("connectsafely");
    invitation.person.last_name = None;
    let request = build("connectsafely", Action::Accept, &invitation);
    assert_eq!(body(&request)["lastName"], "");
}

#[test]
fn connectsafely_without_an_account_id_sends_none() {
    let invitation = sent_invitation("connectsafely");
    let no_account = Credentials {
        account_id: None,
        ..credentials()
    };
    let request = build_with("connectsafely", Action::Withdraw, &invitation, &no_account);
    assert!(body(&request).get("accountId").is_none());
}

#[test]
fn linkup_has_no_ignore_and_says_so_naming_provider_and_action() {
    let invitation = received_invitation("linkup-v2");
    for provider in ["linkup-v2", "linkup-v1"] {
        let mut invitation = invitation.clone();
        invitation.provider = providers::find(provider).unwrap().id();
        let message = refused(provider, Action::Ignore, &invitation);
        assert!(message.contains("\"ignore\""), "{message}");
        assert!(message.contains(provider), "{message}");
    }
}

#[test]
fn a_missing_field_is_invalid_input_naming_it() {
    let mut v2 = received_invitation("linkup-v2");
    v2.accept_token = None;
    assert!(refused("linkup-v2", Action::Accept, &v2).starts_with("invitation.acceptToken "));
    let mut v2 = received_invitation("linkup-v2");
    v2.urn = None;
    assert!(refused("linkup-v2", Action::Accept, &v2).starts_with("invitation.urn "));
    let mut v1 = sent_invitation("linkup-v1");
    v1.id = String::new();
    assert!(refused("linkup-v1", Action::Withdraw, &v1).starts_with("invitation.id "));
    let mut cs = sent_invitation("connectsafely");
    cs.person.public_identifier = None;
    cs.person.member_id = None;
    assert!(refused("connectsafely", Action::Withdraw, &cs)
        .starts_with("invitation.person.publicIdentifier "));
    for (field, clear) in [
        ("invitation.acceptToken", 0),
        ("invitation.providerType", 1),
        ("invitation.person.firstName", 2),
    ] {
        let mut cs = received_invitation("connectsafely");
        match clear {
            0 => cs.accept_token = None,
            1 => cs.provider_type = Some(" ".into()),
            _ => cs.person.first_name = None,
        }
        let message = refused("connectsafely", Action::Accept, &cs);
        assert!(message.starts_with(&format!("{field} ")), "{message}");
    }
}

#[test]
fn connectsafely_withdraw_falls_back_to_the_member_id_as_profile_id() {
    let mut invitation = sent_invitation("connectsafely");
    invitation.person.public_identifier = None;
    let request = build("connectsafely", Action::Withdraw, &invitation);
    assert_eq!(
        body(&request)["profileId"],
        "ACoAADPy0YkBl72yFV0nJCqXd2F9OBxiI7Tvhg4"
    );
}

#[test]
fn an_invitation_of_another_provider_or_direction_is_refused() {
    let v2 = sent_invitation("linkup-v2");
    assert!(refused("connectsafely", Action::Withdraw, &v2).starts_with("invitation.provider "));
    assert!(refused("linkup-v2", Action::Accept, &v2).starts_with("invitation.direction "));
    let received = received_invitation("linkup-v2");
    assert!(refused("linkup-v2", Action::Withdraw, &received).starts_with("invitation.direction "));
}

#[test]
fn an_id_that_is_not_digits_is_refused() {
    let mut invitation = sent_invitation("linkup-v2");
    invitation.id = "7.3e18".into();
    assert!(refused("linkup-v2", Action::Withdraw, &invitation).starts_with("invitation.id "));
}

#[test]
fn missing_credentials_are_refused_before_building() {
    let invitation = sent_invitation("linkup-v1");
    let no_token = Credentials {
        login_token: None,
        ..credentials()
    };
    let error = action_request(
        providers::find("linkup-v1").unwrap(),
        Action::Withdraw,
        &invitation,
        &no_token,
        BASE,
    )
    .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(error.message.starts_with("loginToken "));
}

#[test]
fn action_names_and_prices() {
    assert_eq!(Action::parse("withdraw").unwrap(), Action::Withdraw);
    assert_eq!(Action::parse("ignore").unwrap().as_str(), "ignore");
    assert_eq!(
        Action::parse("decline").unwrap_err().code,
        ErrorCode::InvalidInput
    );
    let price = |provider: &str, action| providers::find(provider).unwrap().action_price(action);
    assert_eq!(price("linkup-v2", Action::Withdraw).credits, 1);
    assert_eq!(price("linkup-v1", Action::Accept).credits, 1);
    assert_eq!(price("connectsafely", Action::Ignore).credits, 0);
    for provider in providers::all() {
        for action in provider.actions() {
            assert_eq!(provider.action_price(*action).requests, 1);
        }
    }
}
