//! User accounts: created by administrators (or on the console), each with one role in one
//! agency. Roles fit agency kinds: investigators work in police units, prosecutors in a
//! prosecutor's office, and so on.

use chrono::{DateTime, Utc};
use korgon_domain::{AgencyKind, FieldError, FieldErrors, Role};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Store, agencies, now};
use crate::access::{Action, Actor, require};
use crate::audit::{self, AuditContext, AuditEvent, Detail};
use crate::auth::login::normalise_username;
use crate::auth::password;
use crate::entity::user;
use crate::error::{Error, Result};

/// An account as administrators see it (never the hash).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UserView {
    /// Id.
    pub id: Uuid,
    /// Login name.
    pub username: String,
    /// Full name.
    pub display_name: String,
    /// Role.
    pub role: String,
    /// Agency code.
    pub agency_code: String,
    /// Whether the account may log in.
    pub active: bool,
    /// Locked after failed logins until then.
    pub locked_until: Option<DateTime<Utc>>,
    /// Last successful login.
    pub last_login_at: Option<DateTime<Utc>>,
    /// Version, for `PATCH`.
    pub version: i64,
    /// Created.
    pub created_at: DateTime<Utc>,
}

/// The body of `POST /api/v1/users` (and what `korgon user add` builds).
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    /// 3–64 of `a-z 0-9 . _ -` (lower-cased).
    pub username: String,
    /// Full name; the username when absent.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Role.
    pub role: Role,
    /// Agency code.
    pub agency_code: String,
    /// At least 10 characters.
    #[schema(value_type = String)]
    pub password: SecretString,
}

/// The body of `PATCH /api/v1/users/{id}`.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserPatch {
    /// The version last read.
    pub version: i64,
    /// New full name.
    #[serde(default)]
    pub display_name: Option<String>,
    /// New role (must fit the agency's kind).
    #[serde(default)]
    pub role: Option<Role>,
    /// Activate or deactivate; a deactivated user's tokens stop working at once.
    #[serde(default)]
    pub active: Option<bool>,
    /// `true` clears a lock-out.
    #[serde(default)]
    pub unlock: bool,
    /// A new password.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub password: Option<SecretString>,
}

/// The agency kinds a role may belong to.
pub fn role_fits(role: Role, kind: AgencyKind) -> bool {
    use AgencyKind::*;
    match role {
        Role::Admin => true,
        Role::Investigator => kind == Police,
        Role::Prosecutor => kind == Prosecutor,
        Role::NgoWorker => matches!(kind, Ngo | Shelter | Consulate | Other),
        Role::Analyst => matches!(kind, Ministry | Other),
        Role::Auditor => matches!(kind, Ministry | Prosecutor | Other),
    }
}

pub(crate) fn check_username(input: &str) -> Result<String, FieldError> {
    let name = normalise_username(input);
    let ok = (3..=64).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c));
    if ok {
        Ok(name)
    } else {
        Err(FieldError::new(
            "username",
            "must be 3–64 characters of a-z, 0-9, '.', '_' and '-'",
        ))
    }
}

fn view(m: user::Model, agency_code: String) -> UserView {
    UserView {
        id: m.id,
        username: m.username,
        display_name: m.display_name,
        role: m.role,
        agency_code,
        active: m.active,
        locked_until: m.locked_until,
        last_login_at: m.last_login_at,
        version: m.version,
        created_at: m.created_at,
    }
}

/// Creates an account. `actor` is `None` for the console (`korgon user add`).
pub async fn create(store: &Store, actor: Option<&Actor>, input: NewUser) -> Result<UserView> {
    if let Some(actor) = actor {
        require(actor, Action::ManageUsers)?;
    }
    let mut errors = FieldErrors::new();
    let username = errors.take(check_username(&input.username));
    let display_name = errors.take(korgon_domain::text::bounded(
        "display_name",
        input.display_name.as_deref().unwrap_or(&input.username),
        korgon_domain::text::limits::DISPLAY_NAME,
        false,
    ));
    if let Err(Error::Invalid(e)) = password::check_strength(&input.password) {
        e.0.into_iter().for_each(|e| errors.push(e));
    }
    let agency = agencies::by_code(&store.db.reader, &input.agency_code).await;
    let agency = match agency {
        Ok(agency) => Some(agency),
        Err(Error::NotFound(_)) => {
            errors.push(FieldError::new("agency_code", "no agency has this code"));
            None
        }
        Err(other) => return Err(other),
    };
    if let Some(agency) = &agency {
        if !agency.active {
            errors.push(FieldError::new("agency_code", "this agency is deactivated"));
        }
        let kind: Option<AgencyKind> = agency.kind.parse().ok();
        if !kind.is_some_and(|k| role_fits(input.role, k)) {
            errors.push(FieldError::new(
                "role",
                format!(
                    "the {} role does not fit a {} agency",
                    input.role, agency.kind
                ),
            ));
        }
    }
    let (Some(username), Some(display_name), Some(agency), true) =
        (username, display_name, agency, errors.is_empty())
    else {
        return Err(errors.into());
    };
    let hash = password::hash(input.password).await?;
    let now = now();
    let model = user::ActiveModel {
        id: Set(Uuid::now_v7()),
        username: Set(username.clone()),
        display_name: Set(display_name),
        password_hash: Set(hash),
        role: Set(input.role.as_str().to_owned()),
        agency_id: Set(agency.id),
        active: Set(true),
        failed_logins: Set(0),
        locked_until: Set(None),
        last_login_at: Set(None),
        tokens_valid_after: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let txn = store.db.begin_write().await?;
    let created = user::Entity::insert(model)
        .exec_with_returning(&txn)
        .await
        .map_err(|e| {
            if Error::is_unique_violation(&e) {
                Error::Duplicate(format!("the username {username} is taken"))
            } else {
                e.into()
            }
        })?;
    let ctx = actor.map(Actor::audit).unwrap_or_else(AuditContext::cli);
    let event = AuditEvent::new("user.create", "user", Some(created.id))
        .with("role", Detail::Code(input.role.as_str()))
        .with("agency", Detail::Id(agency.id));
    audit::append(&txn, &[(ctx, event)]).await?;
    txn.commit().await?;
    Ok(view(created, agency.code))
}

/// Lists every account; audited like every list.
pub async fn list(store: &Store, actor: &Actor) -> Result<Vec<UserView>> {
    require(actor, Action::ManageUsers)?;
    let rows = user::Entity::find()
        .order_by_asc(user::Column::Username)
        .all(&store.db.reader)
        .await?;
    let codes = agencies::codes(&store.db.reader, rows.iter().map(|u| u.agency_id)).await?;
    let event = AuditEvent::new("user.list", "user", None).with(
        "count",
        Detail::Count(i64::try_from(rows.len()).unwrap_or(i64::MAX)),
    );
    store.audit.record(actor.audit(), vec![event]).await?;
    Ok(rows
        .into_iter()
        .map(|u| {
            let code = codes.get(&u.agency_id).cloned().unwrap_or_default();
            view(u, code)
        })
        .collect())
}

/// Changes an account. `actor` is `None` for the console.
pub async fn update(
    store: &Store,
    actor: Option<&Actor>,
    id: Uuid,
    patch: UserPatch,
) -> Result<UserView> {
    if let Some(actor) = actor {
        require(actor, Action::ManageUsers)?;
        if actor.user_id == id && patch.active == Some(false) {
            return Err(Error::forbidden(
                "administrators may not deactivate their own account",
            ));
        }
    }
    let display_name = match patch.display_name.as_deref() {
        Some(n) => Some(korgon_domain::text::bounded(
            "display_name",
            n,
            korgon_domain::text::limits::DISPLAY_NAME,
            false,
        )?),
        None => None,
    };
    let hash = match patch.password.clone() {
        Some(pw) => {
            password::check_strength(&pw)?;
            Some(password::hash(pw).await?)
        }
        None => None,
    };
    let txn = store.db.begin_write().await?;
    let current = user::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(Error::NotFound("user"))?;
    if current.version != patch.version {
        return Err(Error::VersionConflict {
            object: "user",
            current: current.version,
        });
    }
    let mut model: user::ActiveModel = current.clone().into();
    let mut fields = Vec::new();
    if let Some(name) = display_name {
        model.display_name = Set(name);
        fields.push("display_name");
    }
    if let Some(role) = patch.role {
        let agency = agencies::codes(&txn, [current.agency_id]).await?;
        let kind = crate::entity::agency::Entity::find_by_id(current.agency_id)
            .one(&txn)
            .await?
            .and_then(|a| a.kind.parse::<AgencyKind>().ok());
        if !kind.is_some_and(|k| role_fits(role, k)) {
            let code = agency.get(&current.agency_id).cloned().unwrap_or_default();
            return Err(FieldError::new(
                "role",
                format!("the {role} role does not fit agency {code}"),
            )
            .into());
        }
        model.role = Set(role.as_str().to_owned());
        fields.push("role");
    }
    if let Some(active) = patch.active {
        model.active = Set(active);
        if !active {
            model.tokens_valid_after = Set(Some(now()));
        }
        fields.push("active");
    }
    if patch.unlock {
        model.failed_logins = Set(0);
        model.locked_until = Set(None);
        fields.push("unlock");
    }
    if let Some(hash) = hash {
        model.password_hash = Set(hash);
        model.tokens_valid_after = Set(Some(now()));
        fields.push("password");
    }
    if fields.is_empty() {
        return Err(FieldError::new("body", "names no field to change").into());
    }
    model.version = Set(current.version + 1);
    model.updated_at = Set(now());
    let result = user::Entity::update_many()
        .set(model)
        .filter(user::Column::Id.eq(id))
        .filter(user::Column::Version.eq(patch.version))
        .exec(&txn)
        .await?;
    if result.rows_affected == 0 {
        return Err(Error::VersionConflict {
            object: "user",
            current: current.version + 1,
        });
    }
    let ctx = actor.map(Actor::audit).unwrap_or_else(AuditContext::cli);
    audit::append(
        &txn,
        &[(
            ctx,
            AuditEvent::new("user.update", "user", Some(id)).with("fields", Detail::Codes(fields)),
        )],
    )
    .await?;
    let updated = user::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(Error::NotFound("user"))?;
    let codes = agencies::codes(&txn, [updated.agency_id]).await?;
    txn.commit().await?;
    let code = codes.get(&updated.agency_id).cloned().unwrap_or_default();
    Ok(view(updated, code))
}

/// Finds an account by username (console commands).
pub async fn by_username(store: &Store, username: &str) -> Result<user::Model> {
    user::Entity::find()
        .filter(user::Column::Username.eq(normalise_username(username)))
        .one(&store.db.reader)
        .await?
        .ok_or(Error::NotFound("user"))
}
