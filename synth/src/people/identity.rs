//! One synthetic individual: the truth every record of them departs from.

use chrono::NaiveDate;
use korgon_domain::Sex;

use super::contact::{address, phone};
use super::pin::kg_pin;
use crate::names::{CanonicalName, ethnicity_for, generate_name};
use crate::rng::{SynthRng, chance};

/// What the scenario has decided about an individual before they are drawn.
#[derive(Debug, Clone, Copy)]
pub(crate) struct IdentitySpec<'a> {
    /// Female or male.
    pub sex: Sex,
    /// Date of birth.
    pub birth: NaiveDate,
    /// Age when the story begins (children under 12 have no phone of their own).
    pub age: u32,
    /// ISO 3166-1 alpha-2 citizenship.
    pub citizenship: &'static str,
    /// Region of residence (ISO 3166-2).
    pub region: &'a str,
    /// Russian name of the region, for addresses.
    pub region_ru: &'a str,
}

/// An individual as they really are (all synthetic).
#[derive(Debug, Clone)]
pub(crate) struct Identity {
    /// Ground-truth id.
    pub id: u64,
    /// Canonical name.
    pub name: CanonicalName,
    /// Sex.
    pub sex: Sex,
    /// Date of birth.
    pub birth: NaiveDate,
    /// Personal number (Kyrgyz citizens only).
    pub pin: Option<String>,
    /// Citizenship.
    pub citizenship: &'static str,
    /// Mobile number, if they have one.
    pub phone: Option<String>,
    /// Home address.
    pub address: String,
    /// Home region (ISO 3166-2).
    pub region: String,
}

/// Draws the individual `id` to `spec`.
pub(crate) fn draw_identity(rng: &mut SynthRng, id: u64, spec: IdentitySpec<'_>) -> Identity {
    let ethnicity = ethnicity_for(rng, spec.citizenship, spec.region);
    let name = generate_name(rng, ethnicity, spec.sex);
    let pin =
        (spec.citizenship == "KG" && chance(rng, 0.97)).then(|| kg_pin(rng, spec.sex, spec.birth));
    let phone = (spec.age >= 12 && chance(rng, 0.85)).then(|| phone(rng, spec.citizenship));
    let address = address(rng, spec.region, spec.region_ru);
    Identity {
        id,
        name,
        sex: spec.sex,
        birth: spec.birth,
        pin,
        citizenship: spec.citizenship,
        phone,
        address,
        region: spec.region.to_owned(),
    }
}
