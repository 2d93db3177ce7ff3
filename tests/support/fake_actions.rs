//! A fake provider backend that answers actions: pending sent and received
//! invitations served through each provider's envelope, withdraw / accept /
//! ignore that change them, each provider's billing in a ledger, every
//! effect recorded — and faults injected into action requests, one per
//! request in order, each saying whether the provider acted before it.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use linkedin_network::client::TransportError;
use linkedin_network::model::{Direction, Invitation, Person};

use linkedin_network::client::{Client, RunRequest, Settings};
use linkedin_network::model::Item;
use linkedin_network::query::Resource;

use super::clock::Clock;
use super::fake_pages::{json, sent_page};
use super::transport::{Reply, Scripted, Sent};
use super::{client, collect_on};

/// A client over `fake`, on a fresh fake clock.
pub struct Setup {
    pub fake: FakeActions,
    pub client: Client<Scripted, Clock>,
    pub transport: Scripted,
    pub clock: Clock,
}

pub fn setup(fake: FakeActions) -> Setup {
    let clock = Clock::default();
    let answering = fake.clone();
    let transport = Scripted::new(&clock, move |sent, _| answering.answer(sent));
    let client = client(
        fake.provider,
        transport.clone(),
        &clock,
        Settings::default(),
    );
    Setup {
        fake,
        client,
        transport,
        clock,
    }
}

/// The pending sent invitations as the client lists them.
pub fn listed(setup: &Setup) -> Vec<Invitation> {
    collect_on(
        &setup.client,
        &setup.clock,
        Resource::SentInvitations,
        RunRequest::default(),
    )
    .unwrap()
    .items
    .into_iter()
    .map(|item| match item {
        Item::Invitation(invitation) => invitation,
        Item::Connection(_) => panic!("a connection"),
    })
    .collect()
}

/// What happens to one action request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Answered normally.
    None,
    /// The connection is reset before the request arrives: nothing done.
    ResetBeforeRequest,
    /// 429, optionally with `Retry-After` seconds: nothing done.
    RateLimited(Option<u64>),
    /// 503: nothing done.
    Unavailable,
    /// 500, after acting (`true`) or not.
    ServerError { acted: bool },
    /// Acted (and billed), then the answer never comes.
    HangAfterReceived,
    /// Acted (and billed), then the connection ends mid-answer.
    CutAnswer,
    /// The key is refused: nothing done.
    Unauthorized,
}

#[derive(Debug, Clone)]
pub struct Pending {
    pub id: String,
    pub days: u64,
    pub slug: String,
}

#[derive(Clone)]
pub struct FakeActions {
    pub provider: &'static str,
    pub sent: Rc<RefCell<Vec<Pending>>>,
    pub received: Rc<RefCell<Vec<Pending>>>,
    pub charged: Rc<RefCell<u64>>,
    /// `(action, id)` each time the provider acted.
    pub effects: Rc<RefCell<Vec<(String, String)>>>,
    /// Action requests that reached it (faulted or not).
    pub action_requests: Rc<RefCell<u64>>,
    pub faults: Rc<RefCell<VecDeque<Fault>>>,
}

impl FakeActions {
    /// `ages[i]` days for sent invitation i (newest first, as lists come),
    /// and `received` pending received invitations.
    pub fn new(provider: &'static str, ages: &[u64], received: usize) -> FakeActions {
        let make = |index: usize, days: u64, base: u64| Pending {
            id: (base + index as u64 * 1_031).to_string(),
            days,
            slug: format!("person-{base}-{index}"),
        };
        FakeActions {
            provider,
            sent: Rc::new(RefCell::new(
                ages.iter()
                    .enumerate()
                    .map(|(index, days)| make(index, *days, 7_331_558_767_219_683_329))
                    .collect(),
            )),
            received: Rc::new(RefCell::new(
                (0..received)
                    .map(|index| make(index, 3, 7_897_046_780_350_317_569))
                    .collect(),
            )),
            charged: Rc::default(),
            effects: Rc::default(),
            action_requests: Rc::default(),
            faults: Rc::default(),
        }
    }

    pub fn with_faults(self, faults: &[Fault]) -> FakeActions {
        self.faults.borrow_mut().extend(faults.iter().copied());
        self
    }

    pub fn charged(&self) -> u64 {
        *self.charged.borrow()
    }

    pub fn effects(&self) -> Vec<(String, String)> {
        self.effects.borrow().clone()
    }

    fn charge(&self, credits: u64) {
        *self.charged.borrow_mut() += credits;
    }

    /// The answer to any request: a list page or an action.
    pub fn answer(&self, sent: &Sent) -> Reply {
        match self.action_of(sent) {
            Some((action, id)) => self.act(sent, &action, &id),
            None => self.page(sent),
        }
    }

    /// `(action, invitation id)` of an action request, `None` for a read.
    fn action_of(&self, sent: &Sent) -> Option<(String, String)> {
        let body = sent.json();
        let text = |value: &serde_json::Value| value.as_str().map(str::to_string);
        match self.provider {
            "linkup-v2" => {
                let action = body["action"].as_str()?.to_string();
                if action.starts_with("list_") {
                    return None;
                }
                let params = &body["params"];
                let id = text(&params["invitation_id"]).or_else(|| {
                    text(&params["entity_urn"]).map(|urn| urn.rsplit(':').next().unwrap().into())
                })?;
                Some((action, id))
            }
            "linkup-v1" => {
                let action = if sent.url.ends_with("/withdraw-invitation") {
                    "withdraw"
                } else if sent.url.ends_with("/accept-invitation") {
                    "accept"
                } else {
                    return None;
                };
                let id = text(&body["invitation_id"]).or_else(|| {
                    text(&body["entity_urn"]).map(|urn| urn.rsplit(':').next().unwrap().into())
                })?;
                Some((action.into(), id))
            }
            _ => {
                let action = if sent.url.ends_with("/invitations/withdraw") {
                    "withdraw".to_string()
                } else if sent.url.ends_with("/invitations/received/respond") {
                    body["action"].as_str()?.to_ascii_lowercase()
                } else {
                    return None;
                };
                Some((action, text(&body["invitationId"])?))
            }
        }
    }

    fn act(&self, _sent: &Sent, action: &str, id: &str) -> Reply {
        *self.action_requests.borrow_mut() += 1;
        let fault = self.faults.borrow_mut().pop_front().unwrap_or(Fault::None);
        let acts = matches!(
            fault,
            Fault::None
                | Fault::ServerError { acted: true }
                | Fault::HangAfterReceived
                | Fault::CutAnswer
        );
        let was_pending = if acts {
            self.perform(action, id)
        } else {
            false
        };
        // linkup-v1 bills each answer in its envelope but a 500 and a refused
        // key (a gateway's 503 page is not its answer); any applied write.
        let billed = |fake: &FakeActions, status: u16, done: bool| match fake.provider {
            "linkup-v2" if done => fake.charge(1),
            "linkup-v1" if done || !matches!(status, 500 | 503 | 401) => fake.charge(1),
            _ => {}
        };
        match fault {
            Fault::None => {
                let (status, body) = self.action_answer(action, id, was_pending);
                billed(self, status, was_pending);
                json(status, &[], body)
            }
            Fault::ResetBeforeRequest => Reply::Fail {
                after_ms: 5,
                error: TransportError::Network("connection reset".into()),
            },
            Fault::RateLimited(seconds) => {
                billed(self, 429, false);
                let headers: Vec<(&str, String)> = seconds
                    .map(|s| vec![("Retry-After", s.to_string())])
                    .unwrap_or_default();
                json(
                    429,
                    &headers,
                    self.error_body(
                        "RATE_LIMITED",
                        "Rate limit exceeded. Please try again later",
                    ),
                )
            }
            Fault::Unavailable => {
                billed(self, 503, false);
                json(503, &[], r#"{"error":"Service Unavailable"}"#.into())
            }
            Fault::ServerError { .. } => {
                // A write that was made is billed its price, whatever came after.
                billed(self, 500, false);
                if was_pending {
                    self.charge(u64::from(self.provider != "connectsafely"));
                }
                json(
                    500,
                    &[],
                    self.error_body("INTERNAL_ERROR", "Internal server error"),
                )
            }
            Fault::Unauthorized => {
                billed(self, 401, false);
                let (status, body) = match self.provider {
                    "linkup-v2" => (403, self.error_body("INVALID_API_KEY", "Invalid API key")),
                    "linkup-v1" => (200, self.error_body("", "Invalid API key")),
                    _ => (401, self.error_body("", "Unauthorized")),
                };
                json(status, &[], body)
            }
            Fault::HangAfterReceived => {
                // As the emulator bills it: a hang only if the write was made.
                if was_pending {
                    billed(self, 200, true);
                }
                Reply::Hang
            }
            Fault::CutAnswer => {
                billed(self, 200, was_pending);
                Reply::Fail {
                    after_ms: 50,
                    error: TransportError::CutShort("connection closed mid-body".into()),
                }
            }
        }
    }

    /// Acts if the invitation is pending; `true` when it was.
    fn perform(&self, action: &str, id: &str) -> bool {
        let list = if action == "withdraw" {
            &self.sent
        } else {
            &self.received
        };
        let mut list = list.borrow_mut();
        match list.iter().position(|item| item.id == id) {
            Some(index) => {
                list.remove(index);
                self.effects
                    .borrow_mut()
                    .push((action.to_string(), id.to_string()));
                true
            }
            None => false,
        }
    }

    fn error_body(&self, code: &str, message: &str) -> String {
        match self.provider {
            "linkup-v2" => format!(
                r#"{{"success":false,"error":{{"code":"{code}","message":"{message}"}},"metadata":{{"credits_consumed":0}}}}"#
            ),
            "linkup-v1" => format!(r#"{{"status":"error","message":"{message}"}}"#),
            _ => format!(r#"{{"error":"{message}"}}"#),
        }
    }

    fn action_answer(&self, action: &str, id: &str, done: bool) -> (u16, String) {
        match (self.provider, done) {
            ("linkup-v2", true) => (
                200,
                if action == "withdraw" {
                    format!(
                        r#"{{"success":true,"data":{{"withdrawn":true,"invitation_id":"{id}"}},"metadata":{{"action":"withdraw","credits_consumed":1}}}}"#
                    )
                } else {
                    r#"{"success":true,"data":{},"metadata":{"action":"accept","credits_consumed":1}}"#.into()
                },
            ),
            ("linkup-v2", false) => (
                400,
                self.error_body("INVALID_PARAMS", &format!("No pending invitation {id}")),
            ),
            ("linkup-v1", true) => (
                200,
                r#"{"status":"success","message":"Connection invitation withdrawn successfully"}"#
                    .into(),
            ),
            ("linkup-v1", false) => (200, self.error_body("", "No pending invitation found")),
            (_, true) => (
                200,
                r#"{"success":true,"message":"Done","accountId":"default"}"#.into(),
            ),
            (_, false) => (
                400,
                self.error_body("", "No pending invitation found for this profile"),
            ),
        }
    }

    /// Received invitation `index` as the provider's list normalizes it
    /// (the fields its accept needs).
    pub fn received_invitation(&self, index: usize) -> Invitation {
        let item = self.received.borrow()[index].clone();
        let provider = linkedin_network::providers::find(self.provider)
            .unwrap()
            .id();
        Invitation {
            id: item.id.clone(),
            urn: Some(format!("urn:li:invitation:{}", item.id)),
            direction: Direction::Received,
            kind: "CONNECTION".into(),
            provider_type: Some("CONNECTION".into()),
            state: None,
            message: None,
            sent_at: None,
            person: Person {
                name: Some(format!("P {}", item.id)),
                first_name: Some("P".into()),
                last_name: Some(item.id.clone()),
                profile_url: Some(format!("https://www.linkedin.com/in/{}", item.slug)),
                public_identifier: Some(item.slug.clone()),
                member_id: Some(format!("ACoAA{}", item.id)),
                ..Person::default()
            },
            accept_token: Some(format!("secret-{}", item.id)),
            provider,
        }
    }

    /// A page of the sent list, billed as the provider bills it.
    fn page(&self, sent: &Sent) -> Reply {
        let (body, credits) = sent_page(self.provider, &self.sent.borrow(), sent);
        self.charge(credits);
        json(200, &[], body)
    }
}
