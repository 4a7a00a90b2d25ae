//! A JSON body extractor whose rejections name the field (`articles[0].edition: invalid type…`).

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use korgon_domain::FieldError;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{error_field, sanitize_message};
use crate::api::error::ApiError;
use crate::error::Error;

/// A JSON request body or response.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

/// Whether the request declares a JSON body.
pub(super) fn is_json(req: &Request) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| {
            let mime = mime.trim().to_ascii_lowercase();
            mime == "application/json"
                || (mime.starts_with("application/") && mime.ends_with("+json"))
        })
}

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(&req) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge
            } else {
                Error::MalformedBody("the request body could not be read".to_owned()).into()
            }
        })?;
        parse(&bytes).map(Json)
    }
}

/// Parses a body, telling syntax errors (400) from errors in a field's value (422).
///
/// Every body of this API is a JSON object. serde would also fill a struct from an array,
/// field by position — past the field names and the refusal of unknown fields — so any other
/// well-formed JSON value is refused, naming the body.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let object = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    if !object && serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok() {
        return Err(Error::from(FieldError::new("body", "must be a JSON object")).into());
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        match inner.classify() {
            serde_json::error::Category::Data => {
                let message = inner.to_string();
                ApiError::from(Error::from(FieldError::new(
                    error_field(&path, &message, "body"),
                    sanitize_message(&message),
                )))
            }
            _ => Error::MalformedBody(format!(
                "the request body is not valid JSON: {}",
                sanitize_message(&inner.to_string())
            ))
            .into(),
        }
    })?;
    deserializer.end().map_err(|_| {
        Error::MalformedBody("the request body has data after the JSON value".to_owned())
    })?;
    Ok(value)
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}
