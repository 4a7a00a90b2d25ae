//! One agency's record of an individual, with every departure from the truth recorded.

use korgon_domain::{AgencyKind, DobPrecision, PersonInput};

use super::patronymic::other_form;
use super::script::{ScriptChoice, apply_script, russian_options};
use super::typo::typo;
use crate::model::{NameField, Variation, VariationKind};
use crate::people::Identity;
use crate::rng::{SynthRng, chance, pick, weighted};
use crate::translit::{TranslitSystem, transliterate};

use TranslitSystem::*;

/// The scripts each kind of agency writes a duplicate's names in, with weights.
fn script_weights(kind: AgencyKind) -> &'static [(ScriptChoice, u32)] {
    use ScriptChoice::*;
    match kind {
        AgencyKind::Consulate => &[(Latin(Icao), 60), (Latin(KyrgyzLatin), 15), (Canonical, 25)],
        AgencyKind::Ngo | AgencyKind::Shelter => &[
            (Russian, 25),
            (Fold, 15),
            (Latin(BgnPcgn), 5),
            (Latin(KyrgyzLatin), 6),
            (Latin(Informal), 8),
            (Latin(Lookalike), 3),
            (Canonical, 38),
        ],
        _ => &[
            (Russian, 35),
            (Fold, 20),
            (Latin(Informal), 5),
            (Latin(Icao), 5),
            (Canonical, 35),
        ],
    }
}

/// Probabilities that a kind of agency records PIN, phone and address.
fn shows(kind: AgencyKind) -> (f64, f64, f64) {
    match kind {
        AgencyKind::Police | AgencyKind::Prosecutor | AgencyKind::Court => (0.8, 0.6, 0.85),
        AgencyKind::Ngo => (0.35, 0.85, 0.6),
        AgencyKind::Shelter => (0.45, 0.8, 0.7),
        AgencyKind::Consulate => (0.7, 0.7, 0.4),
        _ => (0.5, 0.6, 0.6),
    }
}

/// Date-of-birth precision weights: (day, year only, missing).
fn dob_weights(kind: AgencyKind) -> &'static [(u8, u32)] {
    match kind {
        AgencyKind::Police | AgencyKind::Prosecutor | AgencyKind::Court => {
            &[(0, 92), (1, 5), (2, 3)]
        }
        AgencyKind::Consulate => &[(0, 97), (2, 3)],
        _ => &[(0, 75), (1, 15), (2, 10)],
    }
}

/// The three name slots while they are being varied.
struct Names {
    given: Option<String>,
    family: Option<String>,
    patronymic: Option<String>,
}

impl Names {
    fn slot(&mut self, field: NameField) -> &mut Option<String> {
        match field {
            NameField::GivenName => &mut self.given,
            NameField::Patronymic => &mut self.patronymic,
            _ => &mut self.family,
        }
    }

    fn set(
        &mut self,
        vars: &mut Vec<Variation>,
        field: NameField,
        kind: VariationKind,
        value: Option<String>,
    ) {
        let slot = self.slot(field);
        if *slot != value {
            vars.push(Variation {
                field,
                kind,
                before: slot.clone(),
                after: value.clone(),
            });
            *slot = value;
        }
    }

    fn same_as(&self, identity: &Identity) -> bool {
        self.given.as_deref() == Some(identity.name.given.as_str())
            && self.family.as_deref() == Some(identity.name.family.as_str())
            && self.patronymic == identity.name.patronymic
    }
}

const NAME_FIELDS: [NameField; 3] = [
    NameField::GivenName,
    NameField::FamilyName,
    NameField::Patronymic,
];

fn add_typo(
    rng: &mut SynthRng,
    names: &mut Names,
    vars: &mut Vec<Variation>,
    field: NameField,
) -> bool {
    let edits = if chance(rng, 0.8) { 1 } else { 2 };
    let Some(current) = names.slot(field).clone() else {
        return false;
    };
    match typo(rng, &current, edits) {
        Some((typed, edit)) => {
            names.set(
                vars,
                field,
                VariationKind::Typo { edit, edits },
                Some(typed),
            );
            true
        }
        None => false,
    }
}

fn vary_names(
    rng: &mut SynthRng,
    identity: &Identity,
    kind: AgencyKind,
    names: &mut Names,
    vars: &mut Vec<Variation>,
) {
    if chance(rng, 0.35)
        && let Some((family, patronymic)) = other_form(rng, &identity.name, identity.sex)
    {
        names.set(
            vars,
            NameField::FamilyName,
            VariationKind::PatronymicForm,
            Some(family),
        );
        names.set(
            vars,
            NameField::Patronymic,
            VariationKind::PatronymicForm,
            patronymic,
        );
    }
    let choice = weighted(rng, script_weights(kind));
    let (shorten, dzh) = russian_options(rng);
    for field in NAME_FIELDS {
        if let Some(current) = names.slot(field).clone()
            && let Some((written, kind)) = apply_script(choice, &current, shorten, dzh)
        {
            names.set(vars, field, kind, Some(written));
        }
    }
    if chance(rng, 0.3) {
        let field = weighted(
            rng,
            &[
                (NameField::FamilyName, 5),
                (NameField::GivenName, 4),
                (NameField::Patronymic, 1),
            ],
        );
        add_typo(rng, names, vars, field);
    }
    if names.patronymic.is_some() && chance(rng, 0.12) {
        names.set(vars, NameField::Patronymic, VariationKind::Missing, None);
    }
    // A duplicate must be spelt differently somewhere, or it tests nothing.
    if names.same_as(identity) && !add_typo(rng, names, vars, NameField::FamilyName) {
        add_typo(rng, names, vars, NameField::GivenName);
    }
}

/// The record `kind` of agency writes about `identity`. With `vary` (a duplicate record),
/// the names are written differently from the canonical ones; any record may miss fields.
pub(crate) fn write_record(
    rng: &mut SynthRng,
    identity: &Identity,
    kind: AgencyKind,
    vary: bool,
) -> (PersonInput, Vec<Variation>) {
    let mut vars = Vec::new();
    let mut names = Names {
        given: Some(identity.name.given.clone()),
        family: Some(identity.name.family.clone()),
        patronymic: identity.name.patronymic.clone(),
    };
    if vary {
        vary_names(rng, identity, kind, &mut names, &mut vars);
    }
    let (show_pin, show_phone, show_address) = shows(kind);
    let full_date = identity.birth.format("%Y-%m-%d").to_string();
    let (date_of_birth, precision) = match weighted(rng, dob_weights(kind)) {
        0 => (Some(full_date), None),
        1 => {
            let year = identity.birth.format("%Y").to_string();
            vars.push(Variation {
                field: NameField::DateOfBirth,
                kind: VariationKind::YearOnly,
                before: Some(full_date),
                after: Some(year.clone()),
            });
            (Some(year), Some(DobPrecision::Year))
        }
        _ => {
            vars.push(Variation {
                field: NameField::DateOfBirth,
                kind: VariationKind::Missing,
                before: Some(full_date),
                after: None,
            });
            (None, None)
        }
    };
    let pin = match &identity.pin {
        Some(pin) if chance(rng, show_pin) => Some(pin.clone()),
        Some(pin) => {
            vars.push(Variation {
                field: NameField::Pin,
                kind: VariationKind::Missing,
                before: Some(pin.clone()),
                after: None,
            });
            None
        }
        None => None,
    };
    let aliases = if chance(rng, 0.06) {
        // The passport spelling, as some agencies note it beside the Cyrillic name.
        let full = format!("{} {}", identity.name.given, identity.name.family);
        vec![transliterate(&full, *pick(rng, &[Icao, KyrgyzLatin]))]
    } else {
        Vec::new()
    };
    let input = PersonInput {
        given_name: names.given,
        family_name: names.family,
        patronymic: names.patronymic,
        aliases,
        sex: identity.sex,
        date_of_birth,
        date_of_birth_precision: precision,
        pin,
        citizenship: chance(rng, 0.95).then(|| identity.citizenship.to_owned()),
        phone: identity.phone.clone().filter(|_| chance(rng, show_phone)),
        address: chance(rng, show_address).then(|| identity.address.clone()),
        notes: None,
    };
    (input, vars)
}
