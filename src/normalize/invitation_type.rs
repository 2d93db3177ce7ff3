//! One vocabulary of invitation types on every provider (SPEC §2):
//! `CONNECTION`, `ORGANIZATION`, `NEWSLETTER`, `EVENT`, `MEMBER_FOLLOW`.
//! Providers say the same thing in different words — linkup sends LinkedIn's
//! own `CONTENT_SERIES` for what ConnectSafely calls `NEWSLETTER` — so code
//! written against one provider keeps working on another. The provider's own
//! word stays on the item as `providerType`.

/// The product's word for a provider's invitation type; an unknown word
/// passes through as sent (upper-cased, as every known word is).
pub fn category(word: &str) -> String {
    let upper = word.trim().to_ascii_uppercase();
    match upper.as_str() {
        "CONTENT_SERIES" | "NEWSLETTER" => "NEWSLETTER".to_string(),
        _ => upper,
    }
}

#[cfg(test)]
mod tests {
    use super::category;

    #[test]
    fn linkup_content_series_is_a_newsletter_and_unknown_words_pass() {
        assert_eq!(category("CONTENT_SERIES"), "NEWSLETTER");
        assert_eq!(category("newsletter"), "NEWSLETTER");
        assert_eq!(category("CONNECTION"), "CONNECTION");
        assert_eq!(category("SOMETHING_NEW"), "SOMETHING_NEW");
    }
}
