//! A scripted transport: each request is answered by a closure (a fake
//! provider, a fault script), after a virtual latency; the log records what
//! was sent, when, and which requests were dropped (aborted) before answering.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use linkedin_network::client::{RawResponse, Timer, Transport, TransportError};
use linkedin_network::http::HttpRequest;

use super::clock::Clock;

#[derive(Debug, Clone)]
pub struct Sent {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
    pub at: i64,
}

impl Sent {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(self.body.as_deref().unwrap_or("null")).unwrap()
    }

    /// A query parameter of the URL.
    pub fn query(&self, name: &str) -> Option<u64> {
        let query = self.url.split_once('?')?.1;
        query.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            (key == name).then(|| value.parse().ok()).flatten()
        })
    }
}

pub enum Reply {
    Respond {
        after_ms: i64,
        status: u16,
        headers: Vec<(String, String)>,
        body: String,
    },
    Fail {
        after_ms: i64,
        error: TransportError,
    },
    Hang,
}

impl Reply {
    pub fn ok(after_ms: i64, body: String) -> Reply {
        Reply::Respond {
            after_ms,
            status: 200,
            headers: vec![],
            body,
        }
    }
}

type Handler = Box<dyn FnMut(&Sent, usize) -> Reply>;

#[derive(Default)]
pub struct Log {
    pub sent: Vec<Sent>,
    pub in_flight: usize,
    pub max_in_flight: usize,
    pub dropped: usize,
    pub completed: usize,
}

#[derive(Clone)]
pub struct Scripted {
    clock: Clock,
    handler: Rc<RefCell<Handler>>,
    pub log: Rc<RefCell<Log>>,
}

impl Scripted {
    /// `handler(request, index)` decides each answer; `index` counts requests from 0.
    pub fn new(clock: &Clock, handler: impl FnMut(&Sent, usize) -> Reply + 'static) -> Scripted {
        Scripted {
            clock: clock.clone(),
            handler: Rc::new(RefCell::new(Box::new(handler))),
            log: Rc::default(),
        }
    }

    pub fn requests(&self) -> usize {
        self.log.borrow().sent.len()
    }

    /// One value read from each request sent, in the order they were sent.
    pub fn sent_map<T>(&self, read: impl Fn(&Sent) -> T) -> Vec<T> {
        self.log.borrow().sent.iter().map(read).collect()
    }
}

/// Counts a request as in flight until it answers or is dropped.
struct InFlightGuard {
    log: Rc<RefCell<Log>>,
    answered: bool,
}

impl Drop for InFlightGuard {
    fn drop(&mut self) {
        let mut log = self.log.borrow_mut();
        log.in_flight -= 1;
        if self.answered {
            log.completed += 1;
        } else {
            log.dropped += 1;
        }
    }
}

impl Transport for Scripted {
    fn send(
        &self,
        request: HttpRequest,
    ) -> impl Future<Output = Result<RawResponse, TransportError>> {
        let sent = Sent {
            method: request.method.as_str().to_string(),
            url: request.url.clone(),
            headers: request
                .headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
            body: request.body.clone(),
            at: self.clock.now(),
        };
        let index = {
            let mut log = self.log.borrow_mut();
            log.sent.push(sent.clone());
            log.in_flight += 1;
            log.max_in_flight = log.max_in_flight.max(log.in_flight);
            log.sent.len() - 1
        };
        let reply = (self.handler.borrow_mut())(&sent, index);
        let clock = self.clock.clone();
        let guard = InFlightGuard {
            log: Rc::clone(&self.log),
            answered: false,
        };
        async move {
            // Move the whole guard in (not just the field assigned below).
            let mut guard = guard;
            let result = match reply {
                Reply::Respond {
                    after_ms,
                    status,
                    headers,
                    body,
                } => {
                    clock.sleep(after_ms as u64).await;
                    Ok(RawResponse {
                        status,
                        headers,
                        body,
                    })
                }
                Reply::Fail { after_ms, error } => {
                    clock.sleep(after_ms as u64).await;
                    Err(error)
                }
                Reply::Hang => std::future::pending().await,
            };
            guard.answered = true;
            result
        }
    }
}
