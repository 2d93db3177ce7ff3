//! The crate's substring search (which keeps core's two-way searcher out of
//! the .wasm) answers as `str`'s own methods do, on any text; its `join`
//! (which keeps `[S]::join`'s copies out) as `join` does, and its integer
//! parsers (which keep core's generic one out) as `str::parse` does.

use linkedin_network::text;
#[path = "support/cases.rs"]
mod cases;

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases::cases(4_000)))]

    #[test]
    fn finds_what_str_finds(haystack in "[ab:é ]{0,24}", needle in "[ab:é ]{0,4}") {
        prop_assert_eq!(text::find(&haystack, &needle), haystack.find(needle.as_str()));
        prop_assert_eq!(text::contains(&haystack, &needle), haystack.contains(needle.as_str()));
        prop_assert_eq!(text::split_once(&haystack, &needle), haystack.split_once(needle.as_str()));
    }

    #[test]
    fn joins_as_join_does(parts in prop::collection::vec("[ab é]{0,4}", 0..5), separator in "[, é]{0,2}") {
        prop_assert_eq!(text::join(&parts, &separator), parts.join(separator.as_str()));
        let borrowed: Vec<&str> = parts.iter().map(String::as_str).collect();
        prop_assert_eq!(text::join(&borrowed, &separator), borrowed.join(separator.as_str()));
    }

    #[test]
    fn parses_integers_as_str_parse_does(text in "[-+]{0,2}[0-9]{0,22}[a ]{0,1}|[-+]?(9223372036854775[0-9]{3}|1844674407370955[0-9]{4}|42949672[0-9]{2})") {
        prop_assert_eq!(text::parse_u64(&text), text.parse::<u64>().ok());
        prop_assert_eq!(text::parse_u32(&text), text.parse::<u32>().ok());
        prop_assert_eq!(text::parse_i64(&text), text.parse::<i64>().ok());
    }
}

#[test]
fn edges() {
    assert_eq!(text::find("", ""), Some(0));
    assert_eq!(text::find("abc", ""), Some(0));
    assert_eq!(text::find("", "a"), None);
    assert_eq!(text::find("ab", "abc"), None);
    assert_eq!(text::find("xxabab", "ab"), Some(2));
    assert_eq!(
        text::split_once("TypeError: fetch failed: x", ": "),
        Some(("TypeError", "fetch failed: x"))
    );
    assert_eq!(text::split_once("é: ü", ": "), Some(("é", "ü")));
}

#[test]
fn integer_edges() {
    for text in [
        "",
        "+",
        "-",
        "-0",
        "+0",
        "00000000000000000000000042",
        "18446744073709551615",
        "18446744073709551616",
        "4294967295",
        "4294967296",
        "-9223372036854775808",
        "-9223372036854775809",
        "9223372036854775807",
        "9223372036854775808",
        " 1",
        "1 ",
        "١",
    ] {
        assert_eq!(text::parse_u64(text), text.parse::<u64>().ok(), "{text:?}");
        assert_eq!(text::parse_u32(text), text.parse::<u32>().ok(), "{text:?}");
        assert_eq!(text::parse_i64(text), text.parse::<i64>().ok(), "{text:?}");
    }
}
