//! Fake provider backends for client tests: a list of ids served through
//! each provider's real envelope and paging, with a ledger of what it charged.
//! (The full emulator, over HTTP, is tests/emulator; these run in-process.)

use std::cell::RefCell;
use std::rc::Rc;

use super::transport::{Reply, Sent};

pub const FIRST_ID: u64 = 7_331_558_767_219_683_329;

/// `count` ids above 2^53, none a multiple of 1,024.
pub fn ids(count: usize) -> Vec<String> {
    (0..count as u64)
        .map(|index| (FIRST_ID + index * 1_031).to_string())
        .collect()
}

#[derive(Clone)]
pub struct FakeApi {
    pub provider: &'static str,
    pub list: Rc<RefCell<Vec<String>>>,
    pub charged: Rc<RefCell<u64>>,
    pub latency_ms: i64,
}

impl FakeApi {
    pub fn new(provider: &'static str, count: usize) -> FakeApi {
        FakeApi {
            provider,
            list: Rc::new(RefCell::new(ids(count))),
            charged: Rc::default(),
            latency_ms: 100,
        }
    }

    pub fn charged(&self) -> u64 {
        *self.charged.borrow()
    }

    /// Inserts `count` new items at the head (new invitations arrive first).
    pub fn insert_at_head(&self, count: usize) {
        let mut list = self.list.borrow_mut();
        for index in 0..count {
            list.insert(0, (FIRST_ID - 1_031 * (index as u64 + 1) - 7).to_string());
        }
    }

    pub fn remove_at_head(&self, count: usize) {
        self.list.borrow_mut().drain(..count);
    }

    /// A 200 answer for this request from the current list.
    pub fn answer(&self, sent: &Sent) -> Reply {
        self.answer_after(sent, self.latency_ms)
    }

    pub fn answer_after(&self, sent: &Sent, after_ms: i64) -> Reply {
        let list = self.list.borrow();
        let total = list.len();
        let slice = |from: usize, to: usize| list[from.min(total)..to.min(total)].to_vec();
        if self.provider == "unipile" {
            drop(list);
            let (status, body) = super::fake_unipile::answer(self, sent);
            return Reply::Respond {
                after_ms,
                status,
                headers: vec![("Date".into(), "Sun, 26 Apr 2026 10:35:00 GMT".into())],
                body,
            };
        }
        let (body, credits) = match self.provider {
            "linkup-v2" => {
                let params = &sent.json()["params"];
                let (offset, count) = (
                    params["offset"].as_u64().unwrap() as usize,
                    params["count"].as_u64().unwrap() as usize,
                );
                let items = slice(offset, offset + count);
                let connections = sent.json()["action"] == "list_connections";
                let rendered: Vec<String> = items.iter().map(|id| if connections {
                    format!(r#"{{"name":"P {id}","profile_url":"https://www.linkedin.com/in/p-{id}/"}}"#)
                } else {
                    format!(r#"{{"entity_urn":"urn:li:invitation:{id}","invitation_type":"CONNECTION","sent_time":"1d","sent_time_days":1}}"#)
                }).collect();
                let credits = (items.len() as u64).div_ceil(50);
                (
                    format!(
                        r#"{{"success":true,"data":{{"{}":[{}],"total_available_results":{total},"pagination":{{"offset":{offset},"count":{count},"has_more":{}}}}},"metadata":{{"credits_consumed":{credits},"timestamp":"2026-04-26T10:35:00Z"}}}}"#,
                        if connections {
                            "connections"
                        } else {
                            "invitations"
                        },
                        rendered.join(","),
                        offset + items.len() < total
                    ),
                    credits,
                )
            }
            "linkup-v1" => {
                let body = sent.json();
                let (start, end) = (
                    body["start_page"].as_u64().unwrap() as usize,
                    body["end_page"].as_u64().unwrap() as usize,
                );
                let items = slice((start - 1) * 10, end * 10);
                let rendered: Vec<String> = items.iter().map(|id| format!(
                    r#"{{"name":"Ada L","invitation_id":{id},"entity_urn":"urn:li:fsd_invitation:{id}","sent_time":"Sent yesterday"}}"#
                )).collect();
                let pages = (end - start + 1) as u64;
                (
                    format!(
                        r#"{{"status":"success","data":{{"total_available_results":{total},"invitations":[{}],"pagination":{{"start_page":{start},"end_page":{end},"results_per_page":10,"pages_fetched":{pages}}}}}}}"#,
                        rendered.join(",")
                    ),
                    pages,
                )
            }
            _ => {
                let start = sent.query("startIndex").unwrap() as usize;
                let connections = sent.url.contains("/connections");
                let size = if connections {
                    sent.query("limit").unwrap() as usize
                } else {
                    10
                };
                let items = slice(start, start + size);
                let rendered: Vec<String> = items.iter().map(|id| if connections {
                    format!(r#"{{"firstName":"P","lastName":"{id}","profileUrl":"https://www.linkedin.com/in/p-{id}"}}"#)
                } else {
                    format!(r#"{{"invitationId":"{id}","invitationUrn":"urn:li:invitation:{id}","invitationType":"SENT","sentAt":"2 days ago"}}"#)
                }).collect();
                (
                    format!(
                        r#"{{"success":true,"{}":[{}],"count":{},"startIndex":{start}}}"#,
                        if connections {
                            "connections"
                        } else {
                            "invitations"
                        },
                        rendered.join(","),
                        items.len()
                    ),
                    0,
                )
            }
        };
        *self.charged.borrow_mut() += credits;
        Reply::Respond {
            after_ms,
            status: 200,
            headers: vec![("Date".into(), "Sun, 26 Apr 2026 10:35:00 GMT".into())],
            body,
        }
    }
}

/// An error answer in the shape every provider understands as a status.
pub fn status(after_ms: i64, status: u16, headers: &[(&str, &str)]) -> Reply {
    Reply::Respond {
        after_ms,
        status,
        headers: headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        body: r#"{"error":"scripted"}"#.into(),
    }
}
