//! Recording a court decision on a case.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use korgon_domain::{
    AgencyKind, ArticleInput, CaseStatus, FieldError, FieldErrors, NewCourtProceeding, PartyRole,
};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, TryIntoModel};
use uuid::Uuid;

use super::view::CourtProceedingView;
use crate::access::{Action, Actor, CaseAccess, require};
use crate::audit::{self, AuditEvent, Detail};
use crate::entity::json::ArticleList;
use crate::entity::{case, case_party, classification_change, court_defendant, court_proceeding};
use crate::error::{Error, Result};
use crate::store::cases::{load_visible, nameable_parties};
use crate::store::{Store, agencies, now};

/// The rows of one proceeding and its defendants.
#[derive(Debug, Clone)]
pub struct ProceedingRows {
    /// The `court_proceedings` row.
    pub proceeding: court_proceeding::ActiveModel,
    /// The `court_defendants` rows, in the input's order.
    pub defendants: Vec<court_defendant::ActiveModel>,
}

/// Who recorded a proceeding, when, and under which ids.
#[derive(Debug, Clone, Copy)]
pub struct Recorded {
    /// Id of the proceeding.
    pub id: Uuid,
    /// The case.
    pub case_id: Uuid,
    /// The court agency.
    pub court_agency_id: Uuid,
    /// The recording user.
    pub recorded_by: Uuid,
    /// The recording user's agency.
    pub recorded_by_agency_id: Uuid,
    /// When.
    pub at: DateTime<Utc>,
}

/// The rows for a validated proceeding; `defendant_id(i)` gives the id of defendant `i`.
pub fn rows(
    input: &NewCourtProceeding,
    recorded: Recorded,
    mut defendant_id: impl FnMut(usize) -> Uuid,
) -> ProceedingRows {
    let proceeding = court_proceeding::ActiveModel {
        id: Set(recorded.id),
        case_id: Set(recorded.case_id),
        court_agency_id: Set(recorded.court_agency_id),
        court_case_number: Set(input.court_case_number.clone()),
        instance: Set(input.instance.as_str().to_owned()),
        decision_date: Set(input.decision_date),
        recorded_by: Set(recorded.recorded_by),
        recorded_by_agency_id: Set(recorded.recorded_by_agency_id),
        version: Set(1),
        created_at: Set(recorded.at),
        updated_at: Set(recorded.at),
    };
    let defendants = input
        .defendants
        .iter()
        .enumerate()
        .map(|(i, d)| court_defendant::ActiveModel {
            id: Set(defendant_id(i)),
            proceeding_id: Set(recorded.id),
            person_id: Set(d.person_id),
            articles: Set(ArticleList(
                d.articles.iter().map(ArticleInput::from).collect(),
            )),
            verdict: Set(d.verdict.as_str().to_owned()),
            sentence_kind: Set(d.sentence.map(|s| s.kind.as_str().to_owned())),
            sentence_months: Set(d.sentence.and_then(|s| s.months).map(i32::from)),
            sentence_suspended: Set(d.sentence.map(|s| s.suspended)),
        })
        .collect();
    ProceedingRows {
        proceeding,
        defendants,
    }
}

/// Whether the case is in court now or was at some time (a court may return a case, and the
/// decision is recorded after).
async fn has_been_in_court<C: ConnectionTrait>(conn: &C, case: &case::Model) -> Result<bool> {
    if case.status == CaseStatus::InCourt.as_str() {
        return Ok(true);
    }
    let changes: Vec<serde_json::Value> = classification_change::Entity::find()
        .select_only()
        .column(classification_change::Column::NewValue)
        .filter(classification_change::Column::CaseId.eq(case.id))
        .filter(classification_change::Column::Field.eq("status"))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(changes
        .iter()
        .any(|v| v["status"] == CaseStatus::InCourt.as_str()))
}

/// Records a court decision on case `case_id` (prosecutors of an agency owning the case or
/// holding a full grant on it).
#[tracing::instrument(skip_all, fields(user = %actor.user_id, case = %case_id))]
pub async fn record(
    store: &Store,
    actor: &Actor,
    case_id: Uuid,
    input: NewCourtProceeding,
) -> Result<CourtProceedingView> {
    require(actor, Action::RecordCourtOutcome)?;
    let txn = store.db.begin_write().await?;
    let (case, access) = load_visible(&txn, actor, case_id).await?;
    if access < CaseAccess::Full {
        return Err(Error::forbidden(
            "your agency has read-only access to this case",
        ));
    }
    let mut errors = FieldErrors::new();
    if input.decision_date < case.opened_on {
        errors.push(FieldError::new(
            "decision_date",
            "must not be before the case was opened",
        ));
    }
    let court = match agencies::by_code(&txn, &input.court_agency).await {
        Ok(court) if court.kind == AgencyKind::Court.as_str() => Some(court),
        Ok(_) => {
            errors.push(FieldError::new("court_agency", "is not a court"));
            None
        }
        Err(Error::NotFound(_)) => {
            errors.push(FieldError::new("court_agency", "no agency has this code"));
            None
        }
        Err(other) => return Err(other),
    };
    let suspects: HashSet<Uuid> = case_party::Entity::find()
        .select_only()
        .column(case_party::Column::PersonId)
        .filter(case_party::Column::CaseId.eq(case_id))
        .filter(case_party::Column::Role.eq(PartyRole::Suspect.as_str()))
        .into_tuple()
        .all(&txn)
        .await?
        .into_iter()
        .collect();
    for (i, d) in input.defendants.iter().enumerate() {
        if !suspects.contains(&d.person_id) {
            errors.push(FieldError::new(
                format!("defendants[{i}].person_id"),
                "is not a suspect in this case",
            ));
        }
    }
    let Some(court) = court.filter(|_| errors.is_empty()) else {
        return Err(errors.into());
    };
    if !has_been_in_court(&txn, &case).await? {
        return Err(Error::InvalidState(format!(
            "a court decision can be recorded only for a case that has been in court (status `{}`)",
            case.status
        )));
    }
    let recorded = Recorded {
        id: Uuid::now_v7(),
        case_id,
        court_agency_id: court.id,
        recorded_by: actor.user_id,
        recorded_by_agency_id: actor.agency_id,
        at: now(),
    };
    let rows = rows(&input, recorded, |_| Uuid::now_v7());
    let proceeding = court_proceeding::Entity::insert(rows.proceeding)
        .exec_with_returning(&txn)
        .await
        .map_err(|e| {
            if Error::is_unique_violation(&e) {
                Error::Duplicate(format!(
                    "court {} already has a proceeding numbered {}",
                    court.code, input.court_case_number
                ))
            } else {
                e.into()
            }
        })?;
    // The rows as inserted are the view's defendants: no need to read them back.
    let defendants = rows
        .defendants
        .iter()
        .cloned()
        .map(|row| row.try_into_model())
        .collect::<Result<Vec<_>, _>>()?;
    court_defendant::Entity::insert_many(rows.defendants)
        .exec_without_returning(&txn)
        .await?;
    let persons: Vec<Uuid> = input.defendants.iter().map(|d| d.person_id).collect();
    let names = nameable_parties(&txn, actor, case_id).await?;
    let event = AuditEvent::new("court.record", "case", Some(case_id))
        .with("proceeding", Detail::Id(proceeding.id))
        .with("instance", Detail::Code(input.instance.as_str()))
        .with("persons", Detail::Ids(persons));
    audit::append(&txn, &[(actor.audit(), event)]).await?;
    txn.commit().await?;
    let mut defendants = defendants;
    defendants.sort_by_key(|d| d.id);
    let codes = agencies::codes(&store.db.reader, [court.id, actor.agency_id]).await?;
    Ok(CourtProceedingView::build(
        proceeding, defendants, &names, &codes,
    ))
}
