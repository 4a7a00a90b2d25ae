//! Kyrgyz personal numbers consistent with sex and birth date.

use chrono::{Datelike, NaiveDate};
use korgon_domain::Sex;
use rand::RngExt;

use crate::rng::SynthRng;

/// A 14-digit Kyrgyz PIN as commonly read: the sex digit (1 female, 2 male), the birth date
/// as DDMMYYYY, then five random digits.
pub(crate) fn kg_pin(rng: &mut SynthRng, sex: Sex, birth: NaiveDate) -> String {
    let sex_digit = if sex == Sex::Female { 1 } else { 2 };
    let serial: u32 = rng.random_range(0..100_000);
    format!(
        "{sex_digit}{:02}{:02}{:04}{serial:05}",
        birth.day(),
        birth.month(),
        birth.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{Stream, rng_for};

    #[test]
    fn pins_follow_the_common_reading() {
        let mut rng = rng_for(1, Stream::Episode, 0);
        let birth = NaiveDate::from_ymd_opt(1998, 3, 12).unwrap();
        let pin = kg_pin(&mut rng, Sex::Female, birth);
        assert_eq!(pin.len(), 14);
        assert!(pin.starts_with("112031998"), "{pin}");
        assert!(kg_pin(&mut rng, Sex::Male, birth).starts_with('2'));
    }
}
