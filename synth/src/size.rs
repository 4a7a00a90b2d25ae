//! How much to generate: named sizes for demos and tests, or a number of persons.

use serde::Serialize;

/// How much data to generate. See `docs/synthetic-data.md` for the counts each size gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Size {
    /// 4 cases, about 20 persons: unit tests.
    Tiny,
    /// 70 cases, about 300 persons: a demo to click through.
    Small,
    /// 2,400 cases, about 10,000 persons: a realistic national caseload over eight years.
    Medium,
    /// 100,000 cases, about 420,000 persons: the API benchmark.
    Large,
    /// At least this many persons (the last episode is completed, so a few more).
    Persons(u64),
}

/// When generation stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// After exactly this many cases.
    Cases(u64),
    /// After the episode that brings the person count to at least this.
    Persons(u64),
}

/// The scale of the agency roster: more police units, NGOs, courts and consulates as the
/// dataset grows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// One agency of each kind.
    Tiny,
    /// Bishkek and Osh.
    Small,
    /// Every region.
    Medium,
    /// Every region with several NGOs and consulates.
    Large,
}

impl Size {
    /// When generation stops for this size.
    pub fn target(self) -> Target {
        match self {
            Size::Tiny => Target::Cases(4),
            Size::Small => Target::Cases(70),
            Size::Medium => Target::Cases(2_400),
            Size::Large => Target::Cases(100_000),
            Size::Persons(n) => Target::Persons(n),
        }
    }

    /// The agency roster for this size.
    pub fn scale(self) -> Scale {
        match self {
            Size::Tiny => Scale::Tiny,
            Size::Small => Scale::Small,
            Size::Medium => Scale::Medium,
            Size::Large => Scale::Large,
            Size::Persons(n) if n <= 60 => Scale::Tiny,
            Size::Persons(n) if n <= 2_000 => Scale::Small,
            Size::Persons(n) if n <= 50_000 => Scale::Medium,
            Size::Persons(_) => Scale::Large,
        }
    }
}

impl std::str::FromStr for Size {
    type Err = String;

    /// `tiny`, `small`, `medium`, `large`, or a number of persons (`250000`, `1_000_000`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "tiny" => Ok(Size::Tiny),
            "small" => Ok(Size::Small),
            "medium" => Ok(Size::Medium),
            "large" => Ok(Size::Large),
            other => other
                .replace('_', "")
                .parse::<u64>()
                .ok()
                .filter(|n| *n > 0)
                .map(Size::Persons)
                .ok_or_else(|| {
                    format!(
                        "unknown size `{s}`, expected tiny, small, medium, large or a number of persons"
                    )
                }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse() {
        assert_eq!("Small".parse::<Size>().unwrap(), Size::Small);
        assert_eq!(
            "1_000_000".parse::<Size>().unwrap(),
            Size::Persons(1_000_000)
        );
        assert!("huge".parse::<Size>().is_err());
        assert!("0".parse::<Size>().is_err());
        assert_eq!(Size::Persons(1_000_000).scale(), Scale::Large);
    }
}
