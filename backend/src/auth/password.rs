//! Password hashing with argon2id (the argon2 crate's defaults: 19 MiB, 2 passes), run off
//! the async threads because it is deliberately slow.

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};
use secrecy::{ExposeSecret, SecretString};

use crate::error::Error;

/// The shortest password accepted.
pub const MIN_LENGTH: usize = 10;
/// The longest password accepted (argon2 takes any length; this bounds the work).
pub const MAX_LENGTH: usize = 256;

/// Checks the length rules; the message never contains the password.
pub fn check_strength(password: &SecretString) -> Result<(), Error> {
    let length = password.expose_secret().chars().count();
    if !(MIN_LENGTH..=MAX_LENGTH).contains(&length) {
        return Err(korgon_domain::FieldError::new(
            "password",
            format!("must be {MIN_LENGTH} to {MAX_LENGTH} characters long"),
        )
        .into());
    }
    Ok(())
}

/// Hashes a password into a PHC string (`$argon2id$v=19$…`).
pub async fn hash(password: SecretString) -> Result<String, Error> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.expose_secret().as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("password hashing failed: {e}"))
    })
    .await
    .map_err(|e| anyhow::anyhow!("password hashing task failed: {e}"))?
    .map_err(Error::Internal)
}

/// A valid hash of no one's password, verified against when the username is unknown so that
/// the response time does not tell which usernames exist.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$nr7Z6FxMtbwVtB5lqsWZwwqqJbTRnWVl0xqKvY2H6Z8";

/// Verifies a password against a stored hash (or the dummy hash when `stored` is `None`).
/// A malformed stored hash verifies as false.
pub async fn verify(password: SecretString, stored: Option<String>) -> Result<bool, Error> {
    tokio::task::spawn_blocking(move || {
        let real = stored.is_some();
        let stored = stored.unwrap_or_else(|| DUMMY_HASH.to_owned());
        let Ok(parsed) = PasswordHash::new(&stored) else {
            return false;
        };
        let matches = Argon2::default()
            .verify_password(password.expose_secret().as_bytes(), &parsed)
            .is_ok();
        real && matches
    })
    .await
    .map_err(|e| Error::Internal(anyhow::anyhow!("password check task failed: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_differ() {
        let a = hash(SecretString::from("correct horse battery"))
            .await
            .unwrap();
        let b = hash(SecretString::from("correct horse battery"))
            .await
            .unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "salted");
        assert!(
            verify(SecretString::from("correct horse battery"), Some(a.clone()))
                .await
                .unwrap()
        );
        assert!(
            !verify(SecretString::from("wrong horse battery"), Some(a))
                .await
                .unwrap()
        );
        assert!(
            !verify(SecretString::from("anything at all"), None)
                .await
                .unwrap()
        );
        assert!(
            !verify(SecretString::from("x"), Some("garbage".into()))
                .await
                .unwrap()
        );
    }

    #[test]
    fn strength() {
        assert!(check_strength(&SecretString::from("short")).is_err());
        assert!(check_strength(&SecretString::from("long enough pass")).is_ok());
    }
}
