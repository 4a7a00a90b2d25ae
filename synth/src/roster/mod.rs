//! The demo agencies and their users, and how the scenario finds the right agency (the
//! police unit of a region, the nearest shelter, the consulate in a destination country).

mod table;
mod users;

pub(crate) use table::CourtLevel;
pub(crate) use users::demo_users;
pub use users::role_mapping;

use korgon_domain::AgencyKind;
use rand::RngExt;

use crate::model::Agency;
use crate::rng::{SynthRng, pick, pick_copy};
use crate::size::Scale;
use table::{AGENCIES, AgencyDef};

/// The agencies of one size, with indexes by kind.
#[derive(Debug, Clone)]
pub(crate) struct Roster {
    defs: Vec<&'static AgencyDef>,
    agencies: Vec<Agency>,
}

/// Regions served from Osh when they have no police unit, court or prosecutor of their own.
const SOUTH: &[&str] = &["KG-O", "KG-GO", "KG-J", "KG-B"];

impl Roster {
    /// The roster for `scale`: every agency of that scale or a smaller one.
    pub(crate) fn new(scale: Scale) -> Self {
        let defs: Vec<&'static AgencyDef> = AGENCIES.iter().filter(|d| d.scale <= scale).collect();
        let agencies = defs.iter().map(|d| d.agency()).collect();
        Self { defs, agencies }
    }

    /// Every agency.
    pub(crate) fn agencies(&self) -> &[Agency] {
        &self.agencies
    }

    fn of_kind(&self, kind: AgencyKind) -> impl Iterator<Item = &'static AgencyDef> + '_ {
        self.defs.iter().copied().filter(move |d| d.kind == kind)
    }

    /// The agency of `kind` in `region`, else the one serving its half of the country
    /// (Osh for the south), else the first of that kind. Every kind exists at every scale.
    fn regional(
        &self,
        kind: AgencyKind,
        region: &str,
        level: Option<CourtLevel>,
    ) -> &'static AgencyDef {
        let fits = |d: &&'static AgencyDef| level.is_none_or(|l| d.court_level == Some(l));
        let candidates: Vec<&'static AgencyDef> = self.of_kind(kind).filter(fits).collect();
        let hub = if SOUTH.contains(&region) {
            "KG-GO"
        } else {
            "KG-GB"
        };
        candidates
            .iter()
            .find(|d| d.region == Some(region))
            .or_else(|| candidates.iter().find(|d| d.region == Some(hub)))
            .or_else(|| candidates.first())
            .copied()
            .unwrap_or_else(|| self.first_of(kind))
    }

    fn first_of(&self, kind: AgencyKind) -> &'static AgencyDef {
        self.of_kind(kind).next().unwrap_or(&AGENCIES[0])
    }

    /// The police unit that investigates a case in `region`.
    pub(crate) fn police_for(&self, region: &str) -> &'static str {
        self.regional(AgencyKind::Police, region, None).code
    }

    /// Another police unit than `not` (a suspect known to two units), if there is one.
    pub(crate) fn other_police(&self, rng: &mut SynthRng, not: &str) -> &'static str {
        let others: Vec<&'static str> = self
            .of_kind(AgencyKind::Police)
            .map(|d| d.code)
            .filter(|c| *c != not)
            .collect();
        if others.is_empty() {
            self.first_of(AgencyKind::Prosecutor).code
        } else {
            pick_copy(rng, &others)
        }
    }

    /// The prosecutor's office for `region`.
    pub(crate) fn prosecutor_for(&self, region: &str) -> &'static str {
        self.regional(AgencyKind::Prosecutor, region, None).code
    }

    /// The court of `level` for `region` (any court when the roster has none of that level).
    pub(crate) fn court_for(&self, region: &str, level: CourtLevel) -> &'static str {
        let has_level = self
            .of_kind(AgencyKind::Court)
            .any(|d| d.court_level == Some(level));
        self.regional(AgencyKind::Court, region, has_level.then_some(level))
            .code
    }

    /// An agency of `kind` (NGO or shelter), preferring `region` two times in three.
    pub(crate) fn near(&self, rng: &mut SynthRng, kind: AgencyKind, region: &str) -> &'static str {
        let all: Vec<&'static AgencyDef> = self.of_kind(kind).collect();
        let local = self.regional(kind, region, None);
        if all.len() <= 1 || rng.random_bool(0.67) {
            local.code
        } else {
            pick(rng, &all).code
        }
    }

    /// Another NGO than `not`, if there is one.
    pub(crate) fn other_ngo(&self, rng: &mut SynthRng, not: &str) -> Option<&'static str> {
        let others: Vec<&'static str> = self
            .of_kind(AgencyKind::Ngo)
            .map(|d| d.code)
            .filter(|c| *c != not)
            .collect();
        (!others.is_empty()).then(|| pick_copy(rng, &others))
    }

    /// The consulate serving `country`, else the first consulate.
    pub(crate) fn consulate_for(&self, country: &str) -> &'static str {
        self.of_kind(AgencyKind::Consulate)
            .find(|d| d.serves.contains(&country))
            .unwrap_or_else(|| self.first_of(AgencyKind::Consulate))
            .code
    }

    /// The region of the agency with `code` (Bishkek for agencies abroad).
    pub(crate) fn region_of(&self, code: &str) -> String {
        self.defs
            .iter()
            .find(|d| d.code == code)
            .and_then(|d| d.region)
            .unwrap_or("KG-GB")
            .to_owned()
    }

    /// The kind of the agency with `code`.
    pub(crate) fn kind_of(&self, code: &str) -> AgencyKind {
        self.defs
            .iter()
            .find(|d| d.code == code)
            .map_or(AgencyKind::Other, |d| d.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use korgon_domain::AgencyCode;

    #[test]
    fn every_scale_has_every_kind_and_valid_codes() {
        for scale in [Scale::Tiny, Scale::Small, Scale::Medium, Scale::Large] {
            let roster = Roster::new(scale);
            for kind in AgencyKind::ALL {
                assert!(
                    roster.agencies().iter().any(|a| a.kind == kind),
                    "{scale:?} {kind:?}"
                );
            }
            for agency in roster.agencies() {
                assert_eq!(
                    AgencyCode::parse("code", &agency.code).unwrap().as_str(),
                    agency.code
                );
            }
        }
        assert!(
            Roster::new(Scale::Large).agencies().len() > Roster::new(Scale::Small).agencies().len()
        );
    }

    #[test]
    fn regions_find_their_units() {
        let roster = Roster::new(Scale::Tiny);
        assert_eq!(roster.police_for("KG-N"), "MVD-BISHKEK");
        let roster = Roster::new(Scale::Medium);
        assert_eq!(roster.police_for("KG-N"), "UVD-NARYN");
        assert_eq!(roster.consulate_for("TR"), "CONSUL-ISTANBUL");
    }
}
