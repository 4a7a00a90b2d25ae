//! Who is involved in a case: victims' sex and age by form (many 14–30, labour migrants
//! 18–45, some minors), suspects (older, mostly men for sexual exploitation and bride
//! kidnapping), a witness or a reporting relative now and then.

use korgon_domain::ExploitationForm::{self, *};
use korgon_domain::{PartyRole, Sex};

use crate::rng::{SynthRng, between, chance, weighted};

/// One person the case needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PersonPlan {
    /// Their role.
    pub role: PartyRole,
    /// Female or male.
    pub sex: Sex,
    /// Age in years when the exploitation began.
    pub age: u32,
    /// Citizenship.
    pub citizenship: &'static str,
    /// For suspects: their relation to the victim (in Russian).
    pub relation: Option<&'static str>,
}

fn sex(rng: &mut SynthRng, female_share: f64) -> Sex {
    if chance(rng, female_share) {
        Sex::Female
    } else {
        Sex::Male
    }
}

fn range(rng: &mut SynthRng, table: &[((i64, i64), u32)]) -> u32 {
    let (low, high) = weighted(rng, table);
    u32::try_from(between(rng, low, high)).unwrap_or(0)
}

fn victim_age(rng: &mut SynthRng, form: ExploitationForm) -> u32 {
    match form {
        ForcedLabour => range(
            rng,
            &[
                ((16, 17), 3),
                ((18, 25), 35),
                ((26, 35), 42),
                ((36, 45), 17),
                ((46, 55), 3),
            ],
        ),
        SexualExploitation => range(
            rng,
            &[
                ((14, 17), 12),
                ((18, 24), 50),
                ((25, 30), 30),
                ((31, 40), 8),
            ],
        ),
        ForcedMarriage => range(
            rng,
            &[
                ((15, 17), 12),
                ((18, 22), 55),
                ((23, 27), 25),
                ((28, 35), 8),
            ],
        ),
        ChildMarriage => range(rng, &[((13, 15), 25), ((16, 17), 75)]),
        Begging => range(rng, &[((6, 14), 60), ((18, 59), 25), ((60, 75), 15)]),
        ForcedCriminality => range(rng, &[((15, 17), 20), ((18, 30), 80)]),
        ChildSaleAdoption => range(rng, &[((0, 1), 100)]),
        _ => range(rng, &[((18, 45), 100)]),
    }
}

fn victim_female_share(form: ExploitationForm) -> f64 {
    match form {
        ForcedLabour => 0.38,
        SexualExploitation => 0.95,
        ForcedMarriage | ChildMarriage => 1.0,
        ForcedCriminality => 0.3,
        OrganRemoval | ForcedMilitary => 0.4,
        _ => 0.5,
    }
}

fn victim_count(rng: &mut SynthRng, form: ExploitationForm) -> usize {
    match form {
        ForcedLabour => weighted(rng, &[(1, 55), (2, 20), (3, 12), (4, 8), (5, 5)]),
        SexualExploitation => weighted(rng, &[(1, 75), (2, 18), (3, 7)]),
        Begging => weighted(rng, &[(1, 60), (2, 25), (3, 15)]),
        ForcedCriminality => weighted(rng, &[(1, 80), (2, 20)]),
        _ => 1,
    }
}

fn citizenship(rng: &mut SynthRng, foreign_share: u32) -> &'static str {
    weighted(
        rng,
        &[
            ("KG", 100 - foreign_share),
            ("UZ", foreign_share / 2),
            ("TJ", foreign_share / 4),
            ("KZ", foreign_share / 4),
        ],
    )
}

/// The victims of a case of `form` (1 to 5).
pub(crate) fn victim_plans(rng: &mut SynthRng, form: ExploitationForm) -> Vec<PersonPlan> {
    let count = victim_count(rng, form);
    (0..count)
        .map(|_| PersonPlan {
            role: PartyRole::Victim,
            sex: sex(rng, victim_female_share(form)),
            age: victim_age(rng, form),
            citizenship: citizenship(rng, 8),
            relation: None,
        })
        .collect()
}

fn suspect(
    rng: &mut SynthRng,
    female_share: f64,
    ages: (i64, i64),
    relation: &'static str,
) -> PersonPlan {
    PersonPlan {
        role: PartyRole::Suspect,
        sex: sex(rng, female_share),
        age: u32::try_from(between(rng, ages.0, ages.1)).unwrap_or(30),
        citizenship: citizenship(rng, 12),
        relation: Some(relation),
    }
}

/// The suspects of a case of `form` (none when nobody was identified).
pub(crate) fn suspect_plans(rng: &mut SynthRng, form: ExploitationForm) -> Vec<PersonPlan> {
    let count: usize = match form {
        ForcedMarriage => weighted(rng, &[(1, 40), (2, 40), (3, 20)]),
        ChildMarriage => weighted(rng, &[(1, 50), (2, 50)]),
        ForcedLabour => weighted(rng, &[(0, 20), (1, 50), (2, 25), (3, 5)]),
        SexualExploitation => weighted(rng, &[(0, 15), (1, 55), (2, 30)]),
        Begging | ForcedCriminality | OrganRemoval | ForcedMilitary | Other => {
            weighted(rng, &[(0, 35), (1, 55), (2, 10)])
        }
        ChildSaleAdoption => weighted(rng, &[(1, 60), (2, 40)]),
    };
    (0..count)
        .map(|i| match (form, i) {
            (ForcedMarriage, 0) => suspect(rng, 0.0, (20, 38), "жених"),
            (ForcedMarriage, _) => {
                let relation = weighted(
                    rng,
                    &[
                        ("родственник жениха", 5),
                        ("друг жениха", 3),
                        ("мать жениха", 2),
                    ],
                );
                let female = if relation == "мать жениха" {
                    1.0
                } else {
                    0.0
                };
                suspect(
                    rng,
                    female,
                    if female > 0.5 { (40, 65) } else { (18, 60) },
                    relation,
                )
            }
            (ChildMarriage, 0) => suspect(rng, 0.0, (18, 45), "муж"),
            (ChildMarriage, _) => {
                let relation = weighted(rng, &[("отец потерпевшей", 1), ("мать потерпевшей", 1)]);
                let female = if relation == "мать потерпевшей" {
                    1.0
                } else {
                    0.0
                };
                suspect(rng, female, (32, 60), relation)
            }
            (ForcedLabour, _) => {
                let relation = weighted(
                    rng,
                    &[
                        ("вербовщик", 5),
                        ("работодатель", 4),
                        ("посредник", 2),
                        ("знакомый", 2),
                    ],
                );
                suspect(rng, 0.3, (24, 58), relation)
            }
            (SexualExploitation, _) => {
                let relation = weighted(
                    rng,
                    &[
                        ("вербовщица", 4),
                        ("сутенёр", 4),
                        ("знакомый", 2),
                        ("владелец заведения", 2),
                    ],
                );
                let female = if relation == "вербовщица" {
                    1.0
                } else {
                    0.1
                };
                suspect(rng, female, (22, 50), relation)
            }
            (ChildSaleAdoption, _) => {
                let relation = weighted(
                    rng,
                    &[("мать ребёнка", 3), ("посредник", 3), ("покупатель", 2)],
                );
                suspect(
                    rng,
                    if relation == "мать ребёнка" {
                        1.0
                    } else {
                        0.4
                    },
                    (20, 50),
                    relation,
                )
            }
            _ => {
                let relation = weighted(
                    rng,
                    &[("организатор", 3), ("родственник", 2), ("знакомый", 2)],
                );
                suspect(rng, 0.25, (22, 55), relation)
            }
        })
        .collect()
}

/// A witness or a reporting relative, sometimes.
pub(crate) fn witness_plan(rng: &mut SynthRng) -> Vec<PersonPlan> {
    let mut plans = Vec::new();
    if chance(rng, 0.3) {
        plans.push(PersonPlan {
            role: PartyRole::Witness,
            sex: sex(rng, 0.5),
            age: u32::try_from(between(rng, 19, 62)).unwrap_or(30),
            citizenship: "KG",
            relation: None,
        });
    }
    if chance(rng, 0.35) {
        plans.push(PersonPlan {
            role: PartyRole::Reporter,
            sex: sex(rng, 0.7),
            age: u32::try_from(between(rng, 38, 66)).unwrap_or(45),
            citizenship: "KG",
            relation: None,
        });
    }
    plans
}
