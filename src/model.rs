//! The normalized model of SPEC §2: one schema whatever the provider.
//!
//! Every key is always present (`None` serializes as `null`), ids are exact
//! decimal strings, and times carry the text they came from.

use crate::json::write::json_object;
use crate::json::ToJson;

/// Which way an invitation went, seen from the account being listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Sent,
    Received,
}

/// A time the provider gave relative to its own clock ("5d", "Sent yesterday",
/// "Connected on Feb 15, 2024"), resolved to an instant where it can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelativeTime {
    /// What the provider said, verbatim.
    pub text: String,
    /// Whole days before `anchor`.
    pub days: Option<i64>,
    /// ISO 8601 instant (`anchor − days × 24 h`, or the absolute date given).
    pub at: Option<String>,
    pub precision: Option<Precision>,
    /// The server clock the text was relative to.
    pub anchor: Option<String>,
}

/// How coarse the provider's wording was: "1 month ago" is only good to a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// The provider gave an instant, not a wording (Unipile's `parsed_datetime`).
    Exact,
    Day,
    Week,
    Month,
    Year,
}

/// The person (or page) on the other side of an invitation, or a connection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    pub name: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub headline: Option<String>,
    /// Canonical: `https://www.linkedin.com/in/<slug>`.
    pub profile_url: Option<String>,
    /// The `/in/<slug>`, percent-decoded; `None` for member-id URLs.
    pub public_identifier: Option<String>,
    pub member_id: Option<String>,
    pub member_urn: Option<String>,
    pub picture_url: Option<String>,
    pub organization: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    /// Exact decimal id: never rounded through a double.
    pub id: String,
    /// The URN as the provider sent it.
    pub urn: Option<String>,
    pub direction: Direction,
    /// The product's vocabulary (CONNECTION, ORGANIZATION, NEWSLETTER,
    /// EVENT, MEMBER_FOLLOW), or an unknown word as sent.
    pub kind: String,
    /// The provider's own word for the type, where it sends one.
    pub provider_type: Option<String>,
    pub state: Option<String>,
    pub message: Option<String>,
    pub sent_at: Option<RelativeTime>,
    pub person: Person,
    /// The secret a received invitation is accepted with.
    pub accept_token: Option<String>,
    pub provider: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connection {
    pub person: Person,
    pub connected_at: Option<RelativeTime>,
    pub provider: &'static str,
}

/// One element of a listed page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Invitation(Invitation),
    Connection(Connection),
}

impl Item {
    /// What makes two items the same entry of a list: the invitation id, or
    /// for a connection its canonical profile URL (else member id, else name).
    pub fn identity(&self) -> Option<&str> {
        match self {
            Item::Invitation(invitation) => Some(invitation.id.as_str()),
            Item::Connection(connection) => {
                let person = &connection.person;
                person
                    .profile_url
                    .as_deref()
                    .or(person.member_id.as_deref())
                    .or(person.name.as_deref())
            }
        }
    }
}

/// One provider answer, normalized: the shape `parseResponse` returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub items: Vec<Item>,
    /// List position of the first item.
    pub offset: u64,
    /// The provider's count of the whole list, where it gives one.
    pub total: Option<u64>,
    pub has_more: bool,
    pub credits_used: u64,
    pub warnings: Vec<String>,
    /// The provider's opaque link to the page after this one, where its
    /// lists are chained by cursor (`Provider::chained`); `None` at the end
    /// and for offset providers. Kept out of the JSON form: this library's
    /// own cursor carries it.
    pub continuation: Option<String>,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Sent => "sent",
            Direction::Received => "received",
        }
    }
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Exact => "exact",
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

// The JSON form of SPEC §2: camelCase keys, every key always present.

json_object!(RelativeTime, |this| {
    "text" => this.text,
    "days" => this.days,
    "at" => this.at,
    "precision" => this.precision.map(Precision::as_str),
    "anchor" => this.anchor,
});

json_object!(Person, |this| {
    "name" => this.name,
    "firstName" => this.first_name,
    "lastName" => this.last_name,
    "headline" => this.headline,
    "profileUrl" => this.profile_url,
    "publicIdentifier" => this.public_identifier,
    "memberId" => this.member_id,
    "memberUrn" => this.member_urn,
    "pictureUrl" => this.picture_url,
    "organization" => this.organization,
});

json_object!(Invitation, |this| {
    "kind" => "invitation",
    "id" => this.id,
    "urn" => this.urn,
    "direction" => this.direction.as_str(),
    "type" => this.kind,
    "state" => this.state,
    "message" => this.message,
    "sentAt" => this.sent_at,
    "person" => this.person,
    "acceptToken" => this.accept_token,
    "providerType" => this.provider_type,
    "provider" => this.provider,
});

json_object!(Connection, |this| {
    "kind" => "connection",
    "person" => this.person,
    "connectedAt" => this.connected_at,
    "provider" => this.provider,
});

impl ToJson for Item {
    fn write_json(&self, out: &mut String) {
        match self {
            Item::Invitation(invitation) => invitation.write_json(out),
            Item::Connection(connection) => connection.write_json(out),
        }
    }
}

json_object!(Page, |this| {
    "items" => this.items,
    "offset" => this.offset,
    "total" => this.total,
    "hasMore" => this.has_more,
    "creditsUsed" => this.credits_used,
    "warnings" => this.warnings,
});
