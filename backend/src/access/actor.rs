//! The authenticated user on whose behalf an operation runs.

use korgon_domain::Role;
use uuid::Uuid;

use crate::audit::AuditContext;

/// A user whose token was verified and whose account is active, as loaded for this request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The user.
    pub user_id: Uuid,
    /// Their role.
    pub role: Role,
    /// Their agency.
    pub agency_id: Uuid,
    /// The client's network address, for the audit log.
    pub client_addr: Option<String>,
}

impl Actor {
    /// The audit context of this actor's actions.
    pub fn audit(&self) -> AuditContext {
        AuditContext {
            user_id: Some(self.user_id),
            agency_id: Some(self.agency_id),
            client_addr: self.client_addr.clone(),
        }
    }
}
