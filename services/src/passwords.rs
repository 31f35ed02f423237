//! The password policy (one for sign-up, resets, changes and `satu admin create-user`), argon2id
//! hashing off the async threads, and verification that takes as long for an unknown account as
//! for a wrong password.

use entities::password;

use crate::ServiceError;

const MIN_PASSWORD: usize = 10;
/// Passwords long enough but guessed first by every attacker.
const COMMON: [&str; 8] = [
    "password12",
    "1234567890",
    "qwertyuiop",
    "password123",
    "iloveyou12",
    "1q2w3e4r5t",
    "passw0rd12",
    "0987654321",
];

/// Refuses a password that is too short, too long, among the most guessed, or contains the
/// account's email name, with a `reason` code.
pub fn check_strength(password: &str, email: &str) -> Result<(), ServiceError> {
    let reject = |reason, message: String| Err(ServiceError::rejected(reason, message));
    let weak = |reason, why: &str| reject(reason, format!("The password is too weak: {why}."));
    let lower = password.to_lowercase();
    let local = email.split('@').next().unwrap_or_default();
    if password.chars().count() < MIN_PASSWORD {
        return weak(
            "password_too_short",
            &format!("use at least {MIN_PASSWORD} characters"),
        );
    }
    if password.chars().count() > 200 {
        return reject(
            "password_too_long",
            "The password is longer than 200 characters.".to_owned(),
        );
    }
    if COMMON.contains(&lower.as_str()) || lower.chars().all(|c| lower.starts_with(c)) {
        return weak("password_common", "it is one of the most guessed passwords");
    }
    if local.len() >= 4 && lower.contains(local) {
        return weak("password_contains_email", "it contains your email address");
    }
    Ok(())
}

/// Argon2 takes tens of milliseconds of CPU: off the async threads.
pub async fn hash_password(password: String) -> Result<String, ServiceError> {
    tokio::task::spawn_blocking(move || password::hash(&password))
        .await
        .map_err(|e| ServiceError::Internal(format!("password hashing task failed: {e}")))?
        .map_err(|e| ServiceError::Internal(format!("password hashing failed: {e}")))
}

/// The policy, then the hash: what every way of setting a password goes through.
pub async fn checked_hash(password: String, email: &str) -> Result<String, ServiceError> {
    check_strength(&password, email)?;
    hash_password(password).await
}

/// Verifies against the stored hash, or against a dummy one when there is none, so an unknown
/// email takes as long as a wrong password.
pub async fn verify_password(
    password: String,
    stored: Option<String>,
) -> Result<bool, ServiceError> {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    tokio::task::spawn_blocking(move || {
        let real = stored.is_some();
        let hash = stored.unwrap_or_else(|| {
            DUMMY
                .get_or_init(|| password::hash("satu-dummy-password").unwrap_or_default())
                .clone()
        });
        password::verify(&password, &hash) && real
    })
    .await
    .map_err(|e| ServiceError::Internal(format!("password check task failed: {e}")))
}

#[cfg(test)]
mod tests {
    use super::check_strength;

    #[test]
    fn weak_passwords_are_refused_with_a_reason() {
        assert!(check_strength("short", "ana@example.com").is_err());
        assert!(check_strength("password123", "ana@example.com").is_err());
        assert!(check_strength("aaaaaaaaaaaa", "ana@example.com").is_err());
        assert!(check_strength("my-ana.lee-secret", "ana.lee@example.com").is_err());
        assert!(check_strength("correct horse battery", "ana@example.com").is_ok());
    }
}
