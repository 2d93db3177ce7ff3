//! A fake clock and the executor that drives it: when nothing can make
//! progress, time jumps to the next sleeper, so a test of a 20 s backoff
//! runs in microseconds and sees exact virtual times.

use std::cell::RefCell;
use std::future::Future;
use std::pin::{pin, Pin};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use linkedin_network::client::Timer;

type Action = Box<dyn FnOnce()>;

#[derive(Default)]
struct State {
    now: i64,
    sleepers: Vec<(i64, Waker)>,
    actions: Vec<(i64, Action)>,
}

#[derive(Clone, Default)]
pub struct Clock(Rc<RefCell<State>>);

impl Clock {
    pub fn starting_at(ms: i64) -> Clock {
        let clock = Clock::default();
        clock.0.borrow_mut().now = ms;
        clock
    }

    pub fn now(&self) -> i64 {
        self.0.borrow().now
    }

    /// Runs `action` when virtual time reaches `at`.
    pub fn at(&self, at: i64, action: impl FnOnce() + 'static) {
        self.0.borrow_mut().actions.push((at, Box::new(action)));
    }

    fn next_event(&self) -> Option<i64> {
        let state = self.0.borrow();
        state
            .sleepers
            .iter()
            .map(|(at, _)| *at)
            .chain(state.actions.iter().map(|(at, _)| *at))
            .min()
    }

    fn advance_to(&self, at: i64) {
        let (wakers, actions) = {
            let mut state = self.0.borrow_mut();
            state.now = state.now.max(at);
            let now = state.now;
            let (due, waiting): (Vec<_>, Vec<_>) =
                state.sleepers.drain(..).partition(|(at, _)| *at <= now);
            state.sleepers = waiting;
            let (run, later): (Vec<_>, Vec<_>) =
                state.actions.drain(..).partition(|(at, _)| *at <= now);
            state.actions = later;
            (due, run)
        };
        for (_, action) in actions {
            action();
        }
        for (_, waker) in wakers {
            waker.wake();
        }
    }
}

pub struct Sleep {
    clock: Clock,
    deadline: i64,
}

impl Future for Sleep {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.clock.now() >= self.deadline {
            return Poll::Ready(());
        }
        self.clock
            .0
            .borrow_mut()
            .sleepers
            .push((self.deadline, cx.waker().clone()));
        Poll::Pending
    }
}

impl Timer for Clock {
    fn sleep(&self, ms: u64) -> impl Future<Output = ()> {
        Sleep {
            clock: self.clone(),
            deadline: self.now() + ms as i64,
        }
    }

    fn now_ms(&self) -> i64 {
        self.now()
    }
}

struct Flag(AtomicBool);

impl Wake for Flag {
    fn wake(self: Arc<Self>) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Polls `future` to completion, advancing the fake clock whenever nothing
/// else can happen. Panics on a deadlock (nothing pending, nothing to wait for).
pub fn block_on<F: Future>(clock: &Clock, future: F) -> F::Output {
    let flag = Arc::new(Flag(AtomicBool::new(false)));
    let waker = Waker::from(Arc::clone(&flag));
    let mut context = Context::from_waker(&waker);
    let mut future = pin!(future);
    let mut idle_turns = 0;
    loop {
        flag.0.store(false, Ordering::SeqCst);
        if let Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
        if flag.0.load(Ordering::SeqCst) {
            idle_turns += 1;
            assert!(
                idle_turns < 100_000,
                "livelock: woken forever without progress"
            );
            continue;
        }
        idle_turns = 0;
        let next = clock
            .next_event()
            .expect("deadlock: the future is pending and nothing will wake it");
        clock.advance_to(next);
    }
}
