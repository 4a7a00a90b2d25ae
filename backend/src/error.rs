//! The service error: what can go wrong in a Korgon operation, independent of HTTP.
//!
//! `crate::api::error` maps each variant to a status and a stable code in one table; the CLI
//! prints the message. Messages are written for the user and never contain personal data.

use korgon_domain::FieldErrors;

/// A failed operation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The object does not exist, or lies outside the actor's scope (the two are never told
    /// apart, so that scope does not leak existence).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// The actor's role or access level does not allow this action on a visible object.
    #[error("{0}")]
    Forbidden(String),
    /// The input failed validation; every field error is listed.
    #[error("invalid input: {0}")]
    Invalid(FieldErrors),
    /// The request body is not well-formed JSON, or not JSON at all.
    #[error("{0}")]
    MalformedBody(String),
    /// The object changed since the client read it.
    #[error(
        "the {object} was changed by someone else (current version {current}); reload it and retry"
    )]
    VersionConflict {
        /// What kind of object.
        object: &'static str,
        /// Its current version.
        current: i64,
    },
    /// The object's state does not allow the action (an illegal status transition, say);
    /// the message names the current state.
    #[error("{0}")]
    InvalidState(String),
    /// A unique value is already taken (an agency code, a username, a case reference).
    #[error("{0}")]
    Duplicate(String),
    /// Username or password wrong, or the account cannot log in.
    #[error("invalid username or password")]
    InvalidCredentials,
    /// Too many failed logins: the account is locked for a while.
    #[error("account locked after repeated failed logins; try again later or ask an administrator")]
    AccountLocked,
    /// No valid bearer token.
    #[error("{0}")]
    Unauthenticated(&'static str),
    /// The audit log could not record the access, so the access was refused.
    #[error("the audit log is unavailable; the request was not carried out")]
    AuditUnavailable,
    /// The database failed.
    #[error("database error")]
    Database(#[from] sea_orm::DbErr),
    /// Anything else unexpected.
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

/// Shorthand for results of Korgon operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<FieldErrors> for Error {
    fn from(errors: FieldErrors) -> Self {
        Error::Invalid(errors)
    }
}

impl From<korgon_domain::FieldError> for Error {
    fn from(error: korgon_domain::FieldError) -> Self {
        Error::Invalid(error.into())
    }
}

impl Error {
    /// A 403 for an action the actor's role may not take.
    pub fn forbidden(message: impl Into<String>) -> Self {
        Error::Forbidden(message.into())
    }

    /// True when the database refused a write for a unique constraint.
    pub fn is_unique_violation(err: &sea_orm::DbErr) -> bool {
        matches!(
            err.sql_err(),
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
        )
    }
}
