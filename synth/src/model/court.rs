//! Court proceedings of the cases that reached a court.

use chrono::NaiveDate;
use korgon_domain::ArticleInput;
use serde::Serialize;
use uuid::Uuid;

/// Codes of court instances.
pub mod instances {
    /// First instance (district court).
    pub const FIRST: &str = "first";
    /// Appeal (regional or city court).
    pub const APPEAL: &str = "appeal";
    /// The Supreme Court.
    pub const SUPREME: &str = "supreme";
}

/// Codes of verdicts.
pub mod verdicts {
    /// Found guilty.
    pub const CONVICTED: &str = "convicted";
    /// Found not guilty.
    pub const ACQUITTED: &str = "acquitted";
    /// Proceedings ended without a verdict (reconciliation, amnesty…).
    pub const DISMISSED: &str = "dismissed";
    /// Sent back to the prosecutor.
    pub const RETURNED: &str = "returned";
}

/// Codes of sentence kinds.
pub mod sentence_kinds {
    /// Imprisonment (`months` set).
    pub const IMPRISONMENT: &str = "imprisonment";
    /// A fine (`months` unset).
    pub const FINE: &str = "fine";
    /// Probation (`months` set).
    pub const PROBATION: &str = "probation";
}

/// One decision of one court instance on a case.
#[derive(Debug, Clone, Serialize)]
pub struct CourtProceeding {
    /// Global index, dense from 0.
    pub index: u64,
    /// Deterministic UUID (v7 from `decision_on`).
    pub id: Uuid,
    /// Index of the case; its timeline reached `in_court`.
    pub case: u64,
    /// Code of the court (an agency of kind `court`).
    pub court_agency: String,
    /// The court's own number (`1-245/2024`).
    pub court_case_number: String,
    /// A code from [`instances`].
    pub instance: &'static str,
    /// Day of the decision (never after "today").
    pub decision_on: NaiveDate,
    /// One entry per defendant.
    pub defendants: Vec<Defendant>,
}

/// The decision on one defendant.
#[derive(Debug, Clone, Serialize)]
pub struct Defendant {
    /// Index of the suspect's person record.
    pub person: u64,
    /// The articles charged (the case's).
    pub articles: Vec<ArticleInput>,
    /// A code from [`verdicts`].
    pub verdict: &'static str,
    /// Set exactly when convicted.
    pub sentence: Option<Sentence>,
}

/// A sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// A code from [`sentence_kinds`].
    pub kind: &'static str,
    /// Length, for imprisonment and probation.
    pub months: Option<u16>,
    /// True for a suspended (conditional) sentence.
    pub suspended: bool,
}
