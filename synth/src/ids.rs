//! Deterministic record ids: UUID v7 whose timestamp is the record's own date (during office
//! hours) and whose random bits come from the seed, so the same seed gives the same ids and
//! ids still sort roughly by time like ones the backend would mint.

use chrono::NaiveDate;
use rand::{Rng, RngExt};
use uuid::Uuid;

use crate::rng::{Stream, rng_for};

/// The kinds of records that get ids; each draws from its own stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IdKind {
    /// A person record.
    Person = 1,
    /// A case.
    Case = 2,
    /// A referral.
    Referral = 3,
    /// An assistance record.
    Assistance = 4,
    /// A court proceeding.
    Court = 5,
}

/// The id of record `index` of `kind`, dated `on`.
pub(crate) fn record_id(seed: u64, kind: IdKind, index: u64, on: NaiveDate) -> Uuid {
    let mut rng = rng_for(seed, Stream::Id(kind as u8), index);
    let mut random = [0u8; 10];
    rng.fill_bytes(&mut random);
    let midnight = on
        .and_hms_opt(0, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp_millis());
    let office_hours: i64 = rng.random_range(8 * 3_600_000..18 * 3_600_000);
    let millis = u64::try_from(midnight + office_hours).unwrap_or(0);
    uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_v7_deterministic_and_distinct() {
        let day = NaiveDate::from_ymd_opt(2024, 3, 2).unwrap();
        let a = record_id(1, IdKind::Person, 5, day);
        assert_eq!(a.get_version_num(), 7);
        assert_eq!(a, record_id(1, IdKind::Person, 5, day));
        assert_ne!(a, record_id(1, IdKind::Person, 6, day));
        assert_ne!(a, record_id(1, IdKind::Case, 5, day));
        assert_ne!(a, record_id(2, IdKind::Person, 5, day));
    }
}
