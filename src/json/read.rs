//! Typed reading of a provider's JSON that knows where it is, so a field of
//! the wrong type is reported by its path ("data.invitations[3].name")
//! instead of panicking or turning into a silent wrong value.
//!
//! Absent, `null` and `""` all read as `None`: the model has no way to tell
//! them apart and SPEC §2 says they all become `null`.

use std::borrow::Cow;

use crate::error::Error;
use crate::json::{parse, ParseProblem, Value};

/// Where a value sits in the document. Built on the stack as the reader
/// descends and turned into text only when an error needs it.
#[derive(Clone, Copy)]
pub enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'static str),
    /// `parent.key[index]`: an element of an array field.
    Element(&'p Path<'p>, &'static str, usize),
}

impl Path<'_> {
    pub fn render(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(parent, key) => join(parent, key),
            Path::Element(parent, key, index) => format!("{}[{index}]", join(parent, key)),
        }
    }
}

fn join(parent: &Path<'_>, key: &str) -> String {
    let parent = parent.render();
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// The JSON type name used in messages.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

type Members<'v> = [(Cow<'v, str>, Value<'v>)];

/// An object of the response, with its path and the provider it came from.
pub struct Obj<'v, 'p> {
    members: &'v Members<'v>,
    path: Path<'p>,
    provider: &'static str,
}

/// Parses a whole response body. Anything but a JSON object is `BAD_RESPONSE`.
pub fn parse_object<'t>(provider: &'static str, body: &'t str) -> Result<Value<'t>, Error> {
    let value = parse(body).map_err(|error| {
        let problem = match error.problem {
            ParseProblem::Truncated => "is truncated (the JSON ends early)".to_string(),
            ParseProblem::TooDeep => format!(
                "is nested deeper than {} levels",
                crate::json::parse::MAX_DEPTH
            ),
            ParseProblem::Unexpected => format!(
                "is not valid JSON (line {}, column {})",
                error.line, error.column
            ),
        };
        Error::bad_response(provider, "body", &problem)
    })?;
    match value {
        Value::Object(_) => Ok(value),
        other => Err(Error::bad_response(
            provider,
            "body",
            &format!("should be a JSON object, got {}", type_name(&other)),
        )),
    }
}

impl<'v> Obj<'v, 'static> {
    /// The top of a document parsed by [`parse_object`].
    pub fn root(provider: &'static str, value: &'v Value<'v>) -> Result<Obj<'v, 'static>, Error> {
        match value {
            Value::Object(members) => Ok(Obj {
                members,
                path: Path::Root,
                provider,
            }),
            other => Err(Error::bad_response(
                provider,
                "body",
                &format!("should be a JSON object, got {}", type_name(other)),
            )),
        }
    }
}

impl<'v, 'p> Obj<'v, 'p> {
    /// The error for `key` of this object holding the wrong thing.
    pub fn wrong(&self, key: &'static str, problem: &str) -> Error {
        Error::bad_response(self.provider, &self.path_of(key), problem)
    }

    /// The path of `key` in this object, for errors and warnings.
    pub fn path_of(&self, key: &'static str) -> String {
        Path::Key(&self.path, key).render()
    }

    fn wrong_type(&self, key: &'static str, expected: &str, got: &Value) -> Error {
        self.wrong(
            key,
            &format!("should be {expected}, got {}", type_name(got)),
        )
    }

    /// The member named `key` (the last one, as `JSON.parse` keeps).
    fn member(&self, key: &str) -> Option<&'v Value<'v>> {
        super::member(self.members, key)
    }

    /// Whether the object has a member `key` at all (`null` included): a
    /// field whose `null` means something (the end of a cursor chain) must
    /// still be there.
    pub fn has(&self, key: &str) -> bool {
        self.member(key).is_some()
    }

    /// The raw value, if present and not `null`.
    pub fn raw(&self, key: &'static str) -> Option<&'v Value<'v>> {
        match self.member(key) {
            None | Some(Value::Null) => None,
            Some(value) => Some(value),
        }
    }

    /// A string field; absent, `null` and `""` are `None`.
    pub fn text(&self, key: &'static str) -> Result<Option<&'v str>, Error> {
        match self.raw(key) {
            None => Ok(None),
            Some(Value::String(text)) if text.is_empty() => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.as_ref())),
            Some(other) => Err(self.wrong_type(key, "a string", other)),
        }
    }

    /// A non-negative integer field (counts, offsets, days).
    pub fn count(&self, key: &'static str) -> Result<Option<u64>, Error> {
        match self.raw(key) {
            None => Ok(None),
            Some(Value::Number(number)) => crate::json::parse_u64(number)
                .map(Some)
                .ok_or_else(|| self.wrong(key, "should be a non-negative integer")),
            Some(other) => Err(self.wrong_type(key, "a non-negative integer", other)),
        }
    }

    pub fn flag(&self, key: &'static str) -> Result<Option<bool>, Error> {
        match self.raw(key) {
            None => Ok(None),
            Some(Value::Bool(flag)) => Ok(Some(*flag)),
            Some(other) => Err(self.wrong_type(key, "a boolean", other)),
        }
    }

    /// A nested object; `None` when absent or `null`.
    pub fn object<'s>(&'s self, key: &'static str) -> Result<Option<Obj<'v, 's>>, Error> {
        match self.raw(key) {
            None => Ok(None),
            Some(Value::Object(members)) => Ok(Some(Obj {
                members,
                path: Path::Key(&self.path, key),
                provider: self.provider,
            })),
            Some(other) => Err(self.wrong_type(key, "an object", other)),
        }
    }

    /// A nested object that the envelope cannot do without.
    pub fn required_object<'s>(&'s self, key: &'static str) -> Result<Obj<'v, 's>, Error> {
        self.object(key)?
            .ok_or_else(|| self.wrong(key, "is missing"))
    }

    /// The objects of the envelope's list field, each with its index in the
    /// path. The list must be there and be an array: a missing or `null` list
    /// is not an empty page (reading it as one would end a run early and
    /// silently), and an element that is not an object is an error.
    pub fn list<'s>(&'s self, key: &'static str) -> Result<Vec<Obj<'v, 's>>, Error> {
        let elements = match self.member(key) {
            None => return Err(self.wrong(key, "is missing")),
            Some(Value::Array(elements)) => elements,
            Some(other) => return Err(self.wrong_type(key, "an array", other)),
        };
        elements
            .iter()
            .enumerate()
            .map(|(index, element)| match element {
                Value::Object(members) => Ok(Obj {
                    members,
                    path: Path::Element(&self.path, key, index),
                    provider: self.provider,
                }),
                other => Err(Error::bad_response(
                    self.provider,
                    &Path::Element(&self.path, key, index).render(),
                    &format!("should be an object, got {}", type_name(other)),
                )),
            })
            .collect()
    }
}
