//! AES-256-GCM envelopes for provider credentials.
//!
//! Envelope: `v1:<key id>:<base64(nonce ‖ ciphertext ‖ tag)>`. The key id lets the master key
//! rotate: new envelopes use the current key, old ones open with any configured previous key.
//! The associated data binds an envelope to its row, so a sealed secret copied onto another
//! account does not open.

use std::collections::HashMap;
use std::fmt;

use aes_gcm::aead::{Aead, Generate, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::secret_token::sha256_hex;

const VERSION: &str = "v1";
const NONCE_LEN: usize = 12;

#[derive(Debug, thiserror::Error)]
pub enum SealError {
    #[error("master key must be 32 bytes encoded as base64 or 64 hex characters")]
    BadMasterKey,
    #[error("sealed value is malformed")]
    Malformed,
    #[error("sealed with unknown key id `{0}`")]
    UnknownKey(String),
    #[error("sealed value failed authentication")]
    Tampered,
    #[error("system random number generator failed")]
    Random,
}

/// A 32-byte master key. Never printed.
#[derive(Clone)]
pub struct MasterKey {
    bytes: [u8; 32],
}

impl fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MasterKey([redacted])")
    }
}

impl MasterKey {
    pub fn generate() -> Result<Self, SealError> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|_| SealError::Random)?;
        Ok(Self { bytes })
    }

    /// Accepts base64 (standard alphabet) or hex encodings of 32 bytes.
    pub fn parse(encoded: &str) -> Result<Self, SealError> {
        let encoded = encoded.trim();
        let decoded = if encoded.len() == 64 && encoded.chars().all(|c| c.is_ascii_hexdigit()) {
            decode_hex(encoded)
        } else {
            STANDARD.decode(encoded).ok()
        };
        let bytes: [u8; 32] = decoded
            .and_then(|d| d.try_into().ok())
            .ok_or(SealError::BadMasterKey)?;
        Ok(Self { bytes })
    }

    pub fn encode(&self) -> String {
        STANDARD.encode(self.bytes)
    }

    /// Short public identifier of the key: the first 8 hex digits of its SHA-256 over base64.
    pub fn id(&self) -> String {
        sha256_hex(&self.encode())[..8].to_owned()
    }
}

fn decode_hex(s: &str) -> Option<Vec<u8>> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

pub struct Sealer {
    current_id: String,
    ciphers: HashMap<String, Aes256Gcm>,
}

impl fmt::Debug for Sealer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sealer")
            .field("current_id", &self.current_id)
            .finish_non_exhaustive()
    }
}

impl Sealer {
    /// `current` seals; `previous` keys only open envelopes sealed before a rotation.
    pub fn new(current: &MasterKey, previous: &[MasterKey]) -> Result<Self, SealError> {
        let mut ciphers = HashMap::new();
        for key in previous.iter().chain(std::iter::once(current)) {
            let cipher =
                Aes256Gcm::new_from_slice(&key.bytes).map_err(|_| SealError::BadMasterKey)?;
            ciphers.insert(key.id(), cipher);
        }
        Ok(Self {
            current_id: current.id(),
            ciphers,
        })
    }

    /// The id of the key that seals.
    pub fn current_id(&self) -> &str {
        &self.current_id
    }

    /// Whether `envelope` is sealed under the current key (else `reseal` has work to do).
    pub fn is_current(&self, envelope: &str) -> bool {
        envelope.split(':').nth(1) == Some(self.current_id.as_str())
    }

    /// The envelope opened and sealed again under the current key, bound to the same row.
    pub fn reseal(&self, envelope: &str, aad: &[u8]) -> Result<String, SealError> {
        self.seal(&self.open(envelope, aad)?, aad)
    }

    pub fn seal(&self, plaintext: &[u8], aad: &[u8]) -> Result<String, SealError> {
        let cipher = self
            .ciphers
            .get(&self.current_id)
            .ok_or_else(|| SealError::UnknownKey(self.current_id.clone()))?;
        let nonce = Nonce::try_generate().map_err(|_| SealError::Random)?;
        let sealed = cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: plaintext,
                    aad,
                },
            )
            .map_err(|_| SealError::Tampered)?;
        let mut blob = Vec::with_capacity(NONCE_LEN + sealed.len());
        blob.extend_from_slice(nonce.as_slice());
        blob.extend_from_slice(&sealed);
        Ok(format!(
            "{VERSION}:{}:{}",
            self.current_id,
            STANDARD.encode(blob)
        ))
    }

    pub fn open(&self, envelope: &str, aad: &[u8]) -> Result<Vec<u8>, SealError> {
        let mut parts = envelope.splitn(3, ':');
        let (Some(VERSION), Some(key_id), Some(body)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(SealError::Malformed);
        };
        let cipher = self
            .ciphers
            .get(key_id)
            .ok_or_else(|| SealError::UnknownKey(key_id.to_owned()))?;
        let blob = STANDARD.decode(body).map_err(|_| SealError::Malformed)?;
        if blob.len() < NONCE_LEN {
            return Err(SealError::Malformed);
        }
        let (nonce, sealed) = blob.split_at(NONCE_LEN);
        let nonce = Nonce::try_from(nonce).map_err(|_| SealError::Malformed)?;
        cipher
            .decrypt(&nonce, Payload { msg: sealed, aad })
            .map_err(|_| SealError::Tampered)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_round_trips_and_binds_to_its_row() {
        let key = MasterKey::generate().unwrap();
        let sealer = Sealer::new(&key, &[]).unwrap();
        let env = sealer.seal(b"sk-secret", b"account:1").unwrap();
        assert!(env.starts_with(&format!("v1:{}:", key.id())));
        assert!(!env.contains("sk-secret"));
        assert_eq!(sealer.open(&env, b"account:1").unwrap(), b"sk-secret");
        assert!(matches!(
            sealer.open(&env, b"account:2"),
            Err(SealError::Tampered)
        ));
    }

    #[test]
    fn rotated_keys_still_open_old_envelopes() {
        let old = MasterKey::generate().unwrap();
        let new = MasterKey::generate().unwrap();
        let env = Sealer::new(&old, &[]).unwrap().seal(b"x", b"a").unwrap();
        let rotated = Sealer::new(&new, std::slice::from_ref(&old)).unwrap();
        assert_eq!(rotated.open(&env, b"a").unwrap(), b"x");
        let only_new = Sealer::new(&new, &[]).unwrap();
        assert!(matches!(
            only_new.open(&env, b"a"),
            Err(SealError::UnknownKey(_))
        ));
    }

    #[test]
    fn master_keys_parse_from_base64_and_hex() {
        let key = MasterKey::generate().unwrap();
        assert_eq!(MasterKey::parse(&key.encode()).unwrap().id(), key.id());
        let hex: String = key.bytes.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(MasterKey::parse(&hex).unwrap().id(), key.id());
        assert!(MasterKey::parse("short").is_err());
        assert_eq!(format!("{key:?}"), "MasterKey([redacted])");
    }
}
