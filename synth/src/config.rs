//! What the caller decides: seed, size, the fixed "today" and the duplicate rate.

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::SynthError;
use crate::size::Size;

/// The share of individuals recorded by more than one agency when nothing else is said.
pub const DEFAULT_DUPLICATE_RATE: f64 = 0.15;

/// The highest duplicate rate the generator accepts.
pub const MAX_DUPLICATE_RATE: f64 = 0.6;

/// Everything a run depends on: the same config always gives the same data.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Config {
    /// The seed of every random decision.
    pub seed: u64,
    /// How much to generate.
    pub size: Size,
    /// The reference date: nothing happens after it, and cases open in the eight years before.
    pub today: NaiveDate,
    /// Share of individuals recorded by more than one agency (0 to 0.6; default 0.15).
    pub duplicate_rate: f64,
}

impl Config {
    /// A config with the default duplicate rate.
    pub fn new(seed: u64, size: Size, today: NaiveDate) -> Self {
        Self {
            seed,
            size,
            today,
            duplicate_rate: DEFAULT_DUPLICATE_RATE,
        }
    }

    /// The same config with another duplicate rate.
    pub fn with_duplicate_rate(self, duplicate_rate: f64) -> Self {
        Self {
            duplicate_rate,
            ..self
        }
    }

    /// Checks the duplicate rate is within range.
    pub(crate) fn check(&self) -> Result<(), SynthError> {
        if !(0.0..=MAX_DUPLICATE_RATE).contains(&self.duplicate_rate) {
            return Err(SynthError::DuplicateRate(self.duplicate_rate));
        }
        Ok(())
    }
}
