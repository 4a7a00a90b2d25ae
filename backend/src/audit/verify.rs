//! Walking the chain: every link, every hash, and the head.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;

use super::chain::{ChainFields, GENESIS_HASH, hash_event};
use crate::entity::{audit_event, audit_head};

/// Rows read per query while walking.
const PAGE: u64 = 5_000;

/// The outcome of a walk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Verification {
    /// Events checked before the walk ended.
    pub events_checked: i64,
    /// The first broken link, if any.
    pub broken: Option<BrokenLink>,
}

/// Where the chain breaks and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct BrokenLink {
    /// The sequence number of the row at fault (or of the missing row).
    pub seq: i64,
    /// What is wrong there.
    pub problem: String,
}

impl Verification {
    /// True when the whole chain checks out.
    pub fn is_intact(&self) -> bool {
        self.broken.is_none()
    }
}

fn broken(events_checked: i64, seq: i64, problem: String) -> Verification {
    Verification {
        events_checked,
        broken: Some(BrokenLink { seq, problem }),
    }
}

/// Walks the whole chain from the first event and checks, for each row, that its number
/// follows the previous one, that it links to the previous hash and that its own hash matches
/// its content; finally that the head names the last row.
///
/// The head is read first and the walk stops at the event it names: every event up to it was
/// committed together with it, while events appended during the walk (a live server keeps
/// appending) lie beyond it and are left for the next walk instead of looking deleted.
pub async fn verify<C: ConnectionTrait>(conn: &C) -> Result<Verification, sea_orm::DbErr> {
    let head = audit_head::Entity::find_by_id(1).one(conn).await?;
    let bound = head.as_ref().map_or(i64::MAX, |h| h.last_seq);
    let mut expected_seq = 1i64;
    let mut prev_hash = GENESIS_HASH.to_owned();
    loop {
        let rows = audit_event::Entity::find()
            .filter(audit_event::Column::Seq.gte(expected_seq))
            .filter(audit_event::Column::Seq.lte(bound))
            .order_by_asc(audit_event::Column::Seq)
            .limit(PAGE)
            .all(conn)
            .await?;
        let fetched = rows.len();
        for row in rows {
            let checked = expected_seq - 1;
            if row.seq != expected_seq {
                return Ok(broken(
                    checked,
                    expected_seq,
                    format!(
                        "event {expected_seq} is missing (the next stored event is {}): rows were deleted or renumbered",
                        row.seq
                    ),
                ));
            }
            if row.prev_hash != prev_hash {
                return Ok(broken(
                    checked,
                    row.seq,
                    format!(
                        "event {} does not link to event {checked}: the chain was cut or reordered",
                        row.seq
                    ),
                ));
            }
            let computed = hash_event(&ChainFields {
                prev_hash: &row.prev_hash,
                seq: row.seq,
                at: row.at,
                user_id: row.user_id,
                agency_id: row.agency_id,
                action: &row.action,
                object_type: &row.object_type,
                object_id: row.object_id.as_deref(),
                details: &row.details,
                client_addr: row.client_addr.as_deref(),
            });
            if computed != row.hash {
                return Ok(broken(
                    checked,
                    row.seq,
                    format!(
                        "event {} does not match its hash: its content was altered",
                        row.seq
                    ),
                ));
            }
            prev_hash = row.hash;
            expected_seq += 1;
        }
        if (fetched as u64) < PAGE {
            break;
        }
    }
    let last = expected_seq - 1;
    match head {
        None => Ok(broken(
            last,
            last,
            "the chain head row is missing".to_owned(),
        )),
        Some(head) if head.last_seq != last => Ok(broken(
            last,
            last + 1,
            format!(
                "the chain head records {} events but only {last} are stored: event {} and any after it were deleted",
                head.last_seq,
                last + 1
            ),
        )),
        Some(head) if head.last_hash != prev_hash => Ok(broken(
            last,
            last,
            format!("event {last} does not match the chain head: the last event was altered"),
        )),
        Some(_) => Ok(Verification {
            events_checked: last,
            broken: None,
        }),
    }
}
