//! Date arithmetic that never panics.

use chrono::{Days, Months, NaiveDate};

/// `date` moved by `days` (negative goes back); unchanged if that leaves the calendar.
pub(crate) fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    let moved = if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    moved.unwrap_or(date)
}

/// `date` moved back by `years` whole years (29 February becomes 28 February).
pub(crate) fn years_before(date: NaiveDate, years: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(years * 12))
        .unwrap_or(date)
}

/// Completed years from `from` to `to` (an age).
#[cfg(test)]
pub(crate) fn years_between(from: NaiveDate, to: NaiveDate) -> i32 {
    use chrono::Datelike;
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    years
}

/// A birth date that makes someone exactly `age` years old on `on`.
pub(crate) fn birth_for(rng: &mut crate::rng::SynthRng, age: u32, on: NaiveDate) -> NaiveDate {
    add_days(years_before(on, age), -crate::rng::between(rng, 0, 364))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{Stream, rng_for};

    #[test]
    fn birth_dates_give_the_exact_age() {
        let mut rng = rng_for(1, Stream::Episode, 0);
        for (y, m, d) in [(2024, 2, 29), (2020, 1, 1), (2019, 12, 31)] {
            let on = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            for age in [0, 1, 14, 17, 18, 45] {
                for _ in 0..50 {
                    assert_eq!(years_between(birth_for(&mut rng, age, on), on), age as i32);
                }
            }
        }
    }
}
