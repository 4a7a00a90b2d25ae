//! A query-string extractor whose rejections name the parameter.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use korgon_domain::FieldError;
use serde::de::DeserializeOwned;

use super::{error_field, sanitize_message};
use crate::api::error::ApiError;
use crate::error::Error;

/// Parsed query parameters.
#[derive(Debug, Clone, Default)]
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        let deserializer =
            serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        serde_path_to_error::deserialize(deserializer)
            .map(Query)
            .map_err(|err| {
                let path = err.path().to_string();
                let message = err.into_inner().to_string();
                Error::from(FieldError::new(
                    error_field(&path, &message, "query"),
                    sanitize_message(&message),
                ))
                .into()
            })
    }
}
