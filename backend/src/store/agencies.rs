//! Agencies: the directory every user sees, and its management by administrators.

use std::collections::HashMap;
use std::sync::{OnceLock, PoisonError, RwLock};

use korgon_domain::{AgencyCode, AgencyKind};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Store, now};
use crate::access::{Action, Actor, require};
use crate::audit::{self, AuditContext, AuditEvent, Detail};
use crate::entity::agency;
use crate::error::{Error, Result};

/// An agency as listed.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AgencyView {
    /// Id.
    pub id: Uuid,
    /// Code (`MVD-BISHKEK`).
    pub code: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: String,
    /// Region (ISO 3166-2).
    pub region: Option<String>,
    /// Whether its users may log in.
    pub active: bool,
    /// Version, for updates.
    pub version: i64,
}

impl From<agency::Model> for AgencyView {
    fn from(m: agency::Model) -> Self {
        Self {
            id: m.id,
            code: m.code,
            name: m.name,
            kind: m.kind,
            region: m.region,
            active: m.active,
            version: m.version,
        }
    }
}

/// The body of `POST /api/v1/agencies`.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAgency {
    /// Code, 2–32 of `A-Z 0-9 -`.
    pub code: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: AgencyKind,
    /// Region code from the country profile.
    #[serde(default)]
    pub region: Option<String>,
}

/// The body of `PATCH /api/v1/agencies/{id}`.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgencyPatch {
    /// The version last read.
    pub version: i64,
    /// New name.
    #[serde(default)]
    pub name: Option<String>,
    /// Activate or deactivate (deactivation stops its users at once).
    #[serde(default)]
    pub active: Option<bool>,
}

/// Creates an agency. `actor` is `None` for the console (`korgon agency add`).
pub async fn create(store: &Store, actor: Option<&Actor>, input: NewAgency) -> Result<AgencyView> {
    if let Some(actor) = actor {
        require(actor, Action::ManageAgencies)?;
    }
    let mut errors = korgon_domain::FieldErrors::new();
    let code = errors.take(AgencyCode::parse("code", &input.code));
    let name = errors.take(korgon_domain::text::bounded(
        "name",
        &input.name,
        korgon_domain::text::limits::DISPLAY_NAME,
        false,
    ));
    let region = match input.region.as_deref() {
        Some(r) if !r.trim().is_empty() => errors
            .take(store.profile.parse_region("region", r))
            .map(Some),
        _ => Some(None),
    };
    let (Some(code), Some(name), Some(region)) = (code, name, region) else {
        return Err(errors.into());
    };
    let now = now();
    let model = agency::ActiveModel {
        id: Set(Uuid::now_v7()),
        code: Set(code.as_str().to_owned()),
        name: Set(name),
        kind: Set(input.kind.as_str().to_owned()),
        region: Set(region.map(|r| r.as_str().to_owned())),
        active: Set(true),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let txn = store.db.begin_write().await?;
    let created = agency::Entity::insert(model)
        .exec_with_returning(&txn)
        .await
        .map_err(|e| {
            if Error::is_unique_violation(&e) {
                Error::Duplicate(format!(
                    "an agency with code {} already exists",
                    code.as_str()
                ))
            } else {
                e.into()
            }
        })?;
    let ctx = actor.map(Actor::audit).unwrap_or_else(AuditContext::cli);
    audit::append(
        &txn,
        &[(
            ctx,
            AuditEvent::new("agency.create", "agency", Some(created.id))
                .with("kind", Detail::Code(input.kind.as_str())),
        )],
    )
    .await?;
    txn.commit().await?;
    Ok(created.into())
}

/// Lists every agency (any authenticated user: codes are needed to share and refer).
pub async fn list(store: &Store) -> Result<Vec<AgencyView>> {
    let rows = agency::Entity::find()
        .order_by_asc(agency::Column::Code)
        .all(&store.db.reader)
        .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Changes an agency's name or active flag.
pub async fn update(
    store: &Store,
    actor: &Actor,
    id: Uuid,
    patch: AgencyPatch,
) -> Result<AgencyView> {
    require(actor, Action::ManageAgencies)?;
    if patch.active == Some(false) && actor.agency_id == id {
        return Err(Error::forbidden(
            "administrators may not deactivate their own agency (it would lock them out)",
        ));
    }
    let name = match patch.name.as_deref() {
        Some(n) => Some(korgon_domain::text::bounded(
            "name",
            n,
            korgon_domain::text::limits::DISPLAY_NAME,
            false,
        )?),
        None => None,
    };
    if name.is_none() && patch.active.is_none() {
        return Err(korgon_domain::FieldError::new("body", "names no field to change").into());
    }
    let txn = store.db.begin_write().await?;
    let current = agency::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(Error::NotFound("agency"))?;
    if current.version != patch.version {
        return Err(Error::VersionConflict {
            object: "agency",
            current: current.version,
        });
    }
    let mut model: agency::ActiveModel = current.clone().into();
    let mut fields = Vec::new();
    if let Some(name) = name {
        model.name = Set(name);
        fields.push("name");
    }
    if let Some(active) = patch.active {
        model.active = Set(active);
        fields.push("active");
    }
    model.version = Set(current.version + 1);
    model.updated_at = Set(now());
    let result = agency::Entity::update_many()
        .set(model)
        .filter(agency::Column::Id.eq(id))
        .filter(agency::Column::Version.eq(patch.version))
        .exec(&txn)
        .await?;
    if result.rows_affected == 0 {
        return Err(Error::VersionConflict {
            object: "agency",
            current: current.version,
        });
    }
    audit::append(
        &txn,
        &[(
            actor.audit(),
            AuditEvent::new("agency.update", "agency", Some(id))
                .with("fields", Detail::Codes(fields)),
        )],
    )
    .await?;
    let updated = agency::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(Error::NotFound("agency"))?;
    txn.commit().await?;
    Ok(updated.into())
}

/// Finds an agency by code, active or not (callers check `active` where it matters);
/// `NotFound` otherwise.
pub async fn by_code<C: ConnectionTrait>(conn: &C, code: &str) -> Result<agency::Model> {
    let code = code.trim().to_ascii_uppercase();
    agency::Entity::find()
        .filter(agency::Column::Code.eq(code))
        .one(conn)
        .await?
        .ok_or(Error::NotFound("agency"))
}

/// Agency codes never change (no operation renames an agency), and ids are never reused, so
/// the id → code mapping is cached for the life of the process, filled on demand. This stays
/// correct with several processes on one database: another process can only add agencies,
/// and an id this process has not seen yet is read from the database.
fn code_cache() -> &'static RwLock<HashMap<Uuid, String>> {
    static CACHE: OnceLock<RwLock<HashMap<Uuid, String>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// The codes of the agencies with these ids.
pub async fn codes<C: ConnectionTrait>(
    conn: &C,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, String>> {
    let mut found = HashMap::new();
    let mut missing: Vec<Uuid> = Vec::new();
    {
        let cache = code_cache().read().unwrap_or_else(PoisonError::into_inner);
        for id in ids {
            match cache.get(&id) {
                Some(code) => {
                    found.insert(id, code.clone());
                }
                None => missing.push(id),
            }
        }
    }
    if missing.is_empty() {
        return Ok(found);
    }
    missing.sort();
    missing.dedup();
    let rows: Vec<(Uuid, String)> = agency::Entity::find()
        .select_only()
        .column(agency::Column::Id)
        .column(agency::Column::Code)
        .filter(agency::Column::Id.is_in(missing))
        .into_tuple()
        .all(conn)
        .await?;
    let mut cache = code_cache().write().unwrap_or_else(PoisonError::into_inner);
    for (id, code) in rows {
        cache.insert(id, code.clone());
        found.insert(id, code);
    }
    Ok(found)
}
