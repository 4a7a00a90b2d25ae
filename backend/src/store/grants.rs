//! New grant rows. A grant starts live (not revoked) at version 1 whatever made it — a share, a
//! transfer, an accepted referral or the seeder — so the rows are built in one place.

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use uuid::Uuid;

use crate::access::scope::GrantLevel;
use crate::entity::{case_grant, person_grant};

/// What a new grant says, apart from the case or person it is on.
#[derive(Debug, Clone, Copy)]
pub struct NewGrant {
    /// The row id.
    pub id: Uuid,
    /// The agency granted access.
    pub agency_id: Uuid,
    /// The level granted.
    pub level: GrantLevel,
    /// What made it: `share`, `transfer` or `referral`.
    pub origin: &'static str,
    /// The transfer or referral it came from (a share has none).
    pub origin_id: Option<Uuid>,
    /// The user who granted it.
    pub granted_by: Uuid,
    /// When.
    pub at: DateTime<Utc>,
}

impl NewGrant {
    /// The row granting access to case `case_id`.
    pub fn on_case(self, case_id: Uuid) -> case_grant::ActiveModel {
        case_grant::ActiveModel {
            id: Set(self.id),
            case_id: Set(case_id),
            agency_id: Set(self.agency_id),
            level: Set(self.level.as_str().to_owned()),
            origin: Set(self.origin.to_owned()),
            origin_id: Set(self.origin_id),
            granted_by: Set(self.granted_by),
            created_at: Set(self.at),
            revoked_at: Set(None),
            revoked_by: Set(None),
            version: Set(1),
        }
    }

    /// The row granting access to person `person_id`.
    pub fn on_person(self, person_id: Uuid) -> person_grant::ActiveModel {
        person_grant::ActiveModel {
            id: Set(self.id),
            person_id: Set(person_id),
            agency_id: Set(self.agency_id),
            level: Set(self.level.as_str().to_owned()),
            origin: Set(self.origin.to_owned()),
            origin_id: Set(self.origin_id),
            granted_by: Set(self.granted_by),
            created_at: Set(self.at),
            revoked_at: Set(None),
            revoked_by: Set(None),
            version: Set(1),
        }
    }
}
