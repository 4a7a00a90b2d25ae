//! Short-lived HS256 access tokens.

use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::Error;

const ISSUER: &str = "korgon";

/// What a token says: whose it is and until when. Role and agency are deliberately absent:
/// they are read from the database on every request, so a change takes effect at once.
#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    /// The user id.
    pub sub: Uuid,
    /// Issued at (seconds since the epoch).
    pub iat: i64,
    /// Issued at, in milliseconds: compared with the account's `tokens_valid_after`, where
    /// whole seconds would let a token issued just before a password change slip through.
    pub iat_ms: i64,
    /// Expires at (seconds since the epoch).
    pub exp: i64,
    /// Always `korgon`.
    pub iss: String,
    /// A unique token id.
    pub jti: Uuid,
}

/// The signing and verifying keys, and the token lifetime.
#[derive(Clone)]
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    ttl_seconds: i64,
}

impl std::fmt::Debug for TokenKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenKeys")
            .field("ttl_seconds", &self.ttl_seconds)
            .finish_non_exhaustive()
    }
}

impl TokenKeys {
    /// Keys from the shared secret.
    pub fn new(secret: &SecretString, ttl_seconds: u64) -> Self {
        let bytes = secret.expose_secret().as_bytes();
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iat", "sub", "iss"]);
        validation.leeway = 5;
        Self {
            encoding: EncodingKey::from_secret(bytes),
            decoding: DecodingKey::from_secret(bytes),
            validation,
            ttl_seconds: i64::try_from(ttl_seconds).unwrap_or(900),
        }
    }

    /// Token lifetime in seconds.
    pub fn ttl_seconds(&self) -> i64 {
        self.ttl_seconds
    }

    /// Issues a token for `user_id`.
    pub fn issue(&self, user_id: Uuid) -> Result<String, Error> {
        let issued = Utc::now();
        let now = issued.timestamp();
        let claims = Claims {
            sub: user_id,
            iat: now,
            iat_ms: issued.timestamp_millis(),
            exp: now + self.ttl_seconds,
            iss: ISSUER.to_owned(),
            jti: Uuid::new_v4(),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| Error::Internal(anyhow::anyhow!("token signing failed: {e}")))
    }

    /// Verifies signature, issuer and expiry; returns the claims.
    pub fn verify(&self, token: &str) -> Result<Claims, Error> {
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|e| match e.kind() {
                jsonwebtoken::errors::ErrorKind::ExpiredSignature => {
                    Error::Unauthenticated("the access token has expired; log in again")
                }
                _ => Error::Unauthenticated("the access token is not valid"),
            })?;
        Ok(data.claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(secret: &str) -> TokenKeys {
        TokenKeys::new(&SecretString::from(secret.to_owned()), 900)
    }

    #[test]
    fn round_trip_and_tamper() {
        let keys = keys(&"a".repeat(40));
        let user = Uuid::new_v4();
        let token = keys.issue(user).unwrap();
        assert_eq!(keys.verify(&token).unwrap().sub, user);
        assert!(matches!(
            self::keys(&"b".repeat(40)).verify(&token),
            Err(Error::Unauthenticated(_))
        ));
        let mut tampered = token.clone();
        tampered.pop();
        assert!(keys.verify(&tampered).is_err());
        assert!(keys.verify("not.a.token").is_err());
    }

    #[test]
    fn expired_tokens_are_refused() {
        let keys = keys(&"a".repeat(40));
        let now = Utc::now().timestamp();
        let claims = Claims {
            sub: Uuid::new_v4(),
            iat: now - 2000,
            iat_ms: (now - 2000) * 1000,
            exp: now - 1000,
            iss: ISSUER.into(),
            jti: Uuid::new_v4(),
        };
        let token =
            jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &keys.encoding).unwrap();
        match keys.verify(&token) {
            Err(Error::Unauthenticated(msg)) => assert!(msg.contains("expired")),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn other_algorithms_are_refused() {
        let keys = keys(&"a".repeat(40));
        let now = Utc::now().timestamp();
        let claims = Claims {
            sub: Uuid::new_v4(),
            iat: now,
            iat_ms: now * 1000,
            exp: now + 100,
            iss: ISSUER.into(),
            jti: Uuid::new_v4(),
        };
        let token = jsonwebtoken::encode(
            &Header::new(Algorithm::HS512),
            &claims,
            &EncodingKey::from_secret("a".repeat(40).as_bytes()),
        )
        .unwrap();
        assert!(keys.verify(&token).is_err());
    }
}
