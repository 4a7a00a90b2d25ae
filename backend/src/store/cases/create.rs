//! Opening a case.

use korgon_domain::{ArticleInput, CaseStatus, NewCase};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use super::reference;
use super::view::CaseView;
use crate::access::{Action, Actor, CaseAccess, require};
use crate::audit::{self, AuditEvent};
use crate::entity::case;
use crate::entity::json::{ArticleList, StringList};
use crate::error::{Error, Result};
use crate::store::{Store, agencies, now};

/// Opens `input` as a new case of the actor's agency, status `registered`.
#[tracing::instrument(skip_all, fields(user = %actor.user_id))]
pub async fn create(store: &Store, actor: &Actor, input: NewCase) -> Result<CaseView> {
    require(actor, Action::CreateCase)?;
    let txn = store.db.begin_write().await?;
    let created = insert(&txn, store, actor, input).await?;
    let owner = agencies::codes(&txn, [actor.agency_id]).await?;
    txn.commit().await?;
    let owner = owner.get(&actor.agency_id).cloned().unwrap_or_default();
    Ok(CaseView::build(
        created,
        owner,
        CaseAccess::Owner,
        actor.role,
        Vec::new(),
    ))
}

/// Inserts the case and its audit event inside the caller's write transaction (opening a case
/// from a referral does more in the same transaction). The caller checks the role.
pub(crate) async fn insert<C: ConnectionTrait>(
    txn: &C,
    store: &Store,
    actor: &Actor,
    input: NewCase,
) -> Result<case::Model> {
    let reference = match input.reference.clone() {
        Some(kept) => {
            let taken = case::Entity::find()
                .filter(case::Column::Reference.eq(kept.as_str()))
                .count(txn)
                .await?;
            if taken > 0 {
                return Err(Error::Duplicate(format!(
                    "a case with reference {} already exists",
                    kept.as_str()
                )));
            }
            kept
        }
        None => reference::allocate(txn, store.profile.country(), input.reference_year()).await?,
    };
    let now = now();
    let id = Uuid::now_v7();
    let model = case::ActiveModel {
        id: Set(id),
        reference: Set(reference.as_str().to_owned()),
        owner_agency_id: Set(actor.agency_id),
        title: Set(input.title),
        summary: Set(input.summary),
        status: Set(CaseStatus::Registered.as_str().to_owned()),
        closure_reason: Set(None),
        region: Set(input.region.as_str().to_owned()),
        place: Set(input.place),
        exploitation_forms: Set(StringList(
            input
                .exploitation_forms
                .iter()
                .map(|f| f.as_str().to_owned())
                .collect(),
        )),
        articles: Set(ArticleList(
            input.articles.iter().map(ArticleInput::from).collect(),
        )),
        incident_from: Set(input.incident_from),
        incident_to: Set(input.incident_to),
        transnational: Set(input.transnational),
        countries: Set(StringList(
            input
                .countries
                .iter()
                .map(|c| c.as_str().to_owned())
                .collect(),
        )),
        opened_on: Set(input.opened_on),
        closed_on: Set(None),
        created_by: Set(actor.user_id),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    };
    // The check above cannot see a concurrent transaction's uncommitted case: the unique
    // index decides, and its refusal is the same conflict.
    let created = case::Entity::insert(model)
        .exec_with_returning(txn)
        .await
        .map_err(|e| {
            if Error::is_unique_violation(&e) {
                Error::Duplicate(format!(
                    "a case with reference {} already exists",
                    reference.as_str()
                ))
            } else {
                e.into()
            }
        })?;
    audit::append(
        txn,
        &[(
            actor.audit(),
            AuditEvent::new("case.create", "case", Some(id)),
        )],
    )
    .await?;
    Ok(created)
}
