//! Normalization shared by every provider: each rule lives here once and is
//! called from the provider files, never copied into them.

pub mod ids;
pub mod invitation_type;
pub mod names;
pub mod person;
pub mod profile_url;
pub mod relative_time;
pub mod time;
pub mod urn;
