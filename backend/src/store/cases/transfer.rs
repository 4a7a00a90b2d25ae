//! Transferring a case: the owning agency hands it to a police unit or a prosecutor's office,
//! keeping a `full` grant itself. Sent to a prosecutor while under investigation, the case
//! moves to `sent_to_prosecutor`, recorded in the classification history with the reason.

use chrono::{DateTime, Utc};
use korgon_domain::{AgencyKind, CaseStatus, FieldError, FieldErrors};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::get::load_visible;
use crate::access::scope::GrantLevel;
use crate::access::{Action, Actor, CaseAccess, require};
use crate::audit::{self, AuditEvent, Detail};
use crate::entity::{case, case_grant, case_transfer, classification_change};
use crate::error::{Error, Result};
use crate::store::grants::NewGrant;
use crate::store::{Store, agencies, now};

/// The body of `POST /api/v1/cases/{id}/transfer`.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransferInput {
    /// The agency taking the case over (a police unit or a prosecutor's office). Required.
    #[serde(default)]
    pub agency_code: Option<String>,
    /// Why. Required; kept with the transfer and, when the status changes, in the history.
    #[serde(default)]
    pub reason: Option<String>,
    /// The case's version last read; a stale one is refused with 409.
    #[serde(default)]
    pub version: Option<i64>,
}

/// A transfer, as recorded.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TransferView {
    /// Id.
    pub id: Uuid,
    /// The case.
    pub case_id: Uuid,
    /// The agency that handed the case over.
    pub from_agency: String,
    /// The agency that owns it now.
    pub to_agency: String,
    /// Why.
    pub reason: String,
    /// The case's status before.
    pub status_before: String,
    /// The case's status after.
    pub status_after: String,
    /// The `full` grant the previous owner keeps (revocable by the new owner).
    pub grant_id: Uuid,
    /// Who (user id).
    pub transferred_by: Uuid,
    /// When.
    pub transferred_at: DateTime<Utc>,
    /// The case's version after the transfer.
    pub case_version: i64,
}

/// Agency kinds that may own a case.
fn may_own_cases(kind: &str) -> bool {
    kind == AgencyKind::Police.as_str() || kind == AgencyKind::Prosecutor.as_str()
}

/// Transfers case `id` to another agency (owning agency only).
#[tracing::instrument(skip_all, fields(user = %actor.user_id, case = %id))]
pub async fn transfer(
    store: &Store,
    actor: &Actor,
    id: Uuid,
    input: TransferInput,
) -> Result<TransferView> {
    require(actor, Action::TransferCase)?;
    let mut errors = FieldErrors::new();
    let code = match input.agency_code.as_deref() {
        Some(c) if !c.trim().is_empty() => Some(c.to_owned()),
        _ => {
            errors.push(FieldError::new(
                "agency_code",
                "is required: the agency taking the case over",
            ));
            None
        }
    };
    let reason = match input.reason.as_deref() {
        Some(r) => errors.take(korgon_domain::text::bounded(
            "reason",
            r,
            korgon_domain::text::limits::REASON,
            true,
        )),
        None => {
            errors.push(FieldError::new("reason", "is required"));
            None
        }
    };
    let (Some(code), Some(reason)) = (code, reason) else {
        return Err(errors.into());
    };
    let txn = store.db.begin_write().await?;
    let (current, access) = load_visible(&txn, actor, id).await?;
    if access != CaseAccess::Owner {
        return Err(Error::forbidden(
            "only the owning agency may transfer a case",
        ));
    }
    if let Some(version) = input.version
        && version != current.version
    {
        return Err(Error::VersionConflict {
            object: "case",
            current: current.version,
        });
    }
    let target = agencies::by_code(&txn, &code).await.map_err(|e| match e {
        Error::NotFound(_) => FieldError::new("agency_code", "no agency has this code").into(),
        other => other,
    })?;
    if target.id == actor.agency_id {
        return Err(FieldError::new("agency_code", "is your own agency").into());
    }
    if !target.active {
        return Err(FieldError::new("agency_code", "this agency is deactivated").into());
    }
    if !may_own_cases(&target.kind) {
        return Err(FieldError::new(
            "agency_code",
            "cases can be transferred to police units and prosecutor's offices only",
        )
        .into());
    }
    let before: CaseStatus = current
        .status
        .parse()
        .map_err(|e: String| Error::Internal(anyhow::anyhow!("case {id}: {e}")))?;
    let after = if target.kind == AgencyKind::Prosecutor.as_str()
        && before == CaseStatus::UnderInvestigation
    {
        CaseStatus::SentToProsecutor
    } else {
        before
    };
    let now = now();
    let mut model: case::ActiveModel = current.clone().into();
    model.owner_agency_id = Set(target.id);
    model.status = Set(after.as_str().to_owned());
    model.version = Set(current.version + 1);
    model.updated_at = Set(now);
    let updated = case::Entity::update_many()
        .set(model)
        .filter(case::Column::Id.eq(id))
        .filter(case::Column::Version.eq(current.version))
        .exec(&txn)
        .await?;
    if updated.rows_affected == 0 {
        return Err(Error::VersionConflict {
            object: "case",
            current: current.version + 1,
        });
    }
    if after != before {
        classification_change::Entity::insert(classification_change::ActiveModel {
            id: Set(Uuid::now_v7()),
            case_id: Set(id),
            field: Set("status".to_owned()),
            old_value: Set(
                json!({"status": before.as_str(), "closure_reason": current.closure_reason}),
            ),
            new_value: Set(json!({"status": after.as_str(), "closure_reason": null})),
            reason: Set(reason.clone()),
            changed_by: Set(actor.user_id),
            agency_id: Set(actor.agency_id),
            changed_at: Set(now),
        })
        .exec_without_returning(&txn)
        .await?;
    }
    let transfer_id = Uuid::now_v7();
    let grant_id = Uuid::now_v7();
    let grant = NewGrant {
        id: grant_id,
        agency_id: actor.agency_id,
        level: GrantLevel::Full,
        origin: "transfer",
        origin_id: Some(transfer_id),
        granted_by: actor.user_id,
        at: now,
    };
    case_grant::Entity::insert(grant.on_case(id))
        .exec_without_returning(&txn)
        .await?;
    let record = case_transfer::Entity::insert(case_transfer::ActiveModel {
        id: Set(transfer_id),
        case_id: Set(id),
        from_agency_id: Set(actor.agency_id),
        to_agency_id: Set(target.id),
        reason: Set(reason),
        status_before: Set(before.as_str().to_owned()),
        status_after: Set(after.as_str().to_owned()),
        grant_id: Set(grant_id),
        transferred_by: Set(actor.user_id),
        transferred_at: Set(now),
    })
    .exec_with_returning(&txn)
    .await?;
    let event = AuditEvent::new("case.transfer", "case", Some(id))
        .with("from_agency", Detail::Id(actor.agency_id))
        .with("to_agency", Detail::Id(target.id))
        .with("transfer", Detail::Id(transfer_id))
        .with("grant", Detail::Id(grant_id))
        .with("status", Detail::Code(after.as_str()))
        .with("status_changed", Detail::Flag(after != before))
        .with("version", Detail::Count(current.version + 1));
    audit::append(&txn, &[(actor.audit(), event)]).await?;
    let codes = agencies::codes(&txn, [actor.agency_id]).await?;
    txn.commit().await?;
    Ok(TransferView {
        id: record.id,
        case_id: id,
        from_agency: codes.get(&actor.agency_id).cloned().unwrap_or_default(),
        to_agency: target.code,
        reason: record.reason,
        status_before: record.status_before,
        status_after: record.status_after,
        grant_id,
        transferred_by: actor.user_id,
        transferred_at: record.transferred_at,
        case_version: current.version + 1,
    })
}
