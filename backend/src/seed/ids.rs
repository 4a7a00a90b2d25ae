//! Deterministic ids and times for the rows the generator gives no id of its own (agencies,
//! users, parties, status changes, grants, defendants), and the time of a row from its UUID v7.

use chrono::{DateTime, NaiveDate, NaiveTime, Timelike, Utc};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// A UUID v7 with timestamp `at` and random bits drawn from `parts` (so the same parts give
/// the same id in every run, and ids still sort by time like ones the server mints).
pub(crate) fn derived(at: DateTime<Utc>, parts: &[&[u8]]) -> Uuid {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    let digest = hasher.finalize();
    let mut random = [0u8; 10];
    random.copy_from_slice(&digest[..10]);
    let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
    uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid()
}

/// The time a UUID v7 carries (the generator dates every record's id), at the microsecond
/// precision both databases store.
pub(crate) fn time_of(id: Uuid) -> DateTime<Utc> {
    id.get_timestamp()
        .and_then(|t| {
            let (secs, nanos) = t.to_unix();
            DateTime::from_timestamp(i64::try_from(secs).ok()?, nanos)
        })
        .unwrap_or_default()
}

/// `day` at the time of day of `like` (status changes happen at the hour the case was
/// registered, so every step of a case keeps office hours).
pub(crate) fn on_day(day: NaiveDate, like: DateTime<Utc>) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(like.hour(), like.minute(), like.second())
        .unwrap_or(NaiveTime::MIN);
    day.and_time(time).and_utc()
}

/// `at` plus `n` milliseconds (to keep the rows of one record in order).
pub(crate) fn plus_millis(at: DateTime<Utc>, n: usize) -> DateTime<Utc> {
    at + chrono::Duration::milliseconds(i64::try_from(n).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids_are_stable_and_carry_their_time() {
        let at = DateTime::from_timestamp(1_700_000_000, 123_000_000).unwrap();
        let a = derived(at, &[b"party", &1u32.to_le_bytes()]);
        assert_eq!(a, derived(at, &[b"party", &1u32.to_le_bytes()]));
        assert_ne!(a, derived(at, &[b"party", &2u32.to_le_bytes()]));
        assert_eq!(a.get_version_num(), 7);
        assert_eq!(time_of(a), at);
    }
}
