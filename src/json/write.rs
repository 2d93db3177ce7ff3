//! Writing results as JSON text for JavaScript to `JSON.parse` (ids are
//! strings, so that is exact). Hand-written `ToJson` impls replace a derive:
//! a few lines per type, and no serializer framework in the `.wasm`.

/// A value that can write itself as JSON.
pub trait ToJson {
    fn write_json(&self, out: &mut String);
}

pub fn to_json_string<T: ToJson + ?Sized>(value: &T) -> String {
    to_json_string_sized(value, 256)
}

/// Like [`to_json_string`], with room for `capacity` bytes from the start
/// (a page's JSON is up to about twice its response body).
pub fn to_json_string_sized<T: ToJson + ?Sized>(value: &T, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    value.write_json(&mut out);
    out
}

/// Writes `{"key":value,…}` one field at a time. Keys are the crate's own
/// camelCase literals and are written without escaping.
pub struct ObjectWriter<'o> {
    out: &'o mut String,
    first: bool,
}

impl<'o> ObjectWriter<'o> {
    pub fn new(out: &'o mut String) -> ObjectWriter<'o> {
        out.push('{');
        ObjectWriter { out, first: true }
    }

    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) -> &mut Self {
        self.key(key);
        value.write_json(self.out);
        self
    }

    /// `"key":`, after a comma unless it is the first.
    fn key(&mut self, key: &str) {
        self.out.push_str(if self.first { "\"" } else { ",\"" });
        self.first = false;
        self.out.push_str(key);
        self.out.push_str("\":");
    }

    /// A nested object, filled by `fill`.
    pub fn object(&mut self, key: &str, fill: impl FnOnce(&mut ObjectWriter<'_>)) -> &mut Self {
        self.key(key);
        let mut inner = ObjectWriter::new(self.out);
        fill(&mut inner);
        inner.end();
        self
    }

    pub fn end(self) {
        self.out.push('}');
    }
}

/// Implements [`ToJson`] for a type as a JSON object of the given keys, in
/// order, each written from an expression over the value (named by the
/// closure-like binding): `json_object!(Estimate, |e| { "credits" => e.credits })`.
macro_rules! json_object {
    ($type:ty, |$this:ident| { $($key:literal => $value:expr),* $(,)? }) => {
        impl $crate::json::ToJson for $type {
            fn write_json(&self, out: &mut String) {
                let $this = self;
                let mut object = $crate::json::ObjectWriter::new(out);
                $(object.field($key, &$value);)*
                object.end();
            }
        }
    };
}
pub(crate) use json_object;

/// `(name, value)` pairs written as one JSON object: request headers, a
/// call's pagination parameters.
pub struct Pairs<'p, T>(pub &'p [(&'static str, T)]);

impl<T: ToJson> ToJson for Pairs<'_, T> {
    fn write_json(&self, out: &mut String) {
        let mut object = ObjectWriter::new(out);
        for (name, value) in self.0 {
            object.field(name, value);
        }
        object.end();
    }
}

/// A JSON string literal: quotes, backslashes and control characters
/// escaped, and every non-ASCII character written as `\uXXXX` (a surrogate
/// pair above U+FFFF). The text is then pure ASCII: the same string once
/// `JSON.parse`d, and JavaScript's UTF-8 decode of it takes its ASCII fast
/// path (~20× faster in Node than decoding the same text with accents).
///
/// Only while the output stays small: a string whose escaped form could take
/// the output past [`ASCII_OUTPUT_LIMIT`] keeps its UTF-8 (escaping can triple
/// a text, and a hostile 10 MB headline of emoji must not become 30 MB in
/// WebAssembly memory). A page of 100 items is ~100 KB of output.
pub fn write_string(out: &mut String, text: &str) {
    let fits = out.len().saturating_add(text.len().saturating_mul(3)) <= ASCII_OUTPUT_LIMIT;
    write_escaped(out, text, fits);
}

/// How much output [`write_string`] keeps pure ASCII: 1 MiB.
pub const ASCII_OUTPUT_LIMIT: usize = 1 << 20;

/// [`write_string`], non-ASCII escaped or kept as it is.
fn write_escaped(out: &mut String, text: &str, ascii_only: bool) {
    out.reserve(text.len() + 2);
    out.push('"');
    let special =
        |byte: u8| byte == b'"' || byte == b'\\' || byte < 0x20 || (ascii_only && byte >= 0x80);
    let bytes = text.as_bytes();
    let mut run_start = 0;
    while let Some(offset) = bytes
        .get(run_start..)
        .and_then(|rest| rest.iter().position(|&byte| special(byte)))
    {
        let index = run_start + offset;
        let byte = bytes.get(index).copied().unwrap_or_default();
        out.push_str(text.get(run_start..index).unwrap_or_default());
        let mut next = index + 1;
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            // Another control character, or a UTF-8 lead byte (`index` is a
            // char boundary): its character, as UTF-16 escapes.
            _ => {
                let character = text
                    .get(index..)
                    .and_then(|rest| rest.chars().next())
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                let mut units = [0u16; 2];
                for unit in character.encode_utf16(&mut units) {
                    write_unicode_escape(out, *unit);
                }
                next = index + character.len_utf8();
            }
        }
        run_start = next;
    }
    out.push_str(text.get(run_start..).unwrap_or_default());
    out.push('"');
}

/// `\uXXXX` for one UTF-16 code unit, lowercase hex.
fn write_unicode_escape(out: &mut String, unit: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let hex = |shift: u16| {
        HEX.get(usize::from((unit >> shift) & 15))
            .copied()
            .unwrap_or(b'0')
    };
    let escape = [b'\\', b'u', hex(12), hex(8), hex(4), hex(0)];
    out.push_str(core::str::from_utf8(&escape).unwrap_or_default());
}

/// Text in double quotes, escaped as JSON but non-ASCII kept as it is: how
/// messages quote a value (cheaper in the `.wasm` than `{:?}`, which links
/// Unicode tables).
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    write_escaped(&mut out, text, false);
    out
}

/// A decimal integer without the formatting machinery.
pub fn write_u64(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        if let Some(slot) = digits.get_mut(start) {
            *slot = b'0' + (value % 10) as u8;
        }
        value /= 10;
        if value == 0 {
            break;
        }
    }
    let digits = digits.get(start..).unwrap_or_default();
    out.push_str(core::str::from_utf8(digits).unwrap_or_default());
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_string(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_string(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for u64 {
    fn write_json(&self, out: &mut String) {
        write_u64(out, *self);
    }
}

impl ToJson for u32 {
    fn write_json(&self, out: &mut String) {
        write_u64(out, u64::from(*self));
    }
}

impl ToJson for u16 {
    fn write_json(&self, out: &mut String) {
        write_u64(out, u64::from(*self));
    }
}

impl ToJson for i64 {
    fn write_json(&self, out: &mut String) {
        if *self < 0 {
            out.push('-');
        }
        write_u64(out, self.unsigned_abs());
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn write_json(&self, out: &mut String) {
        T::write_json(self, out);
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (index, element) in self.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            element.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}
