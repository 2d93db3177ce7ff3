//! The two reads a sync makes of one list, over the client's call
//! machinery (retries, timeouts, budgets, cancellation): a full read (a
//! run over the whole list, as `collect` makes) and the incremental read of
//! a list from its head (`sync::head` decides each range).

use core::cell::Cell;
use std::collections::HashSet;
use std::rc::Rc;

use crate::client::budget::{Budgets, Spend, StopReason};
use crate::client::call::{aborted, run_call, CallContext, CallOutcome};
use crate::client::{CancelToken, Client, RunRequest, Timer, Transport};
use crate::error::Error;
use crate::model::Item;
use crate::query::{Resource, Target};
use crate::sync::diff::item_key;
use crate::sync::head::{billing_unit, HeadRead, HeadStatus};
use crate::sync::Removed;

use super::SyncProgress;

/// What one read of one list brought back.
#[derive(Debug, Default)]
pub struct ListRead {
    /// Every item of the list (a full read), or the new items at its head.
    pub items: Vec<Item>,
    /// `None`: the read reached its end; else the budget that cut it short.
    pub stopped: Option<StopReason>,
    pub spend: Spend,
    pub warnings: Vec<String>,
    /// Where a run over the list would go on (a full read's run cursor).
    pub cursor: String,
    /// The newest total the provider gave for the list.
    pub total: Option<u64>,
    /// On a head read of sent invitations proven whole (`sync::proof`):
    /// the known ones that left as accepted.
    pub explained: Vec<Removed>,
    /// On a head read whose first page held the whole list: that list.
    pub whole: Option<Vec<Item>>,
}

/// Items a sync cannot key (a connection with neither a profile URL nor a
/// member id) are left out of its state, and said so.
pub fn unkeyed_warning(resource: Resource, count: u64) -> Option<String> {
    (count > 0).then(|| {
        format!(
            "{count} {} item(s) have neither a profile URL nor a member id; a sync cannot track them",
            resource.as_str()
        )
    })
}

impl<T: Transport + 'static, C: Timer + 'static> Client<T, C> {
    /// The whole list (from `resume`, a run cursor, when given), within
    /// `budgets` — or, with `stop_at`, the items before the first whose key
    /// it holds (a head read made sequentially).
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn read_full(
        &self,
        resource: Resource,
        budgets: Budgets,
        cancel: CancelToken,
        on_progress: &mut dyn FnMut(&SyncProgress),
        before: Spend,
        resume: Option<String>,
        stop_at: Option<&HashSet<&str>>,
    ) -> Result<ListRead, Error> {
        let request = RunRequest {
            budgets,
            cursor: resume,
            ..RunRequest::default()
        };
        let (invitation_type, spec) = self.run_spec(resource, request, None)?;
        let mut run = self.start_run(resource, invitation_type, spec, cancel);
        let mut items = Vec::new();
        let mut unkeyed = 0;
        let mut found = false;
        'pages: while let Some(batch) = run.next_batch().await? {
            match stop_at {
                None => items.extend(batch.items),
                Some(known) => {
                    for item in batch.items {
                        match item_key(&item) {
                            None => unkeyed += 1,
                            Some(key) if known.contains(key) => found = true,
                            Some(_) => items.push(item),
                        }
                        if found {
                            break;
                        }
                    }
                }
            }
            on_progress(&SyncProgress::of(
                resource,
                items.len(),
                before,
                run.spend(),
            ));
            if found {
                break 'pages;
            }
        }
        let progress = run.progress();
        let stopped = run
            .stop_reason()
            .filter(|reason| !found && *reason != StopReason::End);
        let mut warnings = progress.warnings;
        warnings.extend(unkeyed_warning(resource, unkeyed));
        Ok(ListRead {
            items,
            stopped,
            spend: run.spend(),
            warnings,
            cursor: progress.cursor,
            total: run.total(),
            explained: Vec::new(),
            whole: None,
        })
    }

    /// The items before the first one `known` holds, at the incremental
    /// floor.
    pub(super) async fn read_head(
        &self,
        resource: Resource,
        known: &[Removed],
        budgets: Budgets,
        cancel: CancelToken,
        on_progress: &mut dyn FnMut(&SyncProgress),
        before: Spend,
    ) -> Result<ListRead, Error> {
        let provider = self.shared.provider;
        let keys: HashSet<&str> = known.iter().map(|entry| entry.key.as_str()).collect();
        // A list read through opaque cursors cannot be asked for a range:
        // its head is read page after page, to the first known item.
        if !provider.addressable() {
            let read = self.read_full(
                resource,
                budgets,
                cancel,
                on_progress,
                before,
                None,
                Some(&keys),
            );
            return read.await;
        }
        let context = CallContext {
            client: self.clone(),
            target: Rc::new(Target {
                base_url: self.shared.base_url.clone(),
                credentials: self.shared.credentials.clone(),
                resource,
                invitation_type: None,
            }),
            spend: Rc::new(Cell::new(Spend::default())),
            budgets,
            cancel: cancel.clone(),
        };
        let mut head = HeadRead::new(known.len() as u64);
        let mut stopped = None;
        'steps: while let Some(step) =
            head.next_step(billing_unit(provider, resource, head.next_offset()))
        {
            for call in provider.plan(resource, step.offset, step.limit) {
                // A page that found a known item, or moved the read, ends the step.
                if call.offset != head.next_offset() || head.status() != HeadStatus::Reading {
                    continue 'steps;
                }
                if cancel.is_cancelled() {
                    return Err(self.failed(aborted(&cancel), &context));
                }
                let mut spend = context.spend.get();
                if let Err(reason) = budgets.allows_call(&spend, call.credits) {
                    stopped = Some(reason);
                    break 'steps;
                }
                spend.credits_reserved += call.credits;
                spend.requests += 1;
                context.spend.set(spend);
                match run_call(context.clone(), call.clone()).await {
                    CallOutcome::Page(page) => {
                        head.take_page(&call, page, |key| keys.contains(key));
                    }
                    CallOutcome::Stopped(reason) => {
                        stopped = Some(reason);
                        break 'steps;
                    }
                    CallOutcome::Failed(error) => return Err(self.failed(error, &context)),
                }
                on_progress(&SyncProgress::of(
                    resource,
                    head.added_count(),
                    before,
                    context.spend.get(),
                ));
            }
        }
        let total = head.total();
        let whole = head.take_whole();
        let (items, unkeyed, mut warnings) = head.into_added();
        warnings.extend(unkeyed_warning(resource, unkeyed));
        Ok(ListRead {
            items,
            stopped,
            spend: context.spend.get(),
            warnings,
            cursor: String::new(),
            total,
            explained: Vec::new(),
            whole,
        })
    }

    fn failed(&self, error: Error, context: &CallContext<T, C>) -> Error {
        let mut error = self.redact(error);
        error.credits_used = context.spend.get().credits_used;
        error
    }
}
