//! `sync` and `diffSnapshots` options read from their JSON form, strictly
//! (unknown keys and wrong types are `INVALID_INPUT` naming the field), and
//! `diffSnapshots` itself over JSON text for the package.

use crate::client::budget::Budgets;
use crate::client::sync::SyncRequest;
use crate::error::Error;
use crate::json::{to_json_string_sized, type_name, Value};
use crate::options::Fields;
use crate::providers;
use crate::query::Resource;

use super::diff::diff_snapshots;
use super::items_json::read_snapshot;

/// `client.sync`'s options (the signal and `onProgress` stay in JavaScript).
pub fn sync_options(json: &str) -> Result<SyncRequest, Error> {
    let allowed = ["state", "resources", "full", "maxCredits", "maxRequests"];
    let fields = Fields::parse(json, "sync", &allowed)?;
    let full = match fields.present("full") {
        None => false,
        Some(Value::Bool(full)) => *full,
        Some(other) => {
            return Err(Error::invalid_input(
                "full",
                &format!("must be a boolean, got {}", type_name(other)),
            ))
        }
    };
    let resources = match fields.present("resources") {
        None => None,
        Some(Value::Array(names)) => {
            let mut list = Vec::with_capacity(names.len());
            for name in names {
                let resource = name.as_str().and_then(|name| Resource::parse(name).ok());
                list.push(resource.ok_or_else(|| {
                    Error::invalid_input(
                        "resources",
                        "must be an array of \"sentInvitations\", \"receivedInvitations\", \"connections\"",
                    )
                })?);
            }
            Some(list)
        }
        Some(other) => {
            return Err(Error::invalid_input(
                "resources",
                &format!("must be an array of list names, got {}", type_name(other)),
            ))
        }
    };
    Ok(SyncRequest {
        state: fields.text("state")?.map(str::to_string),
        resources,
        full,
        budgets: Budgets {
            max_items: None,
            max_credits: fields.integer("maxCredits", 0, u64::from(u32::MAX))?,
            max_requests: fields.integer("maxRequests", 1, u64::from(u32::MAX))?,
        },
    })
}

/// `diffSnapshots({ provider, before, after })` → `changes`, as JSON text.
pub fn diff_snapshots_json(json: &str) -> Result<String, Error> {
    let fields = Fields::parse(json, "diffSnapshots", &["provider", "before", "after"])?;
    let provider = providers::find(fields.text("provider")?.unwrap_or_default())?;
    let with_provider = |error: Error| error.with_provider(provider.id());
    let before = read_snapshot(fields.present("before"), "before").map_err(with_provider)?;
    let after = read_snapshot(fields.present("after"), "after").map_err(with_provider)?;
    let changes = diff_snapshots(provider, &before, &after)?;
    Ok(to_json_string_sized(&changes, json.len() / 2 + 256))
}
