//! What a court proceeding looks like to law enforcement.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use korgon_domain::ArticleInput;
use serde::Serialize;
use uuid::Uuid;

use crate::entity::{court_defendant, court_proceeding};

/// A sentence.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SentenceView {
    /// `imprisonment`, `probation` or `fine`.
    pub kind: String,
    /// Months, for imprisonment and probation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub months: Option<i32>,
    /// Suspended.
    pub suspended: bool,
}

/// The decision on one defendant.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DefendantView {
    /// Id of the defendant row.
    pub id: Uuid,
    /// The person.
    pub person_id: Uuid,
    /// The person's name as registered (family, given, patronymic); absent when the person is
    /// out of the reader's scope (as for the case's parties: a link passes on no more than its
    /// maker holds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The articles, with their editions.
    pub articles: Vec<ArticleInput>,
    /// `convicted`, `acquitted`, `dismissed` or `returned`.
    pub verdict: String,
    /// The sentence, when convicted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<SentenceView>,
}

/// One decision of one court instance on a case.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CourtProceedingView {
    /// Id.
    pub id: Uuid,
    /// The case.
    pub case_id: Uuid,
    /// Code of the court.
    pub court_agency: String,
    /// The court's own case number.
    pub court_case_number: String,
    /// `first`, `appeal` or `supreme`.
    pub instance: String,
    /// Day of the decision.
    pub decision_date: NaiveDate,
    /// One entry per defendant.
    pub defendants: Vec<DefendantView>,
    /// Who recorded it (user id).
    pub recorded_by: Uuid,
    /// Code of the recording agency.
    pub recorded_by_agency: String,
    /// Version.
    pub version: i64,
    /// Recorded.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

impl CourtProceedingView {
    /// The view of a proceeding, its defendants, the names of the persons the reader may name,
    /// and agency codes.
    pub fn build(
        model: court_proceeding::Model,
        defendants: Vec<court_defendant::Model>,
        names: &HashMap<Uuid, String>,
        codes: &HashMap<Uuid, String>,
    ) -> Self {
        let code = |id: &Uuid| codes.get(id).cloned().unwrap_or_default();
        Self {
            id: model.id,
            case_id: model.case_id,
            court_agency: code(&model.court_agency_id),
            court_case_number: model.court_case_number,
            instance: model.instance,
            decision_date: model.decision_date,
            defendants: defendants
                .into_iter()
                .map(|d| DefendantView {
                    id: d.id,
                    person_id: d.person_id,
                    name: names.get(&d.person_id).cloned(),
                    articles: d.articles.0,
                    verdict: d.verdict,
                    sentence: d.sentence_kind.map(|kind| SentenceView {
                        kind,
                        months: d.sentence_months,
                        suspended: d.sentence_suspended.unwrap_or(false),
                    }),
                })
                .collect(),
            recorded_by: model.recorded_by,
            recorded_by_agency: code(&model.recorded_by_agency_id),
            version: model.version,
            created_at: model.created_at,
            updated_at: model.updated_at,
        }
    }
}
