//! Random secrets shown once (API keys, session tokens) and their SHA-256 digests stored at rest.

use sha2::{Digest, Sha256};

const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// Prefix of every Satu API key; lets secret scanners and users recognise one.
pub const API_KEY_PREFIX: &str = "sk-satu-";
/// Characters of a key kept in clear for display (`sk-satu-AbCd…`).
const DISPLAY_CHARS: usize = API_KEY_PREFIX.len() + 4;

/// A new secret for a mailed link (40 characters, about 238 bits) and the digest to store.
pub fn link_token() -> Result<(String, String), crate::RepoError> {
    let token = random_string(40).map_err(|e| crate::RepoError::Invalid {
        field: "randomness",
        reason: e.to_string(),
    })?;
    let digest = sha256_hex(&token);
    Ok((token, digest))
}

/// `len` random characters from a 62-letter alphabet (about 5.95 bits each).
pub fn random_string(len: usize) -> Result<String, getrandom::Error> {
    let mut bytes = vec![0u8; len * 2];
    getrandom::fill(&mut bytes)?;
    // Rejection sampling keeps the distribution uniform: 248 = 4 * 62.
    let mut out = String::with_capacity(len);
    let mut pool = bytes.into_iter().filter(|b| *b < 248);
    while out.len() < len {
        match pool.next() {
            Some(b) => out.push(char::from(ALPHABET[usize::from(b % 62)])),
            None => {
                let mut more = [0u8; 32];
                getrandom::fill(&mut more)?;
                out.extend(
                    more.iter()
                        .filter(|b| **b < 248)
                        .map(|b| char::from(ALPHABET[usize::from(b % 62)]))
                        .take(len - out.len()),
                );
            }
        }
    }
    Ok(out)
}

/// A new API key: the secret (shown once), its display prefix and its digest.
pub struct NewApiKey {
    pub secret: String,
    pub prefix: String,
    pub hash: String,
}

pub fn new_api_key() -> Result<NewApiKey, getrandom::Error> {
    let secret = format!("{API_KEY_PREFIX}{}", random_string(40)?);
    let prefix = secret[..DISPLAY_CHARS].to_owned();
    let hash = sha256_hex(&secret);
    Ok(NewApiKey {
        secret,
        prefix,
        hash,
    })
}

/// Whether `secret` has the shape of a Satu API key (prefix and random part), so that
/// anything else is refused without a database lookup.
pub fn looks_like_api_key(secret: &str) -> bool {
    secret.strip_prefix(API_KEY_PREFIX).is_some_and(|random| {
        (20..=64).contains(&random.len()) && random.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

pub fn sha256_hex(input: &str) -> String {
    let digest = Sha256::digest(input.as_bytes());
    let mut out = String::with_capacity(64);
    for byte in digest {
        out.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
        out.push(char::from(b"0123456789abcdef"[usize::from(byte & 15)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_keys_are_unique_and_hash_to_their_digest() {
        let a = new_api_key().unwrap();
        let b = new_api_key().unwrap();
        assert_ne!(a.secret, b.secret);
        assert!(a.secret.starts_with("sk-satu-"));
        assert!(looks_like_api_key(&a.secret));
        for not_a_key in [
            "",
            "sk-satu-",
            "sk-satu-short",
            "sk-live-abcdefghijklmnopqrstuvwxyz",
            "sk-satu-abcdefghijklmnopqrstuvwxyz+/",
        ] {
            assert!(!looks_like_api_key(not_a_key), "{not_a_key}");
        }
        assert_eq!(a.secret.len(), 48);
        assert!(a.secret.starts_with(&a.prefix));
        assert_eq!(a.hash, sha256_hex(&a.secret));
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
