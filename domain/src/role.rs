//! The six roles of the brief's role table.

use serde::{Deserialize, Serialize};

/// What a user may do; see `docs/roles.md` for the full table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages agencies, users and settings; never reads case or person content.
    Admin,
    /// Police: creates and edits the cases of their own agency.
    Investigator,
    /// Reads cases shared with their agency; records charges and court outcomes.
    Prosecutor,
    /// Registers victims and submits referrals with consent.
    NgoWorker,
    /// Ministry staff: runs aggregate coordination reports only.
    Analyst,
    /// Reads and verifies the audit log.
    Auditor,
}

impl Role {
    /// Every role, in the order of the role table.
    pub const ALL: [Role; 6] = [
        Role::Admin,
        Role::Investigator,
        Role::Prosecutor,
        Role::NgoWorker,
        Role::Analyst,
        Role::Auditor,
    ];

    /// The stored and serialised name (`ngo_worker`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Investigator => "investigator",
            Role::Prosecutor => "prosecutor",
            Role::NgoWorker => "ngo_worker",
            Role::Analyst => "analyst",
            Role::Auditor => "auditor",
        }
    }

    /// True for the roles that work with case and person records at all.
    pub fn handles_records(self) -> bool {
        matches!(
            self,
            Role::Investigator | Role::Prosecutor | Role::NgoWorker
        )
    }

    /// True for police and prosecutors, who get restricted hits outside their scope.
    pub fn is_law_enforcement(self) -> bool {
        matches!(self, Role::Investigator | Role::Prosecutor)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
                format!("unknown role `{s}`, expected one of: {}", names.join(", "))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>().unwrap(), role);
            assert_eq!(serde_json::to_value(role).unwrap(), role.as_str());
        }
        assert!("root".parse::<Role>().unwrap_err().contains("ngo_worker"));
    }
}
