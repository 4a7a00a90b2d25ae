//! Telephone numbers and addresses (protected fields).

use rand::RngExt;

use super::places::{settlement, street};
use crate::rng::{SynthRng, pick, weighted};

const KG_OPERATORS: &[u32] = &[
    550, 551, 552, 555, 557, 559, 700, 701, 703, 705, 707, 709, 770, 772, 775, 777, 779, 220, 222,
    227, 500, 505, 990, 995, 998,
];

/// A mobile number for a holder of `citizenship`, written in one of the ways people write
/// them (`+996 555 12 34 56`, `0555 123 456`, `+996 (700) 12-34-56`).
pub(crate) fn phone(rng: &mut SynthRng, citizenship: &str) -> String {
    let a: u32 = rng.random_range(0..100);
    let b: u32 = rng.random_range(0..100);
    let c: u32 = rng.random_range(0..100);
    let hundreds: u32 = rng.random_range(100..1000);
    match citizenship {
        "UZ" => format!(
            "+998 {} {hundreds} {a:02} {b:02}",
            pick(rng, &[90, 91, 93, 94, 97, 99])
        ),
        "TJ" => format!(
            "+992 {} {hundreds} {b:02}{c:02}",
            pick(rng, &[90, 92, 93, 98])
        ),
        "KZ" => format!(
            "+7 {} {hundreds} {a:02} {b:02}",
            pick(rng, &[701, 702, 705, 707, 747, 777])
        ),
        _ => {
            let operator = pick(rng, KG_OPERATORS);
            match weighted(rng, &[(0, 5), (1, 3), (2, 2)]) {
                0 => format!("+996 {operator} {a:02} {b:02} {c:02}"),
                1 => format!("0{operator} {hundreds} {a:02}{}", c % 10),
                _ => format!("+996 ({operator}) {a:02}-{b:02}-{c:02}"),
            }
        }
    }
}

/// A plausible address in `region` (`region_ru` is its Russian name).
pub(crate) fn address(rng: &mut SynthRng, region: &str, region_ru: &str) -> String {
    let place = settlement(rng, region);
    let house: u32 = rng.random_range(1..120);
    match region {
        "KG-GB" | "KG-GO" => {
            let city = if region == "KG-GB" {
                "г. Бишкек"
            } else {
                "г. Ош"
            };
            if rng.random_bool(0.5) {
                let flat: u32 = rng.random_range(1..90);
                format!("{city}, {place}, д. {house}, кв. {flat}")
            } else {
                format!("{city}, {}, д. {house}", street(rng))
            }
        }
        _ => format!("{region_ru}, {place}, {}, д. {house}", street(rng)),
    }
}
