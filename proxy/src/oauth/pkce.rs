//! PKCE (RFC 7636, S256) and the random `state` of a sign-in.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use entities::secret_token::random_string;
use sha2::{Digest, Sha256};

use super::OAuthError;

/// A code verifier: 64 characters of `[A-Za-z0-9]` (RFC 7636 allows 43–128 unreserved ones).
pub fn verifier() -> Result<String, OAuthError> {
    random_string(64).map_err(|_| OAuthError::Internal("no randomness"))
}

pub fn state() -> Result<String, OAuthError> {
    random_string(32).map_err(|_| OAuthError::Internal("no randomness"))
}

pub fn challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn challenge_is_unpadded_base64url_of_the_sha256() {
        // Computed independently: python3 hashlib + base64.urlsafe_b64encode, '=' stripped.
        assert_eq!(
            challenge("dBjftJeZ4CVP-mJ92K1qp7ETdAGDmlnTMknDjwyOm6w"),
            "OJF8npReuvpcjS5WIX1C0VapBbnFFymAB0e-g3qrUiI"
        );
        let v = verifier().unwrap();
        assert_eq!(v.len(), 64);
        assert!(v.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_ne!(v, verifier().unwrap());
    }
}
