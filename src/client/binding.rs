//! Binding a cursor or a sync state to the account it came from, without
//! carrying the account id: a 64-bit tag, SipHash-2-4 of the provider and
//! the account's identity, keyed by the caller's API key.
//!
//! Why keyed: an account id can be guessable, and a plain hash of a
//! guessable value can be reversed by trying candidates. Keyed by the API
//! key (a secret the holder of a leaked cursor does not have) the tag says
//! nothing about the account, yet the same client always computes the same
//! tag. The cost, documented in the README: after the API key is rotated,
//! old cursors and sync states are refused (`INVALID_INPUT`), and a new
//! run starts from the beginning.

use crate::query::Credentials;

/// The tag of `provider`'s account as `credentials` identify it: the
/// linkup-v2/unipile account id, the linkup-v1 login token, ConnectSafely's
/// optional account id (none is the key's default account).
pub fn account_tag(provider: &str, credentials: &Credentials) -> u64 {
    let key = derive_key(credentials.api_key.as_deref().unwrap_or_default());
    let account = credentials
        .account_id
        .as_deref()
        .or(credentials.login_token.as_deref())
        .unwrap_or_default();
    let mut message = Vec::with_capacity(provider.len() + account.len() + 1);
    message.extend_from_slice(provider.as_bytes());
    // A separator no provider id contains, so ("ab", "c") ≠ ("a", "bc").
    message.push(0);
    message.extend_from_slice(account.as_bytes());
    siphash24(key, &message)
}

/// The tag as the 16 hex digits cursors and states carry.
pub fn account_tag_hex(provider: &str, credentials: &Credentials) -> String {
    format!("{:016x}", account_tag(provider, credentials))
}

/// A MAC of `message` under the caller's API key (the key the account tag
/// is computed with): the seal of a sync state, so a state altered or cut
/// short is refused, and none can be written without the key.
pub fn keyed_digest(credentials: &Credentials, message: &[u8]) -> u64 {
    let key = derive_key(credentials.api_key.as_deref().unwrap_or_default());
    siphash24(key, message)
}

/// A 128-bit SipHash key from the API key: two SipHash passes under fixed,
/// distinct keys (any text length becomes a full-entropy key).
fn derive_key(api_key: &str) -> (u64, u64) {
    let bytes = api_key.as_bytes();
    (
        siphash24((0x6c6e_2d62_696e_6430, 0x6b65_792d_6869_6768), bytes),
        siphash24((0x6c6e_2d62_696e_6431, 0x6b65_792d_6c6f_7720), bytes),
    )
}

/// SipHash-2-4 (Aumasson and Bernstein): a keyed PRF made for short inputs.
pub fn siphash24((k0, k1): (u64, u64), message: &[u8]) -> u64 {
    let mut v = [
        k0 ^ 0x736f_6d65_7073_6575,
        k1 ^ 0x646f_7261_6e64_6f6d,
        k0 ^ 0x6c79_6765_6e65_7261,
        k1 ^ 0x7465_6462_7974_6573,
    ];
    let mut chunks = message.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        compress(&mut v, u64::from_le_bytes(word), 2);
    }
    let mut last = [0u8; 8];
    let rest = chunks.remainder();
    if let Some(head) = last.get_mut(..rest.len()) {
        head.copy_from_slice(rest);
    }
    // The length byte: the message length modulo 256, by definition.
    last[7] = (message.len() & 0xff) as u8;
    compress(&mut v, u64::from_le_bytes(last), 2);
    v[2] ^= 0xff;
    for _ in 0..4 {
        round(&mut v);
    }
    v[0] ^ v[1] ^ v[2] ^ v[3]
}

fn compress(v: &mut [u64; 4], word: u64, rounds: usize) {
    v[3] ^= word;
    for _ in 0..rounds {
        round(v);
    }
    v[0] ^= word;
}

fn round(v: &mut [u64; 4]) {
    let [mut v0, mut v1, mut v2, mut v3] = *v;
    v0 = v0.wrapping_add(v1);
    v1 = v1.rotate_left(13) ^ v0;
    v0 = v0.rotate_left(32);
    v2 = v2.wrapping_add(v3);
    v3 = v3.rotate_left(16) ^ v2;
    v0 = v0.wrapping_add(v3);
    v3 = v3.rotate_left(21) ^ v0;
    v2 = v2.wrapping_add(v1);
    v1 = v1.rotate_left(17) ^ v2;
    v2 = v2.rotate_left(32);
    *v = [v0, v1, v2, v3];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference vectors of the SipHash paper (key 00..0f, messages 00..n-1).
    #[test]
    fn siphash24_matches_the_reference_vectors() {
        let key = (0x0706_0504_0302_0100, 0x0f0e_0d0c_0b0a_0908);
        let expected: [u64; 3] = [
            0x726f_db47_dd0e_0e31,
            0x74f8_39c5_93dc_67fd,
            0x0d6c_8009_d9a9_4f5a,
        ];
        for (length, want) in expected.iter().enumerate() {
            let message: Vec<u8> = (0..length as u8).collect();
            assert_eq!(siphash24(key, &message), *want, "length {length}");
        }
        let fifteen: Vec<u8> = (0..15u8).collect();
        assert_eq!(siphash24(key, &fifteen), 0xa129_ca61_49be_45e5);
    }

    fn credentials(api_key: &str, account: &str) -> Credentials {
        Credentials {
            api_key: Some(api_key.into()),
            account_id: Some(account.into()),
            ..Credentials::default()
        }
    }

    #[test]
    fn the_tag_depends_on_provider_account_and_key() {
        let base = account_tag("linkup-v2", &credentials("key-1", "acct-1"));
        assert_eq!(
            base,
            account_tag("linkup-v2", &credentials("key-1", "acct-1"))
        );
        assert_ne!(
            base,
            account_tag("linkup-v2", &credentials("key-1", "acct-2"))
        );
        assert_ne!(
            base,
            account_tag("linkup-v2", &credentials("key-2", "acct-1"))
        );
        assert_ne!(
            base,
            account_tag("unipile", &credentials("key-1", "acct-1"))
        );
        let hex = account_tag_hex("linkup-v2", &credentials("key-1", "acct-1"));
        assert_eq!(hex.len(), 16);
        assert!(!hex.contains("acct") && !hex.contains("key"));
    }
}
