//! Profile URLs: every form a provider sends becomes one canonical URL, and
//! a person keeps what each field says about them.

use linkedin_network::normalize::profile_url::{
    canonical_profile_url, percent_decode, percent_encode,
};

#[test]
fn every_profile_url_form_becomes_one_canonical_url() {
    let cases = [
        (
            "https://www.linkedin.com/in/jane-doe-42/",
            "https://www.linkedin.com/in/jane-doe-42",
            Some("jane-doe-42"),
            None,
        ),
        (
            "http://uk.linkedin.com/in/jane/",
            "https://www.linkedin.com/in/jane",
            Some("jane"),
            None,
        ),
        (
            "HTTPS://WWW.LinkedIn.COM/in/jane?trk=x#y",
            "https://www.linkedin.com/in/jane",
            Some("jane"),
            None,
        ),
        (
            "linkedin.com/in/jane",
            "https://www.linkedin.com/in/jane",
            Some("jane"),
            None,
        ),
        (
            "//www.linkedin.com/in/jane",
            "https://www.linkedin.com/in/jane",
            Some("jane"),
            None,
        ),
        (
            "/in/jane/",
            "https://www.linkedin.com/in/jane",
            Some("jane"),
            None,
        ),
        (
            "https://www.linkedin.com:443/in/jane/details/experience/",
            "https://www.linkedin.com/in/jane",
            Some("jane"),
            None,
        ),
        (
            "https://www.linkedin.com/in/%c3%a9lodie",
            "https://www.linkedin.com/in/%C3%A9lodie",
            Some("élodie"),
            None,
        ),
        (
            "https://www.linkedin.com/in/élodie",
            "https://www.linkedin.com/in/%C3%A9lodie",
            Some("élodie"),
            None,
        ),
        (
            "https://www.linkedin.com/in/50%25-off",
            "https://www.linkedin.com/in/50%25-off",
            Some("50%-off"),
            None,
        ),
        (
            "https://www.linkedin.com/in/bad%zzescape",
            "https://www.linkedin.com/in/bad%25zzescape",
            Some("bad%zzescape"),
            None,
        ),
        (
            "https://www.linkedin.com/in/ACoAADPy0Yk",
            "https://www.linkedin.com/in/ACoAADPy0Yk",
            None,
            Some("ACoAADPy0Yk"),
        ),
        // Public identifiers are case-insensitive: one person, one URL.
        (
            "https://www.linkedin.com/in/Jane-Doe",
            "https://www.linkedin.com/in/jane-doe",
            Some("jane-doe"),
            None,
        ),
        (
            "https://www.linkedin.com/in/%4Aane%2ddoe",
            "https://www.linkedin.com/in/jane-doe",
            Some("jane-doe"),
            None,
        ),
        // Escapes stay upper-case hex even where letters are folded.
        (
            "https://www.linkedin.com/in/%c3%89LODIE",
            "https://www.linkedin.com/in/%C3%89lodie",
            Some("Élodie"),
            None,
        ),
        // Sub-delims, ':' and '@' are kept as sent, raw or escaped.
        (
            "https://www.linkedin.com/in/a+b;c=d'e!f",
            "https://www.linkedin.com/in/a+b;c=d'e!f",
            Some("a+b;c=d'e!f"),
            None,
        ),
        (
            "https://www.linkedin.com/in/a%2bb",
            "https://www.linkedin.com/in/a%2Bb",
            Some("a+b"),
            None,
        ),
        // "ACoA" alone is a slug, not a member id; a member id keeps its case.
        (
            "https://www.linkedin.com/in/ACoA",
            "https://www.linkedin.com/in/acoa",
            Some("acoa"),
            None,
        ),
        (
            "https://www.linkedin.com/in/acoaadpy0yk",
            "https://www.linkedin.com/in/acoaadpy0yk",
            Some("acoaadpy0yk"),
            None,
        ),
        (
            "https://www.linkedin.com/in/%FF%FE",
            "https://www.linkedin.com/in/%FF%FE",
            None,
            None,
        ),
    ];
    // Country and app subdomains, with dots and dashes, are LinkedIn's.
    for host in [
        "uk.linkedin.com",
        "m.uk.linkedin.com",
        "my-region.linkedin.com",
        "LINKEDIN.COM.",
    ] {
        let link = canonical_profile_url(&format!("https://{host}/in/jane"))
            .unwrap_or_else(|| panic!("{host}"));
        assert_eq!(link.url, "https://www.linkedin.com/in/jane", "{host}");
    }
    for (raw, url, public_identifier, member_id) in cases {
        let link = canonical_profile_url(raw).unwrap_or_else(|| panic!("{raw}"));
        assert_eq!(link.url, url, "{raw}");
        assert_eq!(
            link.public_identifier.as_deref(),
            public_identifier,
            "{raw}"
        );
        assert_eq!(link.member_id.as_deref(), member_id, "{raw}");
    }
    for foreign in [
        "https://example.com/in/jane",
        "https://linkedin.com.evil.io/in/jane",
        "https://evillinkedin.com/in/jane",
        "https://a_b.linkedin.com/in/jane",
        "https://.linkedin.com/in/jane",
        "https://user@www.linkedin.com/in/x",
        "https://www.linkedin.com/",
        "https://www.linkedin.com/in/",
        "https://www.linkedin.com/in//",
        "/in/?trk=x",
        "jane-doe",
        "",
    ] {
        assert!(canonical_profile_url(foreign).is_none(), "{foreign}");
    }
}

#[test]
fn percent_encoding_round_trips_every_byte() {
    let all: Vec<u8> = (0..=255).collect();
    let encoded = percent_encode(&all);
    assert!(encoded
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
    assert!(!encoded
        .chars()
        .any(|c| c.is_ascii_lowercase() && encoded.contains(&format!("%{c}"))));
    assert_eq!(percent_decode(&encoded), all);
}

#[test]
fn an_explicit_public_identifier_is_kept_beside_a_member_id_url() {
    use linkedin_network::normalize::person::{person, PersonSource};
    let mut warnings = Vec::new();
    let source = PersonSource {
        profile_url: Some("https://www.linkedin.com/in/ACoAADPy0Yk"),
        public_identifier: Some("Jane-Doe"),
        ..PersonSource::default()
    };
    let built = person(source, &|| "profileUrl".into(), &mut warnings);
    assert_eq!(built.public_identifier.as_deref(), Some("jane-doe"));
    assert_eq!(built.member_id.as_deref(), Some("ACoAADPy0Yk"));
    assert_eq!(
        built.profile_url.as_deref(),
        Some("https://www.linkedin.com/in/ACoAADPy0Yk")
    );
    // With no URL the slug makes one, canonical like any other.
    let source = PersonSource {
        public_identifier: Some("Jane%2DDoe"),
        ..PersonSource::default()
    };
    let built = person(source, &|| "profileUrl".into(), &mut warnings);
    assert_eq!(
        built.profile_url.as_deref(),
        Some("https://www.linkedin.com/in/jane-doe")
    );
    assert!(warnings.is_empty(), "{warnings:?}");
}
