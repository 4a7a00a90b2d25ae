//! Agencies and demo users: validated like `korgon agency add` and `korgon user add`, stored
//! in one transaction with one audit event. Every demo user gets the same password, hashed
//! once (argon2 per user would take minutes for thousands of users).

use std::collections::HashMap;

use anyhow::Context as _;
use chrono::{DateTime, Duration, Utc};
use korgon_domain::{AgencyCode, Role, text};
use korgon_synth::Generator;
use sea_orm::ActiveValue::Set;
use sea_orm::DatabaseTransaction;
use serde::Serialize;

use super::context::StoredAgency;
use super::{bulk, ids};
use crate::entity::{agency, user};
use crate::store::Store;
use crate::store::users::{check_username, role_fits};

/// The short login names of the first user of each role, as the first hand-written demo had
/// them (`investigator`, `ngo`…); every other user keeps the generated `role.agency-code`.
pub const ROLE_ALIASES: [(Role, &str); 6] = [
    (Role::Admin, "admin"),
    (Role::Investigator, "investigator"),
    (Role::Prosecutor, "prosecutor"),
    (Role::NgoWorker, "ngo"),
    (Role::Analyst, "analyst"),
    (Role::Auditor, "auditor"),
];

/// One demo login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeedLogin {
    /// Login name.
    pub username: String,
    /// Role.
    pub role: Role,
    /// Agency code.
    pub agency: String,
    /// Synthetic full name.
    pub display_name: String,
}

/// What the directory step stored.
pub(crate) struct Directory {
    pub agencies: HashMap<String, StoredAgency>,
    pub clerks: HashMap<String, uuid::Uuid>,
    pub logins: Vec<SeedLogin>,
}

/// When the directory was set up: well before the first case (cases open in the eight years
/// before "today").
fn founded(generator: &Generator) -> DateTime<Utc> {
    let day = generator.config().today - Duration::days(9 * 366);
    ids::on_day(
        day,
        DateTime::from_timestamp(9 * 3_600, 0).unwrap_or_default(),
    )
}

/// The username of the `n`th user: the role's short alias for its first user.
fn username(generated: &str, role: Role, first_of_role: bool) -> String {
    match ROLE_ALIASES.iter().find(|(r, _)| *r == role) {
        Some((_, alias)) if first_of_role => (*alias).to_owned(),
        _ => generated.to_owned(),
    }
}

/// Stores the agencies and users of `generator` in `txn`.
pub(crate) async fn persist(
    txn: &DatabaseTransaction,
    store: &Store,
    generator: &Generator,
    password_hash: &str,
) -> anyhow::Result<Directory> {
    let seed = generator.config().seed.to_le_bytes();
    let start = founded(generator);
    let mut agencies = HashMap::new();
    let mut rows = Vec::new();
    for (i, a) in generator.agencies().iter().enumerate() {
        let code = AgencyCode::parse("code", &a.code)
            .map_err(|e| anyhow::anyhow!("generated agency {}: {e}", a.code))?;
        let name = text::bounded("name", &a.name, text::limits::DISPLAY_NAME, false)
            .map_err(|e| anyhow::anyhow!("generated agency {}: {e}", a.code))?;
        let region = match &a.region {
            Some(r) => Some(
                store
                    .profile
                    .parse_region("region", r)
                    .map_err(|e| anyhow::anyhow!("generated agency {}: {e}", a.code))?,
            ),
            None => None,
        };
        let at = ids::plus_millis(start, i);
        let id = ids::derived(at, &[b"agency", &seed, code.as_str().as_bytes()]);
        rows.push(agency::ActiveModel {
            id: Set(id),
            code: Set(code.as_str().to_owned()),
            name: Set(name),
            kind: Set(a.kind.as_str().to_owned()),
            region: Set(region.map(|r| r.as_str().to_owned())),
            active: Set(true),
            version: Set(1),
            created_at: Set(at),
            updated_at: Set(at),
        });
        agencies.insert(code.as_str().to_owned(), StoredAgency { id, kind: a.kind });
    }
    bulk::insert(txn, rows).await?;
    let mut rows = Vec::new();
    let mut logins = Vec::new();
    let mut clerks = HashMap::new();
    let mut roles_seen = Vec::new();
    let start = start + Duration::hours(1);
    for (i, u) in generator.users().iter().enumerate() {
        let agency = agencies
            .get(&u.agency)
            .copied()
            .with_context(|| format!("user {} of unknown agency {}", u.username, u.agency))?;
        if !role_fits(u.role, agency.kind) {
            anyhow::bail!(
                "generated user {}: a {} cannot belong to a {} agency",
                u.username,
                u.role,
                agency.kind.as_str()
            );
        }
        let first_of_role = !roles_seen.contains(&u.role);
        roles_seen.push(u.role);
        let username = check_username(&username(&u.username, u.role, first_of_role))
            .map_err(|e| anyhow::anyhow!("generated user {}: {e}", u.username))?;
        let display_name = text::bounded(
            "display_name",
            &u.display_name,
            text::limits::DISPLAY_NAME,
            false,
        )
        .map_err(|e| anyhow::anyhow!("generated user {}: {e}", u.username))?;
        let at = ids::plus_millis(start, i);
        let id = ids::derived(at, &[b"user", &seed, u.username.as_bytes()]);
        if u.role.handles_records() {
            clerks.entry(u.agency.clone()).or_insert(id);
        }
        rows.push(user::ActiveModel {
            id: Set(id),
            username: Set(username.clone()),
            display_name: Set(display_name.clone()),
            password_hash: Set(password_hash.to_owned()),
            role: Set(u.role.as_str().to_owned()),
            agency_id: Set(agency.id),
            active: Set(true),
            failed_logins: Set(0),
            locked_until: Set(None),
            last_login_at: Set(None),
            tokens_valid_after: Set(None),
            version: Set(1),
            created_at: Set(at),
            updated_at: Set(at),
        });
        logins.push(SeedLogin {
            username,
            role: u.role,
            agency: u.agency.clone(),
            display_name,
        });
    }
    bulk::insert(txn, rows).await?;
    Ok(Directory {
        agencies,
        clerks,
        logins,
    })
}
