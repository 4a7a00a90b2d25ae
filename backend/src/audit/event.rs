//! What one audit event says: who, from where, did what to which object.

use std::collections::BTreeMap;

use serde::Serialize;
use uuid::Uuid;

/// Who acted, and from where. A CLI operator has no user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditContext {
    /// The acting user, if any.
    pub user_id: Option<Uuid>,
    /// The acting user's agency, if any.
    pub agency_id: Option<Uuid>,
    /// The client's network address, or `cli`.
    pub client_addr: Option<String>,
}

impl AuditContext {
    /// The context of a command run on the server's console.
    pub fn cli() -> Self {
        Self {
            user_id: None,
            agency_id: None,
            client_addr: Some("cli".to_owned()),
        }
    }
}

/// A value in an event's details. There is deliberately no free-text variant: codes are
/// `&'static str` (enum names, field names), so a name, PIN or address cannot be put here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Detail {
    /// One id.
    Id(Uuid),
    /// Several ids.
    Ids(Vec<Uuid>),
    /// One code (a status, a role, a level).
    Code(&'static str),
    /// Several codes (the names of the fields changed).
    Codes(Vec<&'static str>),
    /// A number.
    Count(i64),
    /// A yes/no.
    Flag(bool),
}

/// One thing that happened, before it is placed in the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    /// `case.read`, `person.update`, `auth.login_failed`…
    pub action: &'static str,
    /// `case`, `person`, `user`, `agency`, `audit`…
    pub object_type: &'static str,
    /// The object's id, when there is one object.
    pub object_id: Option<Uuid>,
    /// Ids, codes and counts about the event.
    pub details: BTreeMap<&'static str, Detail>,
}

impl AuditEvent {
    /// An event about one object.
    pub fn new(action: &'static str, object_type: &'static str, object_id: Option<Uuid>) -> Self {
        Self {
            action,
            object_type,
            object_id,
            details: BTreeMap::new(),
        }
    }

    /// Adds a detail.
    pub fn with(mut self, key: &'static str, value: Detail) -> Self {
        self.details.insert(key, value);
        self
    }

    /// The details as canonical JSON (keys sorted), exactly as stored and hashed.
    pub fn details_json(&self) -> String {
        serde_json::to_string(&self.details).unwrap_or_else(|_| "{}".to_owned())
    }
}
