//! Resuming from a cursor: decoded, then checked field by field like a fresh
//! call, since its checksum stops accidents, not a cursor written by hand.

use crate::client::cursor::Cursor;
use crate::client::{Client, Timer, Transport, MAX_LIST_TOTAL};
use crate::error::Error;
use crate::query::{check_invitation_type, Resource, MAX_OFFSET};

impl<T: Transport + 'static, C: Timer + 'static> Client<T, C> {
    /// Decodes and checks a cursor for `resource`; returns it with the
    /// invitation type the run takes (the cursor's, which a given one must
    /// equal).
    pub(super) fn resume_from(
        &self,
        text: &str,
        resource: Resource,
        invitation_type: Option<String>,
    ) -> Result<(Cursor, Option<String>), Error> {
        let provider = self.shared.provider;
        let cursor = Cursor::decode(text).map_err(|error| error.with_provider(provider.id()))?;
        self.check_cursor(&cursor, resource)?;
        if invitation_type.is_some() && invitation_type != cursor.invitation_type {
            return Err(Error::invalid_input(
                "invitationType",
                "differs from the cursor's; resume with the same invitationType (or none)",
            )
            .with_provider(provider.id()));
        }
        let kind = cursor.invitation_type.clone();
        Ok((cursor, kind))
    }

    /// A decoded cursor, checked field by field like a fresh call: its
    /// checksum stops accidents, not a cursor written by hand.
    pub(super) fn check_cursor(&self, cursor: &Cursor, resource: Resource) -> Result<(), Error> {
        let provider = self.shared.provider;
        let refuse = |problem: &str| {
            Err(Error::invalid_input("cursor", problem).with_provider(provider.id()))
        };
        if cursor.provider != provider.id() || cursor.resource != resource {
            return refuse(&format!(
                "was issued for {} {}; this is {} {}",
                crate::json::quoted(&cursor.provider),
                cursor.resource.as_str(),
                crate::json::quoted(provider.id()),
                resource.as_str()
            ));
        }
        if cursor.account != self.shared.account_tag {
            return refuse("was issued for another account (or another API key) of this provider");
        }
        if let Some(kind) = &cursor.invitation_type {
            let accepted = check_invitation_type(provider, resource, kind);
            if accepted.as_ref().ok() != Some(kind) {
                return refuse("holds an invitation type this list cannot be filtered by");
            }
        }
        if cursor.chain.is_some() && !provider.chained() {
            return refuse(
                "holds a provider cursor, but this provider's lists are read by position",
            );
        }
        if cursor.offset > MAX_OFFSET || cursor.total.is_some_and(|total| total > MAX_LIST_TOTAL) {
            return refuse(&format!(
                "holds a position past {MAX_OFFSET}, the largest offset a call accepts"
            ));
        }
        Ok(())
    }
}
