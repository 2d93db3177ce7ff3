//! The crate's own JSON layer checked against serde_json: the same documents
//! accepted and rejected, the same values read, strings written that read
//! back unchanged, and hostile nesting refused without overflowing the stack.

use linkedin_network::json::write::ASCII_OUTPUT_LIMIT;
use linkedin_network::json::{parse, to_json_string, ParseProblem, Value};
#[path = "support/cases.rs"]
mod cases;

use proptest::prelude::*;

/// Our value as serde_json's, numbers compared through serde_json's reading of their text.
fn to_serde(value: &Value<'_>) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(flag) => serde_json::Value::Bool(*flag),
        Value::Number(text) => serde_json::from_str(text).unwrap(),
        Value::String(text) => serde_json::Value::String(text.to_string()),
        Value::Array(elements) => serde_json::Value::Array(elements.iter().map(to_serde).collect()),
        Value::Object(members) => {
            let mut map = serde_json::Map::new();
            for (key, value) in members {
                map.insert(key.to_string(), to_serde(value));
            }
            serde_json::Value::Object(map)
        }
    }
}

fn serde_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        (-1e300f64..1e300).prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases::cases(3_000)))]

    #[test]
    fn reads_what_serde_json_reads(value in serde_value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&value).unwrap() } else { value.to_string() };
        let ours = parse(&text).unwrap();
        // Compared with serde_json's reading of the same text (its float
        // reading does not always round-trip its own output).
        let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(to_serde(&ours), theirs);
    }

    #[test]
    fn accepts_and_rejects_what_serde_json_does(text in "[\\[\\]{}\":,0-9a-z.eE+\\- \\\\/u\\n]{0,40}") {
        // Outside both parsers' shared ground: lone surrogates (we decode them
        // to U+FFFD as JSON.parse keeps them; serde_json refuses) and numbers
        // past f64's range (we keep the text; serde_json refuses).
        let ours = parse(&text).is_ok();
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        let out_of_range = matches!(&theirs, Err(error) if error.to_string().contains("out of range"));
        if !out_of_range {
            prop_assert_eq!(ours, theirs.is_ok(), "{:?}", text);
        }
    }

    #[test]
    fn strings_written_read_back_unchanged(text in any::<String>()) {
        let written = to_json_string(&text);
        // Written as ASCII only (non-ASCII as \uXXXX): JavaScript decodes it on its fast path.
        prop_assert!(written.is_ascii(), "{}", written);
        prop_assert_eq!(serde_json::from_str::<String>(&written).unwrap(), text.clone());
        prop_assert_eq!(parse(&written).unwrap(), Value::String(text.into()));
    }

    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,120}") {
        let _ = parse(&text);
    }
}

#[test]
fn non_ascii_is_written_as_utf16_escapes_and_messages_keep_it() {
    assert_eq!(
        to_json_string("Zoë \u{1F600} Ω\u{7f}"),
        "\"Zo\\u00eb \\ud83d\\ude00 \\u03a9\u{7f}\""
    );
    assert_eq!(to_json_string("plain \"q\"\n"), r#""plain \"q\"\n""#);
    // Past 1 MiB of output, text keeps its UTF-8: escaping would triple it.
    let long = "é".repeat(ASCII_OUTPUT_LIMIT);
    let written = to_json_string(&long);
    assert_eq!(written.len(), long.len() + 2);
    assert_eq!(serde_json::from_str::<String>(&written).unwrap(), long);
    let near = "é".repeat(ASCII_OUTPUT_LIMIT / 6);
    assert!(to_json_string(&near).is_ascii());
    // A quoted value in a message stays readable.
    assert_eq!(linkedin_network::json::quoted("Zoë\n"), "\"Zoë\\n\"");
}

#[test]
fn numbers_keep_every_digit() {
    let value = parse(r#"{"invitation_id": 7331558767219683329, "big": 123456789012345678901234567890, "f": -1.5e-7}"#).unwrap();
    assert_eq!(
        value.get("invitation_id").unwrap().as_u64(),
        Some(7_331_558_767_219_683_329)
    );
    assert_eq!(
        value.get("big"),
        Some(&Value::Number("123456789012345678901234567890"))
    );
    assert_eq!(
        value.get("big").unwrap().as_u64(),
        None,
        "past 64 bits is not a u64"
    );
    assert_eq!(value.get("f").unwrap().as_u64(), None);
}

#[test]
fn a_u64_is_plain_digits_up_to_twenty_and_never_an_empty_zero() {
    use linkedin_network::json::parse_u64;
    assert_eq!(
        parse_u64("18446744073709551615"),
        Some(u64::MAX),
        "20 digits fit"
    );
    assert_eq!(parse_u64("18446744073709551616"), None, "one past u64::MAX");
    assert_eq!(parse_u64("0"), Some(0));
    assert_eq!(parse_u64(""), None, "no digits is no number, not 0");
    assert_eq!(
        parse_u64("000000000000000000001"),
        None,
        "more than 20 characters is refused even when the value is small"
    );
    assert_eq!(parse_u64("12a"), None);
    assert_eq!(parse_u64("-1"), None);
}

#[test]
fn escapes_and_surrogates_decode_as_javascript_does() {
    let value =
        parse(r#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u4e2d", "\ud83d\ude00", "\ud800x", "\udc00"]"#)
            .unwrap();
    let Value::Array(strings) = value else {
        panic!()
    };
    let texts: Vec<&str> = strings.iter().map(|s| s.as_str().unwrap()).collect();
    assert_eq!(
        texts,
        vec![
            "a\"b\\c/d\u{8}\u{c}\n\r\t",
            "é中",
            "😀",
            "\u{FFFD}x",
            "\u{FFFD}"
        ]
    );
}

#[test]
fn a_repeated_key_keeps_its_last_value_like_json_parse() {
    assert_eq!(
        parse(r#"{"a":1,"a":2}"#).unwrap().get("a"),
        Some(&Value::Number("2"))
    );
}

#[test]
fn hostile_nesting_is_refused_without_overflowing_the_stack() {
    let ok = format!("{}{}", "[".repeat(128), "]".repeat(128));
    assert!(parse(&ok).is_ok());
    let objects_ok = format!("{}{{}}{}", r#"{"a":"#.repeat(127), "}".repeat(127));
    assert!(parse(&objects_ok).is_ok(), "128 nested objects are allowed");
    let mixed_ok = format!("{}{{}}{}", r#"[{"a":"#.repeat(63), "}]".repeat(63));
    assert!(parse(&mixed_ok).is_ok(), "127 levels of arrays and objects");
    for depth in [129, 10_000, 1_000_000] {
        let deep = "[".repeat(depth);
        assert_eq!(
            parse(&deep).unwrap_err().problem,
            ParseProblem::TooDeep,
            "{depth}"
        );
        let objects = r#"{"a":"#.repeat(depth);
        assert_eq!(
            parse(&objects).unwrap_err().problem,
            ParseProblem::TooDeep,
            "{depth}"
        );
    }
}

#[test]
fn errors_say_where_and_whether_the_text_was_cut_short() {
    let cut = parse(r#"{"success": true, "data": {"invitations": ["#).unwrap_err();
    assert_eq!(cut.problem, ParseProblem::Truncated);
    let wrong = parse("{\n  \"a\": tru }").unwrap_err();
    assert_eq!(
        (wrong.problem, wrong.line, wrong.column),
        (ParseProblem::Unexpected, 2, 11)
    );
    let escape = parse(r#"{"a":"\q"}"#).unwrap_err();
    assert_eq!(
        (escape.problem, escape.line, escape.column),
        (ParseProblem::Unexpected, 1, 8),
        "an unknown escape is reported at its letter"
    );
    for text in ["", "   ", "{\"a\":", "\"abc", "[1,", "tr"] {
        assert_eq!(
            parse(text).unwrap_err().problem,
            ParseProblem::Truncated,
            "{text:?}"
        );
    }
    for text in [
        "{}x",
        "[1,]",
        "{\"a\":1,}",
        "01",
        "1.",
        "-",
        "+1",
        ".5",
        "1e",
        "\"\t\"",
        "'a'",
        "NaN",
        "[\"\\x\"]",
    ] {
        assert!(parse(text).is_err(), "{text:?} accepted");
    }
}

#[test]
fn escapes_are_written_in_their_short_form_byte_for_byte() {
    // The JavaScript side compares messages and bodies as text: the same
    // string must always be written the same way.
    assert_eq!(
        to_json_string("a\\b\r\t\n\"\u{1}\u{1f}"),
        r#""a\\b\r\t\n\"\u0001\u001f""#
    );
    assert_eq!(linkedin_network::json::quoted("x\\y\tz"), r#""x\\y\tz""#);
}

#[test]
fn pairs_and_boxes_write_what_they_hold() {
    use linkedin_network::json::write::Pairs;
    let pairs = [("start", 10u64), ("count", 5)];
    assert_eq!(to_json_string(&Pairs(&pairs)), r#"{"start":10,"count":5}"#);
    let empty: [(&str, u64); 0] = [];
    assert_eq!(to_json_string(&Pairs(&empty)), "{}");
    assert_eq!(to_json_string(&Box::new("boxed")), r#""boxed""#);
}

#[test]
fn an_empty_string_field_reads_as_absent() {
    use linkedin_network::json::{parse_object, Obj};
    let body = r#"{"empty": "", "full": "x", "null": null, "number": 3}"#;
    let value = parse_object("linkup-v2", body).unwrap();
    let root = Obj::root("linkup-v2", &value).unwrap();
    assert_eq!(root.text("empty").unwrap(), None);
    assert_eq!(root.text("full").unwrap(), Some("x"));
    assert_eq!(root.text("null").unwrap(), None);
    assert_eq!(root.text("missing").unwrap(), None);
    let wrong = root.text("number").unwrap_err();
    assert!(wrong.message.contains("number"), "{}", wrong.message);
}
