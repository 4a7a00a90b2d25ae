//! Which naming tradition a person follows, weighted by region and citizenship.

use serde::Serialize;

use crate::rng::{SynthRng, weighted};

/// The naming tradition of a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ethnicity {
    /// Kyrgyz names (the majority).
    Kyrgyz,
    /// Uzbek names (many in the south).
    Uzbek,
    /// Russian names (Chüy, Bishkek).
    Russian,
    /// Tajik names (Batken, and Tajik citizens).
    Tajik,
    /// Kazakh names (Talas, Chüy, and Kazakh citizens).
    Kazakh,
    /// Dungan names (Chüy).
    Dungan,
}

use Ethnicity::*;

/// The mix of naming traditions among citizens living in `region`.
fn ethnicity_weights(region: &str) -> &'static [(Ethnicity, u32)] {
    match region {
        "KG-O" | "KG-GO" | "KG-J" => &[
            (Kyrgyz, 66),
            (Uzbek, 30),
            (Russian, 1),
            (Tajik, 1),
            (Kazakh, 1),
            (Dungan, 1),
        ],
        "KG-B" => &[
            (Kyrgyz, 76),
            (Uzbek, 14),
            (Tajik, 8),
            (Russian, 1),
            (Kazakh, 1),
        ],
        "KG-C" => &[
            (Kyrgyz, 66),
            (Russian, 18),
            (Dungan, 6),
            (Uzbek, 4),
            (Kazakh, 4),
            (Tajik, 2),
        ],
        "KG-GB" => &[
            (Kyrgyz, 70),
            (Russian, 18),
            (Uzbek, 4),
            (Dungan, 3),
            (Kazakh, 3),
            (Tajik, 2),
        ],
        "KG-T" => &[(Kyrgyz, 90), (Kazakh, 5), (Russian, 3), (Uzbek, 2)],
        _ => &[(Kyrgyz, 93), (Russian, 4), (Kazakh, 2), (Uzbek, 1)],
    }
}

/// The naming tradition of a person with `citizenship` living in (or recruited from)
/// `region`.
pub(crate) fn ethnicity_for(rng: &mut SynthRng, citizenship: &str, region: &str) -> Ethnicity {
    match citizenship {
        "UZ" => Uzbek,
        "TJ" => Tajik,
        "KZ" => weighted(rng, &[(Kazakh, 85), (Russian, 15)]),
        "RU" => weighted(rng, &[(Russian, 90), (Kyrgyz, 10)]),
        _ => weighted(rng, ethnicity_weights(region)),
    }
}
