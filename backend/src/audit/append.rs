//! Appending events to the chain inside the caller's transaction.

use chrono::{SubsecRound, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait, QuerySelect};

use super::chain::{ChainFields, hash_event};
use super::event::{AuditContext, AuditEvent};
use crate::entity::{audit_event, audit_head};

/// The most rows one insert statement carries.
const CHUNK_ROWS: usize = 64;

/// Appends `events` (in order) to the chain within `txn`.
///
/// Takes the chain head with `SELECT … FOR UPDATE` (on SQLite the surrounding write
/// transaction already excludes other writers), so concurrent appenders queue rather than fork
/// the chain; the caller's commit makes data and audit durable together.
pub async fn append<C: ConnectionTrait>(
    txn: &C,
    entries: &[(AuditContext, AuditEvent)],
) -> Result<(), sea_orm::DbErr> {
    if entries.is_empty() {
        return Ok(());
    }
    let head = audit_head::Entity::find_by_id(1)
        .lock_exclusive()
        .one(txn)
        .await?
        .ok_or_else(|| sea_orm::DbErr::RecordNotFound("audit_head row 1".to_owned()))?;
    let mut seq = head.last_seq;
    let mut prev_hash = head.last_hash;
    let at = Utc::now().trunc_subsecs(6);
    let mut rows = Vec::with_capacity(entries.len());
    for (ctx, event) in entries {
        seq += 1;
        let details = event.details_json();
        let object_id = event.object_id.map(|id| id.to_string());
        let hash = hash_event(&ChainFields {
            prev_hash: &prev_hash,
            seq,
            at,
            user_id: ctx.user_id,
            agency_id: ctx.agency_id,
            action: event.action,
            object_type: event.object_type,
            object_id: object_id.as_deref(),
            details: &details,
            client_addr: ctx.client_addr.as_deref(),
        });
        rows.push(audit_event::ActiveModel {
            seq: Set(seq),
            at: Set(at),
            user_id: Set(ctx.user_id),
            agency_id: Set(ctx.agency_id),
            action: Set(event.action.to_owned()),
            object_type: Set(event.object_type.to_owned()),
            object_id: Set(object_id),
            details: Set(details),
            client_addr: Set(ctx.client_addr.clone()),
            prev_hash: Set(std::mem::replace(&mut prev_hash, hash.clone())),
            hash: Set(hash),
        });
    }
    // Bound parameters per statement are limited (SQLite: 32766), and every distinct row
    // count is one more prepared statement each connection keeps: insert in chunks of at
    // most 64 rows, so that 64 statement shapes serve every group size (and a group of up to
    // 64 events, the usual one, is still one statement).
    for chunk in rows.chunks(CHUNK_ROWS) {
        audit_event::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(txn)
            .await?;
    }
    audit_head::Entity::update(audit_head::ActiveModel {
        id: Set(1),
        last_seq: Set(seq),
        last_hash: Set(prev_hash),
    })
    .exec(txn)
    .await?;
    Ok(())
}
