//! The role table of the brief, as code: which role may attempt which action at all.
//! Whether the action is allowed on a particular object is decided by [`super::scope`].

use korgon_domain::Role;

use super::Actor;
use crate::error::Error;

/// An action a user may attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Record a court decision on a case (prosecutors).
    RecordCourtOutcome,
    /// Read the court decisions of a case (law enforcement).
    ReadCourtProceedings,
    /// Create, list and change agencies.
    ManageAgencies,
    /// Create, list and change user accounts.
    ManageUsers,
    /// Open a new case for one's agency.
    CreateCase,
    /// List and read cases in scope.
    ReadCases,
    /// Change a case in scope (narrative or classification, by access level).
    EditCase,
    /// Add a victim, suspect, witness or reporter to a case.
    AddParty,
    /// Share a case with another agency, or revoke a share.
    ShareCase,
    /// Register a person.
    CreatePerson,
    /// Read persons in scope.
    ReadPersons,
    /// Change a person in scope.
    EditPerson,
    /// Read the audit log.
    ReadAudit,
    /// Run aggregate reports.
    RunReports,
    /// List and read the referrals sent or received by one's agency.
    ReadReferrals,
    /// Submit a referral; withdraw it or revoke the access it granted (sending agency).
    SubmitReferral,
    /// Accept, decline or close a referral (receiving agency).
    AnswerReferral,
    /// Hand a case one's agency owns to another agency.
    TransferCase,
    /// Record assistance given to a person in scope.
    RecordAssistance,
    /// Read the assistance given to a person in scope.
    ReadAssistance,
}

impl Action {
    /// How the action reads in an error message ("may not read cases").
    fn describe(self) -> &'static str {
        match self {
            Action::RecordCourtOutcome => "record court outcomes",
            Action::ReadCourtProceedings => "read court proceedings",
            Action::ManageAgencies => "manage agencies",
            Action::ManageUsers => "manage user accounts",
            Action::CreateCase => "open cases",
            Action::ReadCases => "read cases",
            Action::EditCase => "edit cases",
            Action::AddParty => "add persons to cases",
            Action::ShareCase => "share cases",
            Action::CreatePerson => "register persons",
            Action::ReadPersons => "read person records",
            Action::EditPerson => "edit person records",
            Action::ReadAudit => "read the audit log",
            Action::RunReports => "run reports",
            Action::ReadReferrals => "read referrals",
            Action::SubmitReferral => "submit or withdraw referrals",
            Action::AnswerReferral => "answer referrals",
            Action::TransferCase => "transfer cases",
            Action::RecordAssistance => "record assistance",
            Action::ReadAssistance => "read assistance records",
        }
    }
}

/// Whether `role` may attempt `action` at all.
pub fn allowed(role: Role, action: Action) -> bool {
    use Action::*;
    // Court records are law enforcement's: prosecutors record charges and court outcomes,
    // investigators read them; nobody else sees them.
    match action {
        RecordCourtOutcome => return role == Role::Prosecutor,
        ReadCourtProceedings => return matches!(role, Role::Investigator | Role::Prosecutor),
        _ => {}
    }
    match role {
        Role::Admin => matches!(action, ManageAgencies | ManageUsers),
        Role::Investigator => matches!(
            action,
            CreateCase
                | ReadCases
                | EditCase
                | AddParty
                | ShareCase
                | TransferCase
                | CreatePerson
                | ReadPersons
                | EditPerson
                | ReadReferrals
                | SubmitReferral
                | AnswerReferral
                | RecordAssistance
                | ReadAssistance
        ),
        Role::Prosecutor => matches!(
            action,
            ReadCases
                | EditCase
                | AddParty
                | ShareCase
                | TransferCase
                | CreatePerson
                | ReadPersons
                | EditPerson
                | ReadReferrals
                | SubmitReferral
                | AnswerReferral
                | ReadAssistance
        ),
        Role::NgoWorker => matches!(
            action,
            ReadCases
                | CreatePerson
                | ReadPersons
                | EditPerson
                | ReadReferrals
                | SubmitReferral
                | AnswerReferral
                | RecordAssistance
                | ReadAssistance
        ),
        Role::Analyst => matches!(action, RunReports),
        Role::Auditor => matches!(action, ReadAudit),
    }
}

/// Refuses with 403 unless the actor's role may attempt `action`.
pub fn require(actor: &Actor, action: Action) -> Result<(), Error> {
    if allowed(actor.role, action) {
        Ok(())
    } else {
        Err(Error::forbidden(format!(
            "the {} role may not {}",
            actor.role,
            action.describe()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn court_records_belong_to_law_enforcement() {
        for role in Role::ALL {
            assert_eq!(
                allowed(role, Action::RecordCourtOutcome),
                role == Role::Prosecutor
            );
            assert_eq!(
                allowed(role, Action::ReadCourtProceedings),
                role.is_law_enforcement(),
                "{role}"
            );
        }
    }

    #[test]
    fn only_record_roles_touch_records() {
        for role in Role::ALL {
            assert_eq!(
                allowed(role, Action::ReadPersons),
                role.handles_records(),
                "{role}"
            );
        }
        assert!(allowed(Role::Auditor, Action::ReadAudit));
        assert!(!allowed(Role::Admin, Action::ReadAudit));
        assert!(!allowed(Role::NgoWorker, Action::CreateCase));
        assert!(!allowed(Role::Prosecutor, Action::CreateCase));
    }

    #[test]
    fn referrals_and_assistance_belong_to_record_roles() {
        for role in Role::ALL {
            for action in [
                Action::ReadReferrals,
                Action::SubmitReferral,
                Action::AnswerReferral,
                Action::ReadAssistance,
            ] {
                assert_eq!(allowed(role, action), role.handles_records(), "{role}");
            }
        }
        assert!(allowed(Role::NgoWorker, Action::RecordAssistance));
        assert!(allowed(Role::Investigator, Action::RecordAssistance));
        assert!(!allowed(Role::Prosecutor, Action::RecordAssistance));
        assert!(!allowed(Role::NgoWorker, Action::TransferCase));
    }
}
