//! `GET /api/v1/me`: who the token belongs to.

use axum::extract::State;
use sea_orm::EntityTrait;
use serde::Serialize;
use uuid::Uuid;

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::Json;
use crate::api::state::AppState;
use crate::entity::{agency, user};
use crate::error::Error;

/// The logged-in user.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Me {
    /// User id.
    pub id: Uuid,
    /// Username.
    pub username: String,
    /// Full name.
    pub display_name: String,
    /// Role.
    pub role: String,
    /// Agency code.
    pub agency_code: String,
    /// Agency name.
    pub agency_name: String,
}

/// The current user, role and agency.
#[utoipa::path(get, operation_id = "me", path = "/api/v1/me", tag = "auth", security(("bearer" = [])),
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn me(State(state): State<AppState>, actor: Actor) -> Result<Json<Me>, ApiError> {
    let conn = &state.store.db.reader;
    let account = user::Entity::find_by_id(actor.user_id)
        .one(conn)
        .await?
        .ok_or(Error::NotFound("user"))?;
    let agency = agency::Entity::find_by_id(actor.agency_id)
        .one(conn)
        .await?
        .ok_or(Error::NotFound("agency"))?;
    Ok(Json(Me {
        id: account.id,
        username: account.username,
        display_name: account.display_name,
        role: account.role,
        agency_code: agency.code,
        agency_name: agency.name,
    }))
}
