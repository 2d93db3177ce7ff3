//! The model's `Person` from what any provider says about someone: names
//! split or joined, the profile URL made canonical, the public identifier and
//! member id filled from whichever field carries them.

use crate::json::quoted;
use crate::model::Person;
use crate::normalize::names::{non_blank, person_names};
use crate::normalize::profile_url::{canonical_profile_url, profile_link};
use crate::normalize::urn;

/// A person in a provider's own words; each provider fills what it has.
#[derive(Debug, Default, Clone, Copy)]
pub struct PersonSource<'a> {
    pub full_name: Option<&'a str>,
    pub first_name: Option<&'a str>,
    pub last_name: Option<&'a str>,
    pub headline: Option<&'a str>,
    pub profile_url: Option<&'a str>,
    /// A slug the provider gives on its own (`publicIdentifier`, `vanityName`).
    pub public_identifier: Option<&'a str>,
    pub member_id: Option<&'a str>,
    pub member_urn: Option<&'a str>,
    pub picture_url: Option<&'a str>,
    pub organization: Option<&'a str>,
}

/// Builds the model's person. `url_path` names the URL field for a warning
/// when the URL is not LinkedIn's (it is then kept exactly as sent).
pub fn person(
    source: PersonSource<'_>,
    url_path: &dyn Fn() -> String,
    warnings: &mut Vec<String>,
) -> Person {
    let (name, first_name, last_name) =
        person_names(source.full_name, source.first_name, source.last_name);
    let mut profile_url = None;
    let mut public_identifier = None;
    let mut member_id_from_url = None;
    if let Some(raw) = non_blank(source.profile_url) {
        match canonical_profile_url(raw) {
            Some(link) => {
                profile_url = Some(link.url);
                public_identifier = link.public_identifier;
                member_id_from_url = link.member_id;
            }
            None => {
                warnings.push(format!(
                    "{}: {} is not a LinkedIn URL; kept as sent",
                    url_path(),
                    quoted(raw)
                ));
                profile_url = Some(raw.to_string());
            }
        }
    }
    // A slug the provider gives on its own fills what the URL did not say
    // (a member-id URL says no public identifier).
    if public_identifier.is_none() {
        if let Some(slug) = non_blank(source.public_identifier) {
            let link = profile_link(slug);
            public_identifier = link.public_identifier;
            // Some providers put the member id where the slug goes.
            member_id_from_url = member_id_from_url.or(link.member_id);
            profile_url = profile_url.or(Some(link.url));
        }
    }
    let member_urn = non_blank(source.member_urn);
    let member_id = non_blank(source.member_id)
        .or_else(|| member_urn.and_then(urn::member_id))
        .map(str::to_string)
        .or(member_id_from_url);
    Person {
        name,
        first_name,
        last_name,
        headline: non_blank(source.headline).map(str::to_string),
        profile_url,
        public_identifier,
        member_id,
        member_urn: member_urn.map(str::to_string),
        picture_url: non_blank(source.picture_url).map(str::to_string),
        organization: non_blank(source.organization).map(str::to_string),
    }
}
