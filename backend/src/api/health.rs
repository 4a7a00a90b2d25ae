//! `GET /healthz`: the process is up and serving. Deliberately does no I/O, so that it is
//! also the ceiling the API benchmark compares against.

use serde::Serialize;

use crate::api::extract::Json;

/// Liveness.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Health {
    /// Always `ok`.
    pub status: &'static str,
}

/// Liveness probe.
#[utoipa::path(get, operation_id = "healthz", path = "/healthz", tag = "operations", responses((status = 200, body = Health)))]
pub async fn healthz() -> Json<Health> {
    Json(Health { status: "ok" })
}
