//! Submitting a referral: the checks that need the database (receiving agency, the person and
//! case in the sender's reach, a guardian for a minor, nothing identifying in the reason), the
//! non-identifying profile taken for the receiver, and the audit event.

use chrono::{DateTime, Utc};
use korgon_domain::{
    AgencyKind, ConsentScope, DateOfBirth, DobPrecision, FieldError, NewReferral, ReferralStatus,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter,
};
use uuid::Uuid;

use super::load::view;
use super::view::{Direction, ReferralView};
use crate::access::scope::{person_access, visible_case};
use crate::access::{Action, Actor, CaseAccess, require};
use crate::audit::{self, AuditEvent, Detail};
use crate::entity::json::StringList;
use crate::entity::{agency, case, person, referral};
use crate::error::{Error, Result};
use crate::store::{Store, agencies, now};

/// Agency kinds whose users can answer a referral.
pub(crate) fn takes_referrals(kind: &str) -> bool {
    [
        AgencyKind::Police,
        AgencyKind::Prosecutor,
        AgencyKind::Ngo,
        AgencyKind::Shelter,
        AgencyKind::Consulate,
        AgencyKind::Other,
    ]
    .iter()
    .any(|k| k.as_str() == kind)
}

/// The receiving agency, or a 422 naming `to_agency`.
async fn receiver<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    input: &NewReferral,
) -> Result<agency::Model> {
    let target = agencies::by_code(conn, input.to_agency.as_str())
        .await
        .map_err(|e| match e {
            Error::NotFound(_) => FieldError::new("to_agency", "no agency has this code").into(),
            other => other,
        })?;
    if target.id == actor.agency_id {
        return Err(FieldError::new(
            "to_agency",
            "is your own agency: a referral goes to another agency",
        )
        .into());
    }
    if !target.active {
        return Err(FieldError::new("to_agency", "this agency is deactivated").into());
    }
    if !takes_referrals(&target.kind) {
        return Err(FieldError::new(
            "to_agency",
            "this kind of agency does not take referrals (police, prosecutor's offices, NGOs, shelters, consulates and others do)",
        )
        .into());
    }
    Ok(target)
}

/// The case to attach: visible to the sender, which owns it or holds a full grant (a read
/// grant is not the sender's to pass on).
async fn attached_case<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    case_id: Uuid,
) -> Result<case::Model> {
    let not_in_scope = || FieldError::new("case_id", "no case in your agency's scope has this id");
    let (model, access) = visible_case(conn, actor.agency_id, case_id)
        .await?
        .ok_or_else(not_in_scope)?;
    if access == CaseAccess::Read {
        return Err(FieldError::new(
            "case_id",
            "your agency has read-only access to this case and may not pass it on",
        )
        .into());
    }
    Ok(model)
}

/// The person's date of birth with its precision.
pub fn date_of_birth(person: &person::Model) -> Option<DateOfBirth> {
    let precision: DobPrecision = person
        .dob_precision
        .as_deref()
        .and_then(|p| p.parse().ok())
        .unwrap_or_default();
    person
        .date_of_birth
        .map(|date| DateOfBirth::new(date, precision))
}

/// Words of a text, case-folded, split at anything that is not a letter or digit.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Parts of a name that identify: three letters or more, not a patronymic marker.
fn identifying_words(name: &str) -> Vec<String> {
    const MARKERS: [&str; 6] = ["уулу", "кызы", "тегин", "uulu", "kyzy", "tegin"];
    words(name)
        .into_iter()
        .filter(|w| w.chars().count() >= 3 && !MARKERS.contains(&w.as_str()))
        .collect()
}

/// True when `reason` names the person or the guardian, or gives the PIN, telephone or
/// address: the receiver reads the reason before it accepts, and an anonymous referral's
/// receiver never may. A safety net for slips, not a guarantee.
fn reveals_identity(reason: &str, person: &person::Model, guardian: Option<&str>) -> bool {
    let reason_words = words(reason);
    let names = [&person.given_name, &person.family_name, &person.patronymic]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain(person.aliases.0.iter().map(String::as_str))
        .chain(guardian);
    for name in names {
        if identifying_words(name)
            .iter()
            .any(|w| reason_words.contains(w))
        {
            return true;
        }
    }
    // Numbers as written, with the separators people put in them (`+996 (555) 12-34-56`).
    let numbers: Vec<String> = reason
        .split(|c: char| !(c.is_ascii_digit() || " -().+/".contains(c)))
        .map(|chunk| {
            chunk
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
        })
        .filter(|n| n.len() >= 6)
        .collect();
    if let Some(pin) = &person.pin
        && numbers.iter().any(|n| n.contains(pin.as_str()))
    {
        return true;
    }
    if let Some(phone) = &person.phone {
        let phone: String = phone.chars().filter(char::is_ascii_digit).collect();
        let subscriber = &phone[phone.len().saturating_sub(9)..];
        if phone.len() >= 6
            && numbers
                .iter()
                .any(|n| phone.contains(n.as_str()) || n.contains(subscriber))
        {
            return true;
        }
    }
    if let Some(address) = &person.address {
        let address = address.trim().to_lowercase();
        if !address.is_empty() && reason.to_lowercase().contains(&address) {
            return true;
        }
    }
    false
}

/// What the receiver is told of the person before it accepts: no name, no identifier.
#[derive(Debug, Clone)]
pub struct Subject {
    /// Sex code.
    pub sex: String,
    /// Date of birth (shown as an age band).
    pub date_of_birth: Option<DateOfBirth>,
    /// Citizenship code.
    pub citizenship: Option<String>,
}

impl Subject {
    /// The subject profile of a stored person.
    pub fn of(person: &person::Model) -> Subject {
        Subject {
            sex: person.sex.clone(),
            date_of_birth: date_of_birth(person),
            citizenship: person.citizenship.clone(),
        }
    }
}

/// Who submitted a referral, when, between which agencies, under which id.
#[derive(Debug, Clone, Copy)]
pub struct Submitted<'a> {
    /// Id of the referral.
    pub id: Uuid,
    /// Sending agency.
    pub from_agency_id: Uuid,
    /// Receiving agency.
    pub to_agency_id: Uuid,
    /// The attached case and its region.
    pub case: Option<(Uuid, &'a str)>,
    /// The submitting user.
    pub submitted_by: Uuid,
    /// When.
    pub at: DateTime<Utc>,
}

/// The row of a validated referral as submitted (status `submitted`, no answer yet): the
/// consent record, and the non-identifying profile the receiver reads (age band on the day
/// of submission; the region given, else the case's).
pub fn row(input: &NewReferral, subject: &Subject, submitted: Submitted<'_>) -> referral::Model {
    let region = input
        .region
        .as_ref()
        .map(|r| r.as_str().to_owned())
        .or_else(|| submitted.case.map(|(_, region)| region.to_owned()));
    let at = submitted.at;
    referral::Model {
        id: submitted.id,
        from_agency_id: submitted.from_agency_id,
        to_agency_id: submitted.to_agency_id,
        person_id: input.person_id,
        case_id: submitted.case.map(|(id, _)| id),
        anonymous: input.consent.is_anonymous(),
        reason: input.reason.clone(),
        needs: StringList(input.needs.iter().map(|n| n.as_str().to_owned()).collect()),
        urgency: input.urgency.as_str().to_owned(),
        consent_given_by: input.consent.given_by.as_str().to_owned(),
        consent_given_on: input.consent.given_on,
        consent_scope: input.consent.scope.map(|s| s.as_str().to_owned()),
        guardian_name: input
            .consent
            .guardian_name
            .as_ref()
            .map(|g| g.as_str().to_owned()),
        subject_sex: subject.sex.clone(),
        subject_age_band: subject
            .date_of_birth
            .as_ref()
            .map(|d| korgon_domain::referral::age_band(d, at.date_naive()).to_owned()),
        subject_citizenship: subject.citizenship.clone(),
        subject_region: region,
        status: ReferralStatus::Submitted.as_str().to_owned(),
        submitted_at: at,
        submitted_by: submitted.submitted_by,
        responded_at: None,
        responded_by: None,
        response_note: None,
        withdrawn_at: None,
        withdrawn_by: None,
        withdraw_note: None,
        closed_at: None,
        closed_by: None,
        close_note: None,
        revoked_at: None,
        revoked_by: None,
        revoke_note: None,
        opened_case_id: None,
        version: 1,
        created_at: at,
        updated_at: at,
    }
}

/// Submits a validated referral from the actor's agency.
#[tracing::instrument(skip_all, fields(user = %actor.user_id))]
pub async fn submit(
    store: &Store,
    actor: &Actor,
    input: NewReferral,
    overdue_days: u32,
) -> Result<ReferralView> {
    require(actor, Action::SubmitReferral)?;
    let txn = store.db.begin_write().await?;
    let target = receiver(&txn, actor, &input).await?;
    let not_in_scope =
        || FieldError::new("person_id", "no person in your agency's scope has this id");
    let person = person::Entity::find_by_id(input.person_id)
        .one(&txn)
        .await?
        .ok_or_else(not_in_scope)?;
    let access = person_access(&txn, actor, &person)
        .await?
        .ok_or_else(not_in_scope)?;
    let dob = date_of_birth(&person);
    input.consent.check_guardian(dob.as_ref())?;
    if input.consent.scope == Some(ConsentScope::Full) && !access.sees_protected() {
        return Err(FieldError::new(
            "consent.scope",
            "`full` shares protected fields your agency cannot see itself; use `identity`",
        )
        .into());
    }
    let case = match input.case_id {
        Some(case_id) => Some(attached_case(&txn, actor, case_id).await?),
        None => None,
    };
    let guardian = input
        .consent
        .guardian_name
        .as_ref()
        .map(|g| g.as_str().to_owned());
    if reveals_identity(&input.reason, &person, guardian.as_deref()) {
        return Err(FieldError::new(
            "reason",
            "must not name the person or their guardian, or give their PIN, telephone or address: the receiving agency reads the reason before it accepts",
        )
        .into());
    }
    let open = referral::Entity::find()
        .filter(referral::Column::PersonId.eq(person.id))
        .filter(referral::Column::ToAgencyId.eq(target.id))
        .filter(referral::Column::Status.eq(ReferralStatus::Submitted.as_str()))
        .count(&txn)
        .await?;
    if open > 0 {
        return Err(Error::Duplicate(
            "a referral of this person to this agency is already awaiting an answer".to_owned(),
        ));
    }
    let now = now();
    let id = Uuid::now_v7();
    let anonymous = input.consent.is_anonymous();
    let submitted = Submitted {
        id,
        from_agency_id: actor.agency_id,
        to_agency_id: target.id,
        case: case.as_ref().map(|c| (c.id, c.region.as_str())),
        submitted_by: actor.user_id,
        at: now,
    };
    let model = row(&input, &Subject::of(&person), submitted)
        .into_active_model()
        .reset_all();
    let created = referral::Entity::insert(model)
        .exec_with_returning(&txn)
        .await?;
    let mut event = AuditEvent::new("referral.submit", "referral", Some(id))
        .with("to_agency", Detail::Id(target.id))
        .with("person", Detail::Id(person.id))
        .with("anonymous", Detail::Flag(anonymous))
        .with("urgency", Detail::Code(input.urgency.as_str()))
        .with(
            "needs",
            Detail::Codes(input.needs.iter().map(|n| n.as_str()).collect()),
        )
        .with("consent", Detail::Code(input.consent.given_by.as_str()));
    if let Some(scope) = input.consent.scope {
        event = event.with("scope", Detail::Code(scope.as_str()));
    }
    if let Some(case) = &case {
        event = event.with("case", Detail::Id(case.id));
    }
    audit::append(&txn, &[(actor.audit(), event)]).await?;
    let view = view(&txn, created, Direction::Outgoing, now, overdue_days).await?;
    txn.commit().await?;
    Ok(view)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::json::StringList;

    fn person() -> person::Model {
        let now = chrono::Utc::now();
        person::Model {
            id: Uuid::nil(),
            registering_agency_id: Uuid::nil(),
            given_name: Some("Айгүл".into()),
            family_name: Some("Асанбекова".into()),
            patronymic: Some("Асанбек кызы".into()),
            aliases: StringList(vec!["Aigul Asanbekova".into()]),
            sex: "female".into(),
            date_of_birth: None,
            dob_precision: None,
            pin: Some("11503200400123".into()),
            citizenship: Some("KG".into()),
            phone: Some("+996 555 123 456".into()),
            address: Some("Ат-Башы, Ленин 12".into()),
            notes: None,
            created_by: Uuid::nil(),
            version: 1,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn reasons_that_identify_are_caught() {
        let p = person();
        assert!(!reveals_identity(
            "Victim of bride kidnapping, needs shelter and legal aid; кызы is safe now",
            &p,
            None
        ));
        assert!(reveals_identity("АЙГҮЛ needs a shelter", &p, None));
        assert!(reveals_identity("aigul needs a shelter", &p, None));
        assert!(reveals_identity("PIN 1150 3200 4001 23", &p, None));
        assert!(reveals_identity("call 123-456 after six", &p, None));
        assert!(reveals_identity("tel. 0 (555) 12-34-56", &p, None));
        assert!(!reveals_identity("since 2025-06-01, case 42", &p, None));
        assert!(reveals_identity("lives at ат-башы, ленин 12", &p, None));
        assert!(reveals_identity(
            "mother Гүлнара agrees",
            &p,
            Some("Гүлнара Осмонова")
        ));
    }
}
