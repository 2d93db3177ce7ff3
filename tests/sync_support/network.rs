//! A fake account network served in-process: sent and received invitations
//! and connections (newest first), answered in each provider's wire format,
//! with a ledger of credits charged and requests served, and the mutations
//! a week of LinkedIn brings (invites, acceptances, withdrawals, new
//! connections, removals).

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::{json, Value};

use super::network_unipile as unipile;
use super::{human, invitation_id, Human, Rng};
use crate::support::{Reply, Sent};

/// Every provider whose wire format the fake network speaks: every
/// registered one (`sync_client.rs` checks it against `providers::all()`).
pub const PROVIDERS: [&str; 4] = ["linkup-v2", "linkup-v1", "connectsafely", "unipile"];

#[derive(Debug, Default)]
pub struct Lists {
    pub sent: Vec<(String, Human)>,
    pub received: Vec<(String, Human)>,
    pub connections: Vec<Human>,
    pub charged: u64,
    pub served: u64,
    /// Requests and credits of the connections list alone.
    pub connection_calls: u64,
    pub connection_credits: u64,
    next_person: u64,
}

#[derive(Clone)]
pub struct Network {
    pub provider: &'static str,
    pub lists: Rc<RefCell<Lists>>,
    pub rng: Rc<RefCell<Rng>>,
}

impl Network {
    pub fn new(
        provider: &'static str,
        connections: usize,
        sent: usize,
        received: usize,
    ) -> Network {
        let network = Network {
            provider,
            lists: Rc::default(),
            rng: Rc::new(RefCell::new(Rng(0x5eed ^ connections as u64))),
        };
        for _ in 0..connections {
            let person = network.person();
            network.lists.borrow_mut().connections.push(person);
        }
        for _ in 0..sent {
            let entry = network.invitation();
            network.lists.borrow_mut().sent.push(entry);
        }
        for _ in 0..received {
            let entry = network.invitation();
            network.lists.borrow_mut().received.push(entry);
        }
        network
    }

    fn person(&self) -> Human {
        let number = {
            let mut lists = self.lists.borrow_mut();
            lists.next_person += 1;
            lists.next_person
        };
        human(&mut self.rng.borrow_mut(), number)
    }

    fn invitation(&self) -> (String, Human) {
        let person = self.person();
        let number = self.lists.borrow().next_person;
        (invitation_id(number), person)
    }

    pub fn charged(&self) -> u64 {
        self.lists.borrow().charged
    }

    /// (requests, credits) the connections list cost so far.
    pub fn connections_cost(&self) -> (u64, u64) {
        let lists = self.lists.borrow();
        (lists.connection_calls, lists.connection_credits)
    }

    /// The keys of each list now: sent ids, received ids, connection URLs.
    pub fn truth(&self) -> [Vec<String>; 3] {
        let lists = self.lists.borrow();
        [
            lists.sent.iter().map(|(id, _)| id.clone()).collect(),
            lists.received.iter().map(|(id, _)| id.clone()).collect(),
            lists.connections.iter().map(Human::canonical_url).collect(),
        ]
    }

    pub fn served(&self) -> u64 {
        self.lists.borrow().served
    }

    /// `count` new connections at the head; their canonical URLs, in list order.
    pub fn connect(&self, count: usize) -> Vec<String> {
        (0..count)
            .map(|_| {
                let person = self.person();
                let url = person.canonical_url();
                self.lists.borrow_mut().connections.insert(0, person);
                url
            })
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect()
    }

    /// `count` new sent invitations at the head; their ids, in list order.
    pub fn invite(&self, count: usize) -> Vec<String> {
        (0..count)
            .map(|_| {
                let entry = self.invitation();
                let id = entry.0.clone();
                self.lists.borrow_mut().sent.insert(0, entry);
                id
            })
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect()
    }

    pub fn receive(&self, count: usize) -> Vec<String> {
        (0..count)
            .map(|_| {
                let entry = self.invitation();
                let id = entry.0.clone();
                self.lists.borrow_mut().received.insert(0, entry);
                id
            })
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect()
    }

    /// The sent invitation at `index` is accepted: it leaves the pending
    /// list and its person becomes the newest connection. Its id.
    pub fn accept(&self, index: usize) -> String {
        let mut lists = self.lists.borrow_mut();
        let (id, person) = lists.sent.remove(index);
        lists.connections.insert(0, person);
        id
    }

    pub fn withdraw(&self, index: usize) -> String {
        self.lists.borrow_mut().sent.remove(index).0
    }

    pub fn answer_received(&self, index: usize) -> String {
        self.lists.borrow_mut().received.remove(index).0
    }

    pub fn disconnect(&self, index: usize) -> String {
        self.lists
            .borrow_mut()
            .connections
            .remove(index)
            .canonical_url()
    }

    /// The entries of a list as they are now: (invitation id, person).
    fn entries(lists: &Lists, resource: &str) -> Vec<(Option<String>, Human)> {
        match resource {
            "sent" => lists
                .sent
                .iter()
                .map(|(id, h)| (Some(id.clone()), h.clone()))
                .collect(),
            "received" => lists
                .received
                .iter()
                .map(|(id, h)| (Some(id.clone()), h.clone()))
                .collect(),
            _ => lists
                .connections
                .iter()
                .map(|h| (None, h.clone()))
                .collect(),
        }
    }

    /// An answer for this request from the lists as they are now (200, or
    /// Unipile's 400 for a cursor the list's changes expired).
    pub fn answer(&self, sent: &Sent) -> Reply {
        let mut lists = self.lists.borrow_mut();
        lists.served += 1;
        if self.provider == "unipile" {
            let resource = unipile::resource_of(&sent.url);
            let limit = sent.query("limit").unwrap() as usize;
            let (status, body) =
                unipile::answer(&sent.url, limit, &Self::entries(&lists, resource));
            if resource == "connections" {
                lists.connection_calls += 1;
            }
            return Reply::Respond {
                after_ms: 100,
                status,
                headers: vec![("Date".into(), "Sun, 26 Apr 2026 10:35:00 GMT".into())],
                body,
            };
        }
        let (resource, offset, count) = match self.provider {
            "linkup-v2" => {
                let body = sent.json();
                let resource = match body["action"].as_str().unwrap() {
                    "list_sent" => "sent",
                    "list_invitations" => "received",
                    _ => "connections",
                };
                let params = &body["params"];
                (
                    resource,
                    params["offset"].as_u64().unwrap() as usize,
                    params["count"].as_u64().unwrap() as usize,
                )
            }
            "linkup-v1" => {
                let body = sent.json();
                let resource = if sent.url.ends_with("/sent-invitations") {
                    "sent"
                } else if sent.url.ends_with("/invitations") {
                    "received"
                } else {
                    "connections"
                };
                let (start, end) = (
                    body["start_page"].as_u64().unwrap() as usize,
                    body["end_page"].as_u64().unwrap() as usize,
                );
                (resource, (start - 1) * 10, (end - start + 1) * 10)
            }
            _ => {
                let resource = if sent.url.contains("/invitations/sent") {
                    "sent"
                } else if sent.url.contains("/invitations/received") {
                    "received"
                } else {
                    "connections"
                };
                let start = sent.query("startIndex").unwrap() as usize;
                let count = if resource == "connections" {
                    sent.query("limit").unwrap() as usize
                } else {
                    10
                };
                (resource, start, count)
            }
        };
        let entries = Self::entries(&lists, resource);
        let total = entries.len();
        let page: Vec<&(Option<String>, Human)> = entries.iter().skip(offset).take(count).collect();
        let render = |(id, person): &(Option<String>, Human)| -> Value {
            match (self.provider, id) {
                ("linkup-v2", Some(id)) => json!({
                    "entity_urn": format!("urn:li:invitation:{id}"),
                    "invitation_type": "CONNECTION", "sent_time": "1d", "sent_time_days": 1,
                    (if resource == "sent" { "recipient" } else { "sender" }):
                        { "name": person.name(), "linkedin_url": person.raw_url() },
                }),
                ("linkup-v2", None) => {
                    json!({ "name": person.name(), "profile_url": person.raw_url() })
                }
                ("linkup-v1", Some(id)) => json!({
                    "name": person.name(), "invitation_id": id.parse::<u64>().unwrap(),
                    "entity_urn": format!("urn:li:fsd_invitation:{id}"), "sent_time": "Sent yesterday",
                    "profile_url": person.raw_url(),
                }),
                ("linkup-v1", None) => {
                    json!({ "name": person.name(), "profile_url": person.raw_url() })
                }
                (_, Some(id)) => json!({
                    "invitationId": id, "invitationUrn": format!("urn:li:invitation:{id}"),
                    "invitationType": if resource == "sent" { "SENT" } else { "RECEIVED" },
                    "sentAt": "2 days ago",
                    "profile": { "firstName": person.first, "lastName": person.last, "profileUrl": person.raw_url() },
                }),
                (_, None) => json!({
                    "firstName": person.first, "lastName": person.last, "profileUrl": person.raw_url(),
                }),
            }
        };
        let items: Vec<Value> = page.iter().map(|entry| render(entry)).collect();
        let key = if resource == "connections" {
            "connections"
        } else {
            "invitations"
        };
        let returned = items.len();
        let (body, credits) = match self.provider {
            "linkup-v2" => {
                let credits = (returned as u64).div_ceil(50);
                (
                    json!({ "success": true,
                        "data": { key: items, "total_available_results": total,
                            "pagination": { "offset": offset, "count": count, "has_more": offset + returned < total } },
                        "metadata": { "credits_consumed": credits, "timestamp": "2026-04-26T10:35:00Z" } }),
                    credits,
                )
            }
            "linkup-v1" => {
                let pages = (count / 10) as u64;
                (
                    json!({ "status": "success",
                        "data": { key: items, "total_available_results": total,
                            "pagination": { "start_page": offset / 10 + 1, "end_page": (offset + count) / 10,
                                "results_per_page": 10, "pages_fetched": pages } } }),
                    pages,
                )
            }
            _ => (
                json!({ "success": true, key: items, "count": returned, "startIndex": offset }),
                0,
            ),
        };
        lists.charged += credits;
        if resource == "connections" {
            lists.connection_calls += 1;
            lists.connection_credits += credits;
        }
        Reply::Respond {
            after_ms: 100,
            status: 200,
            headers: vec![("Date".into(), "Sun, 26 Apr 2026 10:35:00 GMT".into())],
            body: body.to_string(),
        }
    }
}
