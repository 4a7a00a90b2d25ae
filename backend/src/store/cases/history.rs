//! The reclassification history of a case: every change of articles, forms of exploitation or
//! status, with who, when and why.

use chrono::{DateTime, Utc};
use korgon_domain::Role;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use uuid::Uuid;

use super::get::load_visible;
use crate::access::{Action, Actor, require};
use crate::audit::AuditEvent;
use crate::entity::classification_change;
use crate::error::{Error, Result};
use crate::store::{Store, agencies};

/// One reclassification.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ClassificationChangeView {
    /// Id.
    pub id: Uuid,
    /// `articles`, `exploitation_forms` or `status`.
    pub field: String,
    /// The value before.
    #[schema(value_type = Object)]
    pub old_value: serde_json::Value,
    /// The value after.
    #[schema(value_type = Object)]
    pub new_value: serde_json::Value,
    /// Why.
    pub reason: String,
    /// Who (user id).
    pub changed_by: Uuid,
    /// Their agency's code.
    pub agency_code: String,
    /// When.
    pub changed_at: DateTime<Utc>,
}

/// The history of a case in the actor's scope, oldest first (not for NGO workers: the
/// reasons are part of the case narrative).
pub async fn history(
    store: &Store,
    actor: &Actor,
    case_id: Uuid,
) -> Result<Vec<ClassificationChangeView>> {
    require(actor, Action::ReadCases)?;
    if actor.role == Role::NgoWorker {
        return Err(Error::forbidden(
            "NGO workers may not read case classification history",
        ));
    }
    let conn = &store.db.reader;
    load_visible(conn, actor, case_id).await?;
    let rows = classification_change::Entity::find()
        .filter(classification_change::Column::CaseId.eq(case_id))
        .order_by_asc(classification_change::Column::ChangedAt)
        .order_by_asc(classification_change::Column::Id)
        .all(conn)
        .await?;
    let codes = agencies::codes(conn, rows.iter().map(|r| r.agency_id)).await?;
    store
        .audit
        .record(
            actor.audit(),
            vec![AuditEvent::new("case.history_read", "case", Some(case_id))],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| ClassificationChangeView {
            id: r.id,
            field: r.field,
            old_value: r.old_value,
            new_value: r.new_value,
            reason: r.reason,
            changed_by: r.changed_by,
            agency_code: codes.get(&r.agency_id).cloned().unwrap_or_default(),
            changed_at: r.changed_at,
        })
        .collect())
}
