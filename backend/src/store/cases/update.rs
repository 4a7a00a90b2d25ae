//! Changing a case: narrative edits and reclassification (articles, forms of exploitation,
//! status), each reclassification with a reason kept in the history. A stale `version` gets a
//! conflict and changes nothing.

use korgon_domain::{ArticleInput, CasePatch, CaseStatus, ClosureReason, FieldError, Role};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use uuid::Uuid;

use super::get::{load_visible, visible_parties};
use super::view::CaseView;
use crate::access::{Action, Actor, CaseAccess, require};
use crate::audit::{self, AuditEvent, Detail};
use crate::entity::json::{ArticleList, StringList};
use crate::entity::{case, classification_change};
use crate::error::{Error, Result};
use crate::store::{Store, agencies, now};

/// One classification field that changes: its name, old and new value.
struct Change {
    field: &'static str,
    old: Value,
    new: Value,
}

/// Refuses edits the actor's access does not allow on this case: investigators edit the cases
/// of their own agency; a prosecutor holding a full grant records charges and status only.
fn authorize(actor: &Actor, access: CaseAccess, patch: &CasePatch) -> Result<()> {
    match access {
        CaseAccess::Owner => Ok(()),
        CaseAccess::Full if actor.role == Role::Prosecutor && !patch.touches_narrative() => Ok(()),
        CaseAccess::Full if actor.role == Role::Prosecutor => Err(Error::forbidden(
            "prosecutors may change the charges and status of another agency's case, not its narrative",
        )),
        CaseAccess::Full => Err(Error::forbidden(
            "only the owning agency edits a case; a full share lets you read all of it — ask the owner to transfer it",
        )),
        CaseAccess::Read => Err(Error::forbidden(
            "your agency has read-only access to this case",
        )),
    }
}

fn sorted_articles(mut articles: Vec<ArticleInput>) -> Vec<ArticleInput> {
    articles.sort();
    articles
}

/// The status change the patch asks for, checked against the lifecycle.
fn status_change(
    current: &case::Model,
    patch: &CasePatch,
) -> Result<Option<(CaseStatus, Option<ClosureReason>)>> {
    let Some(next) = patch.status else {
        return Ok(None);
    };
    let now: CaseStatus = current
        .status
        .parse()
        .map_err(|e: String| Error::Internal(anyhow::anyhow!("case {}: {e}", current.id)))?;
    if next == now {
        let same_reason =
            patch.closure_reason.map(|r| r.as_str()) == current.closure_reason.as_deref();
        if next != CaseStatus::Closed || same_reason {
            return Ok(None);
        }
        // A closed case given another closure reason: the same rule as closing it.
        check_closure_reason(patch.closure_reason, now)?;
        return Ok(Some((next, patch.closure_reason)));
    }
    if !now.may_become(next) {
        return Err(Error::InvalidState(format!(
            "a case in status `{}` cannot move to `{}`",
            now.as_str(),
            next.as_str()
        )));
    }
    check_closure_reason(patch.closure_reason, now)?;
    Ok(Some((next, patch.closure_reason)))
}

/// Refuses a closure reason that the case's current status does not allow (a verdict needs a
/// case in court).
fn check_closure_reason(reason: Option<ClosureReason>, now: CaseStatus) -> Result<()> {
    match reason {
        Some(reason) if !reason.allowed_from(now) => Err(FieldError::new(
            "closure_reason",
            format!(
                "`{}` needs a court decision: the case must be in court first",
                reason.as_str()
            ),
        )
        .into()),
        _ => Ok(()),
    }
}

fn classification_changes(current: &case::Model, patch: &CasePatch) -> Result<Vec<Change>> {
    let mut changes = Vec::new();
    if let Some(forms) = &patch.exploitation_forms {
        // A set: both sides sorted alike, so the same forms in another order are no change.
        let mut new: Vec<String> = forms.iter().map(|f| f.as_str().to_owned()).collect();
        new.sort();
        let mut old = current.exploitation_forms.0.clone();
        old.sort();
        if new != old {
            changes.push(Change {
                field: "exploitation_forms",
                old: json!(old),
                new: json!(new),
            });
        }
    }
    if let Some(articles) = &patch.articles {
        let new = sorted_articles(articles.iter().map(ArticleInput::from).collect());
        let old = sorted_articles(current.articles.0.clone());
        if new != old {
            changes.push(Change {
                field: "articles",
                old: json!(old),
                new: json!(new),
            });
        }
    }
    if let Some((status, reason)) = status_change(current, patch)? {
        changes.push(Change {
            field: "status",
            old: json!({"status": current.status, "closure_reason": current.closure_reason}),
            new: json!({"status": status.as_str(), "closure_reason": reason.map(|r| r.as_str())}),
        });
    }
    Ok(changes)
}

/// Applies `patch` to case `id`.
#[tracing::instrument(skip_all, fields(user = %actor.user_id, case = %id))]
pub async fn update(store: &Store, actor: &Actor, id: Uuid, patch: CasePatch) -> Result<CaseView> {
    require(actor, Action::EditCase)?;
    let txn = store.db.begin_write().await?;
    let (current, access) = load_visible(&txn, actor, id).await?;
    authorize(actor, access, &patch)?;
    if current.version != patch.version {
        return Err(Error::VersionConflict {
            object: "case",
            current: current.version,
        });
    }
    let changes = classification_changes(&current, &patch)?;
    let reason = match (&patch.reason, changes.is_empty()) {
        (Some(reason), false) => Some(reason.clone()),
        (None, false) => {
            return Err(FieldError::new(
                "reason",
                "is required when articles, forms of exploitation or status change",
            )
            .into());
        }
        (_, true) => None,
    };
    let now = now();
    let mut model: case::ActiveModel = current.clone().into();
    if let Some(title) = patch.title.clone() {
        model.title = Set(title);
    }
    if patch.summary.is_present() {
        model.summary = Set(patch.summary.clone().apply(current.summary.clone()));
    }
    if let Some(region) = &patch.region {
        model.region = Set(region.as_str().to_owned());
    }
    if patch.place.is_present() {
        model.place = Set(patch.place.clone().apply(current.place.clone()));
    }
    if patch.incident_from.is_present() {
        model.incident_from = Set(patch.incident_from.clone().apply(current.incident_from));
    }
    if patch.incident_to.is_present() {
        model.incident_to = Set(patch.incident_to.clone().apply(current.incident_to));
    }
    if let (Some(from), Some(to)) = (
        patch.incident_from.clone().apply(current.incident_from),
        patch.incident_to.clone().apply(current.incident_to),
    ) && from > to
    {
        return Err(FieldError::new("incident_to", "must not be before incident_from").into());
    }
    if let Some(transnational) = patch.transnational {
        model.transnational = Set(transnational);
    }
    if let Some(countries) = &patch.countries {
        model.countries = Set(StringList(
            countries.iter().map(|c| c.as_str().to_owned()).collect(),
        ));
    }
    if let Some(forms) = &patch.exploitation_forms {
        model.exploitation_forms = Set(StringList(
            forms.iter().map(|f| f.as_str().to_owned()).collect(),
        ));
    }
    if let Some(articles) = &patch.articles {
        model.articles = Set(ArticleList(
            articles.iter().map(ArticleInput::from).collect(),
        ));
    }
    if let Some((status, closure)) = status_change(&current, &patch)? {
        model.status = Set(status.as_str().to_owned());
        model.closure_reason = Set(closure.map(|r| r.as_str().to_owned()));
        model.closed_on = Set((status == CaseStatus::Closed).then(|| now.date_naive()));
    }
    model.version = Set(current.version + 1);
    model.updated_at = Set(now);
    let result = case::Entity::update_many()
        .set(model)
        .filter(case::Column::Id.eq(id))
        .filter(case::Column::Version.eq(patch.version))
        .exec(&txn)
        .await?;
    if result.rows_affected == 0 {
        return Err(Error::VersionConflict {
            object: "case",
            current: current.version + 1,
        });
    }
    if let Some(reason) = &reason {
        let rows: Vec<classification_change::ActiveModel> = changes
            .iter()
            .map(|c| classification_change::ActiveModel {
                id: Set(Uuid::now_v7()),
                case_id: Set(id),
                field: Set(c.field.to_owned()),
                old_value: Set(c.old.clone()),
                new_value: Set(c.new.clone()),
                reason: Set(reason.clone()),
                changed_by: Set(actor.user_id),
                agency_id: Set(actor.agency_id),
                changed_at: Set(now),
            })
            .collect();
        classification_change::Entity::insert_many(rows)
            .exec_without_returning(&txn)
            .await?;
    }
    let event = AuditEvent::new("case.update", "case", Some(id))
        .with("fields", Detail::Codes(patch.sent_fields()))
        .with(
            "reclassified",
            Detail::Codes(changes.iter().map(|c| c.field).collect()),
        )
        .with("version", Detail::Count(current.version + 1));
    audit::append(&txn, &[(actor.audit(), event)]).await?;
    let updated = case::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(Error::NotFound("case"))?;
    let parties = visible_parties(&txn, actor, id).await?;
    let owner = agencies::codes(&txn, [updated.owner_agency_id]).await?;
    txn.commit().await?;
    let owner = owner
        .get(&updated.owner_agency_id)
        .cloned()
        .unwrap_or_default();
    Ok(CaseView::build(updated, owner, access, actor.role, parties))
}
