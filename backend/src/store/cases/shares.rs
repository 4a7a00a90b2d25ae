//! Sharing a case with another agency (read or full), and revoking the share.

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::get::load_visible;
use crate::access::scope::GrantLevel;
use crate::access::{Action, Actor, CaseAccess, require};
use crate::audit::{self, AuditEvent, Detail};
use crate::entity::case_grant;
use crate::error::{Error, Result};
use crate::store::grants::NewGrant;
use crate::store::{Store, agencies, now};

/// The body of `POST /api/v1/cases/{id}/shares`.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewShare {
    /// The agency to share with.
    pub agency_code: String,
    /// `read` (no protected fields) or `full`.
    pub level: GrantLevel,
}

/// A grant on a case.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct GrantView {
    /// Id.
    pub id: Uuid,
    /// The agency holding it.
    pub agency_code: String,
    /// `read` or `full`.
    pub level: String,
    /// `share`, `transfer` or `referral`.
    pub origin: String,
    /// When granted.
    pub granted_at: DateTime<Utc>,
    /// When revoked, if revoked.
    pub revoked_at: Option<DateTime<Utc>>,
}

/// Only the owning agency manages a case's grants.
async fn require_owner<C: ConnectionTrait>(conn: &C, actor: &Actor, case_id: Uuid) -> Result<()> {
    require(actor, Action::ShareCase)?;
    let (_, access) = load_visible(conn, actor, case_id).await?;
    if access != CaseAccess::Owner {
        return Err(Error::forbidden(
            "only the owning agency may manage who a case is shared with",
        ));
    }
    Ok(())
}

fn view(grant: case_grant::Model, agency_code: String) -> GrantView {
    GrantView {
        id: grant.id,
        agency_code,
        level: grant.level,
        origin: grant.origin,
        granted_at: grant.created_at,
        revoked_at: grant.revoked_at,
    }
}

/// Shares a case; sharing again with the same agency changes the level of the active grant.
#[tracing::instrument(skip_all, fields(user = %actor.user_id, case = %case_id))]
pub async fn share(
    store: &Store,
    actor: &Actor,
    case_id: Uuid,
    input: NewShare,
) -> Result<GrantView> {
    let txn = store.db.begin_write().await?;
    require_owner(&txn, actor, case_id).await?;
    let target = agencies::by_code(&txn, &input.agency_code)
        .await
        .map_err(|e| match e {
            Error::NotFound(_) => {
                korgon_domain::FieldError::new("agency_code", "no agency has this code").into()
            }
            other => other,
        })?;
    if target.id == actor.agency_id {
        return Err(korgon_domain::FieldError::new("agency_code", "is your own agency").into());
    }
    if !target.active {
        return Err(
            korgon_domain::FieldError::new("agency_code", "this agency is deactivated").into(),
        );
    }
    // Only a share is re-levelled: a referral's or a transfer's grant keeps its own level and
    // is revoked with its origin.
    let existing = case_grant::Entity::find()
        .filter(case_grant::Column::CaseId.eq(case_id))
        .filter(case_grant::Column::AgencyId.eq(target.id))
        .filter(case_grant::Column::Origin.eq("share"))
        .filter(case_grant::Column::RevokedAt.is_null())
        .one(&txn)
        .await?;
    let grant = match existing {
        Some(grant) if grant.level == input.level.as_str() => grant,
        Some(grant) => {
            let mut model: case_grant::ActiveModel = grant.clone().into();
            model.level = Set(input.level.as_str().to_owned());
            model.version = Set(grant.version + 1);
            case_grant::Entity::update(model).exec(&txn).await?
        }
        None => {
            let model = NewGrant {
                id: Uuid::now_v7(),
                agency_id: target.id,
                level: input.level,
                origin: "share",
                origin_id: None,
                granted_by: actor.user_id,
                at: now(),
            }
            .on_case(case_id);
            case_grant::Entity::insert(model)
                .exec_with_returning(&txn)
                .await?
        }
    };
    let event = AuditEvent::new("case.share", "case", Some(case_id))
        .with("agency", Detail::Id(target.id))
        .with("level", Detail::Code(input.level.as_str()))
        .with("grant", Detail::Id(grant.id));
    audit::append(&txn, &[(actor.audit(), event)]).await?;
    txn.commit().await?;
    Ok(view(grant, target.code))
}

/// The active grants of a case (owning agency only); audited like every read of a case.
#[tracing::instrument(skip_all, fields(user = %actor.user_id, case = %case_id))]
pub async fn list_shares(store: &Store, actor: &Actor, case_id: Uuid) -> Result<Vec<GrantView>> {
    let conn = &store.db.reader;
    require_owner(conn, actor, case_id).await?;
    let grants = case_grant::Entity::find()
        .filter(case_grant::Column::CaseId.eq(case_id))
        .filter(case_grant::Column::RevokedAt.is_null())
        .order_by_asc(case_grant::Column::Id)
        .all(conn)
        .await?;
    let codes = agencies::codes(conn, grants.iter().map(|g| g.agency_id)).await?;
    let event = AuditEvent::new("case.shares_read", "case", Some(case_id)).with(
        "agencies",
        Detail::Ids(grants.iter().map(|g| g.agency_id).collect()),
    );
    store.audit.record(actor.audit(), vec![event]).await?;
    Ok(grants
        .into_iter()
        .map(|g| {
            let code = codes.get(&g.agency_id).cloned().unwrap_or_default();
            view(g, code)
        })
        .collect())
}

/// Revokes a grant; the agency loses access on its next request.
#[tracing::instrument(skip_all, fields(user = %actor.user_id, case = %case_id, grant = %grant_id))]
pub async fn revoke_share(
    store: &Store,
    actor: &Actor,
    case_id: Uuid,
    grant_id: Uuid,
) -> Result<GrantView> {
    let txn = store.db.begin_write().await?;
    require_owner(&txn, actor, case_id).await?;
    let grant = case_grant::Entity::find_by_id(grant_id)
        .one(&txn)
        .await?
        .filter(|g| g.case_id == case_id)
        .ok_or(Error::NotFound("share"))?;
    if grant.revoked_at.is_some() {
        return Err(Error::InvalidState(
            "this share is already revoked".to_owned(),
        ));
    }
    let mut model: case_grant::ActiveModel = grant.clone().into();
    model.revoked_at = Set(Some(now()));
    model.revoked_by = Set(Some(actor.user_id));
    model.version = Set(grant.version + 1);
    let revoked = case_grant::Entity::update(model).exec(&txn).await?;
    let event = AuditEvent::new("case.share_revoke", "case", Some(case_id))
        .with("agency", Detail::Id(grant.agency_id))
        .with("grant", Detail::Id(grant_id));
    audit::append(&txn, &[(actor.audit(), event)]).await?;
    let codes = agencies::codes(&txn, [grant.agency_id]).await?;
    txn.commit().await?;
    let code = codes.get(&grant.agency_id).cloned().unwrap_or_default();
    Ok(view(revoked, code))
}
