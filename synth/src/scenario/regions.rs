//! Regions weighted by the profile's population, with forced marriage more common in Naryn,
//! Ysyk-Köl, Talas and Chüy, and labour migration more common in the south.

use korgon_domain::{CountryProfile, ExploitationForm};

use crate::rng::{SynthRng, weighted};

/// Picks case regions.
#[derive(Debug, Clone)]
pub(crate) struct RegionPicker {
    /// (code, Russian name, population in thousands).
    regions: Vec<(String, String, u32)>,
}

impl RegionPicker {
    /// A picker over the profile's regions.
    pub(crate) fn new(profile: &CountryProfile) -> Self {
        let regions = profile
            .regions()
            .iter()
            .map(|r| (r.code.clone(), r.ru.clone(), (r.population / 1_000).max(1)))
            .collect();
        Self { regions }
    }

    fn boost(form: ExploitationForm, code: &str) -> u32 {
        use ExploitationForm::*;
        match (form, code) {
            (ForcedMarriage | ChildMarriage, "KG-N" | "KG-Y" | "KG-T" | "KG-C") => 25,
            (ForcedMarriage | ChildMarriage, "KG-GB") => 5,
            (ForcedLabour, "KG-O" | "KG-J" | "KG-B" | "KG-GO") => 15,
            (SexualExploitation, "KG-GB" | "KG-GO") => 18,
            _ => 10,
        }
    }

    /// A region for a case of `form`: its index, code and Russian name.
    pub(crate) fn pick(&self, rng: &mut SynthRng, form: ExploitationForm) -> (usize, &str, &str) {
        let weights: Vec<(usize, u32)> = self
            .regions
            .iter()
            .enumerate()
            .map(|(i, (code, _, population))| (i, population * Self::boost(form, code)))
            .collect();
        let i = weighted(rng, &weights);
        let (code, ru, _) = &self.regions[i];
        (i, code, ru)
    }

    /// The Russian name of the region `code`, if known.
    pub(crate) fn russian_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.regions
            .iter()
            .find(|r| r.0 == code)
            .map_or(code, |r| r.1.as_str())
    }
}
