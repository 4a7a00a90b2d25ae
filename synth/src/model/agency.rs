//! Agencies and their demo users.

use korgon_domain::{AgencyKind, Role};
use serde::Serialize;

/// An agency as `korgon agency add` takes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agency {
    /// Code (`MVD-BISHKEK`), valid for [`korgon_domain::AgencyCode::parse`].
    pub code: String,
    /// Name, in Russian or Kyrgyz.
    pub name: String,
    /// Kind.
    pub kind: AgencyKind,
    /// ISO 3166-2 region code; `None` for consulates abroad.
    pub region: Option<String>,
}

/// A demo user. No password: the backend chooses it and prints the logins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    /// Login name (`investigator.mvd-bishkek`).
    pub username: String,
    /// Display name (a synthetic person's name).
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Code of the user's agency.
    pub agency: String,
}
