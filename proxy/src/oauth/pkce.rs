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
    fn challenge_matches_rfc_7636_appendix_b() {
        assert_eq!(
            challenge("dBjftJeZ4CVP-mJ92K1qp7ETdAGDmlnTMknDjwyOm6w"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }
}
