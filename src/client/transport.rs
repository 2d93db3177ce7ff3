//! What the client needs from the outside world, as traits: a transport that
//! sends one request, a timer, and a cancel token. Production implements them
//! with `fetch` and `setTimeout` (`src/wasm/`); tests with a script and a fake
//! clock. Nothing else in the client does I/O.

use core::cell::{Cell, RefCell};
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::rc::Rc;

use crate::http::HttpRequest;

/// A response as it came off the wire, body read whole (and capped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// Why a request got no usable response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportError {
    /// No response at all (refused, reset, DNS, CORS): retried.
    Network(String),
    /// The response started but the connection ended before the body did: retried.
    CutShort(String),
    /// The body is over the cap (or says it will be): not retried.
    TooLarge { limit: u64 },
    /// A 3xx, or an opaque redirect: refused so the key never leaves the origin.
    Redirect { status: u16 },
}

/// Sends one request. Dropping the returned future must stop the request
/// (production aborts the `fetch`): that is how timeouts and cancellation
/// reach the network.
pub trait Transport {
    fn send(
        &self,
        request: HttpRequest,
    ) -> impl Future<Output = Result<RawResponse, TransportError>>;
}

/// Time, for backoff sleeps, timeouts and the relative-time anchor of last resort.
pub trait Timer {
    fn sleep(&self, ms: u64) -> impl Future<Output = ()>;
    fn now_ms(&self) -> i64;
}

/// A cancellation flag shared between the caller (an `AbortSignal`) and every
/// request, sleep and page of a run.
#[derive(Clone, Default)]
pub struct CancelToken(Rc<CancelState>);

#[derive(Default)]
struct CancelState {
    cancelled: Cell<bool>,
    /// Cancelled because the caller's deadline passed.
    timed_out: Cell<bool>,
    /// The wakers of the `Cancelled` futures alive now, each under its own
    /// number: a future removes its entry when dropped, so a long run (one
    /// race per request) keeps none of the tasks that have finished.
    waiting: RefCell<Vec<(u64, Waker)>>,
    next_waiter: Cell<u64>,
}

impl CancelToken {
    pub fn new() -> CancelToken {
        CancelToken::default()
    }

    /// Cancels everything waiting on this token, now.
    pub fn cancel(&self) {
        if !self.0.cancelled.replace(true) {
            for (_, waker) in self.0.waiting.take() {
                waker.wake();
            }
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.cancelled.get()
    }

    /// Cancels because the caller's deadline passed (an `AbortSignal`
    /// whose reason is a `TimeoutError`): what is cancelled ends as
    /// `TIMEOUT`, not `ABORTED`.
    pub fn time_out(&self) {
        self.0.timed_out.set(true);
        self.cancel();
    }

    pub fn timed_out(&self) -> bool {
        self.0.timed_out.get()
    }

    /// Resolves once the token is cancelled.
    pub fn cancelled(&self) -> Cancelled {
        let id = self.0.next_waiter.get();
        self.0.next_waiter.set(id.wrapping_add(1));
        Cancelled {
            token: self.clone(),
            id,
        }
    }

    /// How many `Cancelled` futures have a waker registered (a count for
    /// tests: it must fall back when they are dropped).
    pub fn waiting(&self) -> usize {
        self.0.waiting.borrow().len()
    }
}

pub struct Cancelled {
    token: CancelToken,
    id: u64,
}

impl Future for Cancelled {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let state = &self.token.0;
        if state.cancelled.get() {
            return Poll::Ready(());
        }
        let mut waiting = state.waiting.borrow_mut();
        match waiting.iter_mut().find(|(id, _)| *id == self.id) {
            Some((_, waker)) => waker.clone_from(cx.waker()),
            None => waiting.push((self.id, cx.waker().clone())),
        }
        Poll::Pending
    }
}

impl Drop for Cancelled {
    fn drop(&mut self) {
        if let Ok(mut waiting) = self.token.0.waiting.try_borrow_mut() {
            waiting.retain(|(id, _)| *id != self.id);
        }
    }
}

/// Which of two futures finished first.
pub enum Either<A, B> {
    Left(A),
    Right(B),
}

/// Polls both futures and returns the first result; the other is dropped
/// (for a transport future, that aborts its request).
pub async fn race<A: Future, B: Future>(left: A, right: B) -> Either<A::Output, B::Output> {
    let mut left = Box::pin(left);
    let mut right = Box::pin(right);
    core::future::poll_fn(move |cx| {
        if let Poll::Ready(value) = left.as_mut().poll(cx) {
            return Poll::Ready(Either::Left(value));
        }
        if let Poll::Ready(value) = right.as_mut().poll(cx) {
            return Poll::Ready(Either::Right(value));
        }
        Poll::Pending
    })
    .await
}
