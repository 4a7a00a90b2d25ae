//! Reading the audit log, newest first, with filters and keyset pagination.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;
use uuid::Uuid;

use crate::entity::audit_event;

/// Which events to list.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Only this user's events.
    pub user_id: Option<Uuid>,
    /// Only events on objects of this type.
    pub object_type: Option<String>,
    /// Only events on this object.
    pub object_id: Option<String>,
    /// Only this action.
    pub action: Option<String>,
    /// Not before this time.
    pub from: Option<DateTime<Utc>>,
    /// Before this time.
    pub to: Option<DateTime<Utc>>,
    /// Only events older than this sequence number (the previous page's `next_before`).
    pub before: Option<i64>,
    /// Page size.
    pub limit: u64,
}

/// One stored event.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AuditRecord {
    /// Position in the chain.
    pub seq: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// Acting user.
    pub user_id: Option<Uuid>,
    /// Acting user's agency.
    pub agency_id: Option<Uuid>,
    /// What was done.
    pub action: String,
    /// To what kind of object.
    pub object_type: String,
    /// To which object.
    pub object_id: Option<String>,
    /// Ids, codes and counts.
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
    /// From where.
    pub client_addr: Option<String>,
    /// Hash of the previous event.
    pub prev_hash: String,
    /// This event's hash.
    pub hash: String,
}

/// A page of events.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AuditPage {
    /// Newest first.
    pub items: Vec<AuditRecord>,
    /// Pass as `before` to get the next (older) page; absent on the last page.
    pub next_before: Option<i64>,
}

/// Lists events matching `filter`, newest first.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    filter: &AuditFilter,
) -> Result<AuditPage, sea_orm::DbErr> {
    let mut query = audit_event::Entity::find();
    if let Some(user) = filter.user_id {
        query = query.filter(audit_event::Column::UserId.eq(user));
    }
    if let Some(kind) = &filter.object_type {
        query = query.filter(audit_event::Column::ObjectType.eq(kind.as_str()));
    }
    if let Some(id) = &filter.object_id {
        query = query.filter(audit_event::Column::ObjectId.eq(id.as_str()));
    }
    if let Some(action) = &filter.action {
        query = query.filter(audit_event::Column::Action.eq(action.as_str()));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_event::Column::At.gte(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(audit_event::Column::At.lt(to));
    }
    if let Some(before) = filter.before {
        query = query.filter(audit_event::Column::Seq.lt(before));
    }
    let rows = query
        .order_by_desc(audit_event::Column::Seq)
        .limit(filter.limit + 1)
        .all(conn)
        .await?;
    let has_more = rows.len() as u64 > filter.limit;
    let items: Vec<AuditRecord> = rows
        .into_iter()
        .take(filter.limit as usize)
        .map(|row| AuditRecord {
            seq: row.seq,
            at: row.at,
            user_id: row.user_id,
            agency_id: row.agency_id,
            action: row.action,
            object_type: row.object_type,
            object_id: row.object_id,
            details: serde_json::from_str(&row.details).unwrap_or(serde_json::Value::Null),
            client_addr: row.client_addr,
            prev_hash: row.prev_hash,
            hash: row.hash,
        })
        .collect();
    let next_before = if has_more {
        items.last().map(|r| r.seq)
    } else {
        None
    };
    Ok(AuditPage { items, next_before })
}
