//! One demo user per role per agency where the role fits the agency's kind.

use korgon_domain::{AgencyKind, Role, Sex};
use rand::RngExt;

use crate::model::{Agency, User};
use crate::names::{Ethnicity, generate_name};
use crate::rng::{Stream, rng_for, weighted};

/// The roles a demo agency of `kind` gets users for. Besides these, the first ministry gets
/// the one `admin` and the first prosecutor's office the one `auditor`.
///
/// | kind | roles |
/// |---|---|
/// | police | investigator |
/// | prosecutor | prosecutor (+ auditor at the first) |
/// | ngo, shelter, consulate | ngo_worker |
/// | ministry | analyst (+ admin at the first) |
/// | court, other | none |
pub fn role_mapping(kind: AgencyKind) -> &'static [Role] {
    match kind {
        AgencyKind::Police => &[Role::Investigator],
        AgencyKind::Prosecutor => &[Role::Prosecutor],
        AgencyKind::Ngo | AgencyKind::Shelter | AgencyKind::Consulate => &[Role::NgoWorker],
        AgencyKind::Ministry => &[Role::Analyst],
        AgencyKind::Court | AgencyKind::Other => &[],
    }
}

/// The demo users of `agencies`, with display names drawn from `seed`.
pub(crate) fn demo_users(seed: u64, agencies: &[Agency]) -> Vec<User> {
    let mut roles: Vec<(Role, &Agency)> = Vec::new();
    for agency in agencies {
        roles.extend(role_mapping(agency.kind).iter().map(|r| (*r, agency)));
    }
    let first = |kind| agencies.iter().find(|a| a.kind == kind);
    if let Some(ministry) = first(AgencyKind::Ministry) {
        roles.push((Role::Admin, ministry));
    }
    if let Some(prosecutor) = first(AgencyKind::Prosecutor) {
        roles.push((Role::Auditor, prosecutor));
    }
    roles
        .into_iter()
        .enumerate()
        .map(|(i, (role, agency))| {
            let mut rng = rng_for(seed, Stream::User, i as u64);
            let sex = if rng.random_bool(0.5) {
                Sex::Female
            } else {
                Sex::Male
            };
            let ethnicity = weighted(
                &mut rng,
                &[
                    (Ethnicity::Kyrgyz, 8),
                    (Ethnicity::Russian, 1),
                    (Ethnicity::Uzbek, 1),
                ],
            );
            let name = generate_name(&mut rng, ethnicity, sex);
            User {
                username: format!(
                    "{}.{}",
                    role.as_str().replace('_', "-"),
                    agency.code.to_ascii_lowercase()
                ),
                display_name: format!("{} {}", name.given, name.family),
                role,
                agency: agency.code.clone(),
            }
        })
        .collect()
}
