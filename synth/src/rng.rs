//! Per-record random streams.
//!
//! Every random decision is drawn from a ChaCha8 generator keyed by `(seed, stream, index)`:
//! the seed of the run, the kind of thing being generated and its position in the sequence of
//! such things. Two runs with one seed therefore produce the same records whatever the batch
//! size, and record `i` never depends on how many records were drawn before it in a batch.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The generator every module draws from.
pub(crate) type SynthRng = ChaCha8Rng;

/// What a random stream is for; part of the key so that streams never overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stream {
    /// One episode (a case or an NGO contact, with everyone and everything in it).
    Episode,
    /// Display names of demo users.
    User,
    /// The random bits of a record's UUID (with the record kind as sub-stream).
    Id(u8),
    /// The rows of a legacy spreadsheet (with the sheet kind as sub-stream).
    Sheet(u8),
}

impl Stream {
    fn key(self) -> u64 {
        match self {
            Stream::Episode => 1,
            Stream::User => 2,
            Stream::Id(kind) => 0x100 | u64::from(kind),
            Stream::Sheet(kind) => 0x200 | u64::from(kind),
        }
    }
}

/// The generator for record `index` of `stream` in the run seeded with `seed`.
///
/// The 256-bit ChaCha key is the three numbers side by side (plus a constant tag), so distinct
/// `(seed, stream, index)` triples always give distinct, independent streams.
pub(crate) fn rng_for(seed: u64, stream: Stream, index: u64) -> SynthRng {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    key[8..16].copy_from_slice(&stream.key().to_le_bytes());
    key[16..24].copy_from_slice(&index.to_le_bytes());
    key[24..].copy_from_slice(b"korgon-s");
    ChaCha8Rng::from_seed(key)
}

/// One element of a non-empty table, uniformly.
pub(crate) fn pick<'a, T>(rng: &mut SynthRng, table: &'a [T]) -> &'a T {
    &table[rng.random_range(0..table.len())]
}

/// A copy of one element of a non-empty table, uniformly.
pub(crate) fn pick_copy<T: Copy>(rng: &mut SynthRng, table: &[T]) -> T {
    *pick(rng, table)
}

/// One element of a non-empty weighted table.
pub(crate) fn weighted<T: Copy>(rng: &mut SynthRng, table: &[(T, u32)]) -> T {
    let total: u64 = table.iter().map(|(_, w)| u64::from(*w)).sum();
    let mut roll = rng.random_range(0..total.max(1));
    for (item, w) in table {
        let w = u64::from(*w);
        if roll < w {
            return *item;
        }
        roll -= w;
    }
    table[table.len() - 1].0
}

/// True with probability `p` (clamped to 0..=1).
pub(crate) fn chance(rng: &mut SynthRng, p: f64) -> bool {
    rng.random_bool(p.clamp(0.0, 1.0))
}

/// A whole number in `low..=high`.
pub(crate) fn between(rng: &mut SynthRng, low: i64, high: i64) -> i64 {
    if high <= low {
        low
    } else {
        rng.random_range(low..=high)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    #[test]
    fn streams_depend_on_every_part_of_the_key() {
        let a = rng_for(1, Stream::Episode, 7).next_u64();
        assert_eq!(a, rng_for(1, Stream::Episode, 7).next_u64());
        assert_ne!(a, rng_for(2, Stream::Episode, 7).next_u64());
        assert_ne!(a, rng_for(1, Stream::User, 7).next_u64());
        assert_ne!(a, rng_for(1, Stream::Episode, 8).next_u64());
        assert_ne!(
            rng_for(1, Stream::Id(1), 0).next_u64(),
            rng_for(1, Stream::Id(2), 0).next_u64()
        );
    }

    #[test]
    fn weighted_never_picks_a_zero_weight() {
        let mut rng = rng_for(3, Stream::Episode, 0);
        for _ in 0..1_000 {
            assert_ne!(weighted(&mut rng, &[("a", 3), ("b", 0), ("c", 1)]), "b");
        }
    }
}
