//! Referrals (NGO → police, shelter, another NGO or a consulate; police → shelter) with
//! consent and a status history, and the assistance that follows an accepted referral.

use chrono::NaiveDate;
use korgon_domain::AgencyKind;

use super::dates::add_days;
use crate::model::{
    AssistanceRecord, Consent, ReferralRecord, ReferralStatusChange, assistance_kinds,
    consent_givers, consent_scopes, needs, referral_statuses, urgencies,
};
use crate::rng::{SynthRng, between, chance, pick, weighted};

/// What a referral depends on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ReferralPlan<'a> {
    /// Sending agency.
    pub from: &'a str,
    /// Receiving agency.
    pub to: &'a str,
    /// Its kind.
    pub to_kind: AgencyKind,
    /// The victim's person record (the sender's).
    pub person: u64,
    /// The case, if any.
    pub case: Option<u64>,
    /// Day of submission.
    pub on: NaiveDate,
    /// The victim is under 18.
    pub minor: bool,
    /// Sent by the police (who may refer without consent in an emergency).
    pub from_police: bool,
    /// The parent or guardian who consents for a minor (`family given`).
    pub guardian: Option<&'a str>,
}

fn needs_for(rng: &mut SynthRng, kind: AgencyKind) -> Vec<&'static str> {
    let mut list = Vec::new();
    let mut maybe = |need: &'static str, p: f64, rng: &mut SynthRng| {
        if chance(rng, p) {
            list.push(need);
        }
    };
    match kind {
        AgencyKind::Shelter => {
            maybe(needs::SHELTER, 1.0, rng);
            maybe(needs::MEDICAL, 0.5, rng);
            maybe(needs::PSYCHOLOGICAL, 0.7, rng);
        }
        AgencyKind::Consulate => {
            maybe(needs::REPATRIATION, 1.0, rng);
            maybe(needs::LEGAL, 0.4, rng);
        }
        AgencyKind::Police => maybe(needs::LEGAL, 1.0, rng),
        _ => {
            maybe(needs::PSYCHOLOGICAL, 0.6, rng);
            maybe(needs::LEGAL, 0.5, rng);
            maybe(needs::REINTEGRATION, 0.5, rng);
        }
    }
    if list.is_empty() {
        list.push(needs::REINTEGRATION);
    }
    list
}

fn reason_for(kind: AgencyKind) -> &'static str {
    match kind {
        AgencyKind::Police => "Передача сообщения о преступлении для регистрации и расследования",
        AgencyKind::Shelter => "Нуждается во временном убежище и защите",
        AgencyKind::Consulate => "Содействие в возвращении на родину и восстановлении документов",
        _ => "Юридическая и психологическая помощь по месту жительства",
    }
}

/// What the consent shares: the police and shelters need to reach the victim (telephone,
/// address); consulates and partner NGOs get the identity only.
fn scope_for(kind: AgencyKind) -> &'static str {
    match kind {
        AgencyKind::Police | AgencyKind::Shelter => consent_scopes::FULL,
        _ => consent_scopes::IDENTITY,
    }
}

fn decline_note(kind: AgencyKind) -> &'static str {
    match kind {
        AgencyKind::Police => "Недостаточно сведений для регистрации сообщения",
        AgencyKind::Shelter => "Нет свободных мест",
        AgencyKind::Consulate => "Обращение передано в консульство по месту пребывания",
        _ => "Не относится к профилю организации",
    }
}

/// A referral (index and id are filled in by the caller).
pub(crate) fn referral(
    rng: &mut SynthRng,
    plan: &ReferralPlan<'_>,
    today: NaiveDate,
) -> ReferralRecord {
    let urgency = if plan.minor && plan.to_kind == AgencyKind::Shelter {
        weighted(rng, &[(urgencies::CRITICAL, 6), (urgencies::HIGH, 4)])
    } else if plan.to_kind == AgencyKind::Consulate {
        weighted(rng, &[(urgencies::HIGH, 5), (urgencies::NORMAL, 5)])
    } else {
        weighted(
            rng,
            &[
                (urgencies::LOW, 15),
                (urgencies::NORMAL, 55),
                (urgencies::HIGH, 25),
                (urgencies::CRITICAL, 5),
            ],
        )
    };
    let consent = if plan.from_police && urgency == urgencies::CRITICAL && chance(rng, 0.3) {
        Consent {
            given_by: consent_givers::NONE,
            given_on: None,
            scope: None,
            guardian_name: None,
        }
    } else {
        let guardian = plan.guardian.filter(|_| plan.minor);
        Consent {
            given_by: if guardian.is_some() {
                consent_givers::GUARDIAN
            } else {
                consent_givers::VICTIM
            },
            given_on: Some(plan.on),
            scope: Some(scope_for(plan.to_kind)),
            guardian_name: guardian.map(str::to_owned),
        }
    };
    let mut timeline = vec![ReferralStatusChange {
        on: plan.on,
        status: referral_statuses::SUBMITTED,
        note: None,
    }];
    let answered = add_days(plan.on, between(rng, 0, 5));
    if answered <= today {
        let outcome = weighted(
            rng,
            &[
                (referral_statuses::ACCEPTED, 80),
                (referral_statuses::DECLINED, 12),
                (referral_statuses::WITHDRAWN, 8),
            ],
        );
        let note = match outcome {
            referral_statuses::DECLINED => Some(decline_note(plan.to_kind).to_owned()),
            referral_statuses::WITHDRAWN => Some(
                (*pick(
                    rng,
                    &[
                        "Потерпевшая сторона отозвала согласие",
                        "Помощь оказана другой организацией",
                    ],
                ))
                .to_owned(),
            ),
            _ => None,
        };
        timeline.push(ReferralStatusChange {
            on: answered,
            status: outcome,
            note,
        });
        let closed = add_days(answered, between(rng, 14, 240));
        if outcome == referral_statuses::ACCEPTED && closed <= today && chance(rng, 0.7) {
            timeline.push(ReferralStatusChange {
                on: closed,
                status: referral_statuses::CLOSED,
                note: Some("Помощь оказана, работа по направлению завершена".to_owned()),
            });
        }
    }
    ReferralRecord {
        index: 0,
        id: uuid::Uuid::nil(),
        from_agency: plan.from.to_owned(),
        to_agency: plan.to.to_owned(),
        person: plan.person,
        case: plan.case,
        reason: reason_for(plan.to_kind).to_owned(),
        needs: needs_for(rng, plan.to_kind),
        urgency,
        consent,
        timeline,
    }
}

fn duration(kind: &str) -> (i64, i64) {
    match kind {
        assistance_kinds::SHELTER => (14, 120),
        assistance_kinds::MEDICAL => (1, 30),
        assistance_kinds::LEGAL => (30, 365),
        assistance_kinds::PSYCHOLOGICAL => (30, 180),
        assistance_kinds::REPATRIATION => (3, 30),
        assistance_kinds::VOCATIONAL => (60, 180),
        _ => (90, 365),
    }
}

/// Assistance of `kinds` given by `provider` to `person` from `start` (index and id are
/// filled in by the caller); a period still running on `today` has no end.
pub(crate) fn assistance_for(
    rng: &mut SynthRng,
    provider: &str,
    person: u64,
    kinds: &[&'static str],
    start: NaiveDate,
    today: NaiveDate,
) -> Vec<AssistanceRecord> {
    kinds
        .iter()
        .filter_map(|kind| {
            let started_on = add_days(start, between(rng, 0, 3));
            if started_on > today {
                return None;
            }
            let (low, high) = duration(kind);
            let end = add_days(started_on, between(rng, low, high));
            Some(AssistanceRecord {
                index: 0,
                id: uuid::Uuid::nil(),
                person,
                provider_agency: provider.to_owned(),
                kind,
                started_on,
                ended_on: (end <= today).then_some(end),
            })
        })
        .collect()
}
