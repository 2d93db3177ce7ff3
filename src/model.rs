//! The normalized model of SPEC §2: one schema whatever the provider.
//!
//! Every key is always present (`None` serializes as `null`), ids are exact
//! decimal strings, and times carry the text they came from.

use crate::json::{ObjectWriter, ToJson};

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
    /// CONNECTION, ORGANIZATION, … or whatever the provider sent.
    pub kind: String,
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
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

// The JSON form of SPEC §2: camelCase keys, every key always present.

impl ToJson for RelativeTime {
    fn write_json(&self, out: &mut String) {
        let mut object = ObjectWriter::new(out);
        object
            .field("text", &self.text)
            .field("days", &self.days)
            .field("at", &self.at)
            .field("precision", &self.precision.map(Precision::as_str))
            .field("anchor", &self.anchor);
        object.end();
    }
}

impl ToJson for Person {
    fn write_json(&self, out: &mut String) {
        let mut object = ObjectWriter::new(out);
        object
            .field("name", &self.name)
            .field("firstName", &self.first_name)
            .field("lastName", &self.last_name)
            .field("headline", &self.headline)
            .field("profileUrl", &self.profile_url)
            .field("publicIdentifier", &self.public_identifier)
            .field("memberId", &self.member_id)
            .field("memberUrn", &self.member_urn)
            .field("pictureUrl", &self.picture_url)
            .field("organization", &self.organization);
        object.end();
    }
}

impl ToJson for Invitation {
    fn write_json(&self, out: &mut String) {
        let mut object = ObjectWriter::new(out);
        object
            .field("id", &self.id)
            .field("urn", &self.urn)
            .field("direction", self.direction.as_str())
            .field("type", &self.kind)
            .field("state", &self.state)
            .field("message", &self.message)
            .field("sentAt", &self.sent_at)
            .field("person", &self.person)
            .field("acceptToken", &self.accept_token)
            .field("provider", self.provider);
        object.end();
    }
}

impl ToJson for Connection {
    fn write_json(&self, out: &mut String) {
        let mut object = ObjectWriter::new(out);
        object
            .field("person", &self.person)
            .field("connectedAt", &self.connected_at)
            .field("provider", self.provider);
        object.end();
    }
}

impl ToJson for Item {
    fn write_json(&self, out: &mut String) {
        match self {
            Item::Invitation(invitation) => invitation.write_json(out),
            Item::Connection(connection) => connection.write_json(out),
        }
    }
}

impl ToJson for Page {
    fn write_json(&self, out: &mut String) {
        let mut object = ObjectWriter::new(out);
        object
            .field("items", &self.items)
            .field("offset", &self.offset)
            .field("total", &self.total)
            .field("hasMore", &self.has_more)
            .field("creditsUsed", &self.credits_used)
            .field("warnings", &self.warnings);
        object.end();
    }
}
