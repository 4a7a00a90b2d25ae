//! `POST /api/v1/cases`.

use axum::extract::State;
use axum::http::StatusCode;
use korgon_domain::{CaseInput, dates};

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::Json;
use crate::api::state::AppState;
use crate::store::cases::{self, CaseView};

/// Opens a case for the caller's agency (investigators). The reference is generated unless a
/// legacy one is given.
#[utoipa::path(post, operation_id = "create_case", path = "/api/v1/cases", tag = "cases", security(("bearer" = [])), request_body = CaseInput,
    responses(
        (status = 201, body = CaseView),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, description = "reference taken", body = ErrorBody), (status = 422, body = ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    Json(input): Json<CaseInput>,
) -> Result<(StatusCode, Json<CaseView>), ApiError> {
    crate::access::require(&actor, crate::access::Action::CreateCase)?;
    let input = input
        .validate(&state.store.profile, dates::today())
        .map_err(crate::error::Error::from)?;
    Ok((
        StatusCode::CREATED,
        Json(cases::create(&state.store, &actor, input).await?),
    ))
}
