//! Changing a person record.

use korgon_domain::{
    DateOfBirth, DobPrecision, FieldError, Patch, PersonName, PersonPatch, Sex, Warning,
};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::get::load_visible;
use super::view::PersonView;
use crate::access::{Action, Actor, PersonAccess, require};
use crate::audit::{self, AuditEvent, Detail};
use crate::entity::json::StringList;
use crate::entity::person;
use crate::error::{Error, Result};
use crate::store::{Store, agencies, now};

/// PIN warnings for the record as it will be stored.
fn warnings(store: &Store, model: &person::ActiveModel) -> Vec<Warning> {
    let (Some(Some(pin)), Some(sex)) = (model.pin.try_as_ref(), model.sex.try_as_ref()) else {
        return Vec::new();
    };
    let Ok(check) = store.profile.check_pin("pin", pin) else {
        return Vec::new();
    };
    let sex: Sex = sex.parse().unwrap_or_default();
    let dob = match (
        model.date_of_birth.try_as_ref(),
        model.dob_precision.try_as_ref(),
    ) {
        (Some(Some(date)), Some(precision)) => {
            let precision: DobPrecision = precision
                .as_deref()
                .and_then(|p| p.parse().ok())
                .unwrap_or_default();
            Some(DateOfBirth::new(*date, precision))
        }
        _ => None,
    };
    check.warnings("pin", sex, dob.as_ref())
}

/// Applies `patch` to person `id` (registering agency or full grant).
#[tracing::instrument(skip_all, fields(user = %actor.user_id, person = %id))]
pub async fn update(
    store: &Store,
    actor: &Actor,
    id: Uuid,
    patch: PersonPatch,
) -> Result<PersonView> {
    require(actor, Action::EditPerson)?;
    let txn = store.db.begin_write().await?;
    let (current, access) = load_visible(&txn, actor, id).await?;
    if access == PersonAccess::Read {
        return Err(Error::forbidden(
            "your agency has read-only access to this person",
        ));
    }
    if current.version != patch.version {
        return Err(Error::VersionConflict {
            object: "person",
            current: current.version,
        });
    }
    let fields = patch.changed_fields();
    let given = apply_name(patch.given_name.clone(), current.given_name.clone());
    let family = apply_name(patch.family_name.clone(), current.family_name.clone());
    if given.is_none() && family.is_none() {
        return Err(
            FieldError::new("given_name", "a given name or a family name is required").into(),
        );
    }
    let mut model: person::ActiveModel = current.clone().into();
    model.given_name = Set(given);
    model.family_name = Set(family);
    model.patronymic = Set(apply_name(
        patch.patronymic.clone(),
        current.patronymic.clone(),
    ));
    if let Some(aliases) = patch.aliases.clone() {
        model.aliases = Set(StringList(
            aliases.into_iter().map(|a| a.into_string()).collect(),
        ));
    }
    if let Some(sex) = patch.sex {
        model.sex = Set(sex.as_str().to_owned());
    }
    if patch.date_of_birth.is_present() {
        let dob = patch.date_of_birth.clone().apply(None);
        model.date_of_birth = Set(dob.map(|d| d.date()));
        model.dob_precision = Set(dob.map(|d| d.precision().as_str().to_owned()));
    }
    if patch.pin.is_present() {
        model.pin = Set(patch.pin.clone().apply(None).map(|p| p.as_str().to_owned()));
    }
    if patch.citizenship.is_present() {
        model.citizenship = Set(patch
            .citizenship
            .clone()
            .apply(None)
            .map(|c| c.as_str().to_owned()));
    }
    if patch.phone.is_present() {
        model.phone = Set(patch
            .phone
            .clone()
            .apply(None)
            .map(|p| p.as_str().to_owned()));
    }
    if patch.address.is_present() {
        model.address = Set(patch.address.clone().apply(None));
    }
    if patch.notes.is_present() {
        model.notes = Set(patch.notes.clone().apply(None));
    }
    let warnings = warnings(store, &model);
    model.version = Set(current.version + 1);
    model.updated_at = Set(now());
    let result = person::Entity::update_many()
        .set(model)
        .filter(person::Column::Id.eq(id))
        .filter(person::Column::Version.eq(patch.version))
        .exec(&txn)
        .await?;
    if result.rows_affected == 0 {
        return Err(Error::VersionConflict {
            object: "person",
            current: current.version + 1,
        });
    }
    let event = AuditEvent::new("person.update", "person", Some(id))
        .with("fields", Detail::Codes(fields))
        .with("version", Detail::Count(current.version + 1));
    audit::append(&txn, &[(actor.audit(), event)]).await?;
    let updated = person::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(Error::NotFound("person"))?;
    let codes = agencies::codes(&txn, [updated.registering_agency_id]).await?;
    txn.commit().await?;
    let agency = codes
        .get(&updated.registering_agency_id)
        .cloned()
        .unwrap_or_default();
    let mut view = PersonView::build(updated, agency, access);
    view.warnings = warnings;
    Ok(view)
}

/// The stored value of a name after `patch`.
fn apply_name(patch: Patch<PersonName>, current: Option<String>) -> Option<String> {
    match patch {
        Patch::Unchanged => current,
        Patch::Clear => None,
        Patch::Set(name) => Some(name.into_string()),
    }
}
