//! Errors as HTTP responses: `{"error": {"code": "...", "message": "..."}}`, with the status
//! and code of each error kind in one table ([`ApiError::parts`]).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use korgon_domain::FieldError;
use serde::Serialize;

use crate::error::Error;

/// An error answered over HTTP.
#[derive(Debug)]
pub enum ApiError {
    /// A service error.
    Service(Error),
    /// The body is larger than the limit.
    PayloadTooLarge,
    /// The body is not `application/json`.
    UnsupportedMediaType,
    /// A path segment is malformed (an id that is not a UUID).
    InvalidPath(String),
    /// No route matches.
    NoRoute,
    /// The route exists but not with this method.
    MethodNotAllowed,
}

/// The error body.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// A stable code: `validation_failed`, `not_found`, `version_conflict`…
    pub code: &'static str,
    /// A sentence for people, naming the field or state at fault.
    pub message: String,
    /// For `validation_failed`: every invalid field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

impl From<Error> for ApiError {
    fn from(error: Error) -> Self {
        ApiError::Service(error)
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(error: sea_orm::DbErr) -> Self {
        ApiError::Service(Error::Database(error))
    }
}

impl ApiError {
    /// Status, code and message of each error: the one table.
    pub fn parts(&self) -> (StatusCode, &'static str, String) {
        use StatusCode as S;
        match self {
            ApiError::Service(e) => {
                let message = e.to_string();
                match e {
                    Error::NotFound(_) => (S::NOT_FOUND, "not_found", message),
                    Error::Forbidden(_) => (S::FORBIDDEN, "forbidden", message),
                    Error::Invalid(_) => (S::UNPROCESSABLE_ENTITY, "validation_failed", message),
                    Error::MalformedBody(_) => (S::BAD_REQUEST, "malformed_body", message),
                    Error::VersionConflict { .. } => (S::CONFLICT, "version_conflict", message),
                    Error::InvalidState(_) => (S::CONFLICT, "invalid_state", message),
                    Error::Duplicate(_) => (S::CONFLICT, "duplicate", message),
                    Error::InvalidCredentials => (S::UNAUTHORIZED, "invalid_credentials", message),
                    Error::AccountLocked => (S::LOCKED, "account_locked", message),
                    Error::Unauthenticated(_) => (S::UNAUTHORIZED, "unauthenticated", message),
                    Error::AuditUnavailable => {
                        (S::SERVICE_UNAVAILABLE, "audit_unavailable", message)
                    }
                    Error::Database(_) | Error::Internal(_) => (
                        S::INTERNAL_SERVER_ERROR,
                        "internal",
                        "an internal error occurred; it has been logged".to_owned(),
                    ),
                }
            }
            ApiError::PayloadTooLarge => (
                S::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "the request body is too large (at most 1 MiB)".to_owned(),
            ),
            ApiError::UnsupportedMediaType => (
                S::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "the request body must be JSON with Content-Type: application/json".to_owned(),
            ),
            ApiError::InvalidPath(message) => (S::BAD_REQUEST, "invalid_path", message.clone()),
            ApiError::NoRoute => (S::NOT_FOUND, "not_found", "no such route".to_owned()),
            ApiError::MethodNotAllowed => (
                S::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "this route does not accept this method".to_owned(),
            ),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code, message) = self.parts();
        if status == StatusCode::INTERNAL_SERVER_ERROR
            && let ApiError::Service(e) = &self
        {
            // The cause chain may name tables and constraints, never bound values.
            tracing::error!(error = ?e, "request failed");
        }
        let fields = match self {
            ApiError::Service(Error::Invalid(errors)) => errors.0,
            _ => Vec::new(),
        };
        let mut response = (
            status,
            axum::Json(ErrorBody {
                error: ErrorDetail {
                    code,
                    message,
                    fields,
                },
            }),
        )
            .into_response();
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// The JSON 404 for unknown routes.
pub async fn no_route() -> ApiError {
    ApiError::NoRoute
}

/// The JSON 405 for known routes with another method.
pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
