//! The generator and its stream of batches.

use korgon_domain::CountryProfile;

use crate::config::Config;
use crate::episode::{Context, Counters, generate_episode};
use crate::error::SynthError;
use crate::model::{Agency, Dataset, Records, User};
use crate::roster::{Roster, demo_users};
use crate::scenario::{ArticlePicker, RegionPicker};
use crate::size::Target;

/// Victims are about 47% of individuals and suspects (duplicated a quarter as often) about
/// 34%; this factor turns the wanted share of duplicated individuals into the victims' rate.
const VICTIM_FACTOR: f64 = 1.8;

/// A seeded generator. Cheap to build; generation happens as batches are pulled.
#[derive(Debug, Clone)]
pub struct Generator {
    ctx: Context,
    users: Vec<User>,
}

impl Generator {
    /// A generator for `config` over `profile`, which must be the Kyrgyz one (`kg`).
    pub fn new(profile: &CountryProfile, config: Config) -> Result<Self, SynthError> {
        config.check()?;
        if profile.country() != "KG" || profile.regions().is_empty() {
            return Err(SynthError::UnsupportedProfile(profile.id().to_owned()));
        }
        let roster = Roster::new(config.size.scale());
        let users = demo_users(config.seed, roster.agencies());
        let victim_duplicate = (config.duplicate_rate * VICTIM_FACTOR).min(1.0);
        let ctx = Context {
            config,
            roster,
            regions: RegionPicker::new(profile),
            articles: ArticlePicker::new(profile),
            victim_duplicate,
            suspect_duplicate: victim_duplicate / 4.0,
        };
        Ok(Self { ctx, users })
    }

    /// The config.
    pub fn config(&self) -> &Config {
        &self.ctx.config
    }

    /// The agencies (persist these first).
    pub fn agencies(&self) -> &[Agency] {
        self.ctx.roster.agencies()
    }

    /// The demo users (persist these second; the backend chooses their passwords).
    pub fn users(&self) -> &[User] {
        &self.users
    }

    /// The code of the prosecutor's office that handles the cases of `region` (an ISO 3166-2
    /// code): the one a backend shares a case with when it is sent to the prosecutor.
    pub fn prosecutor_for(&self, region: &str) -> &str {
        self.ctx.roster.prosecutor_for(region)
    }

    /// The records in batches of about `batch_size` persons (a batch ends with the episode
    /// that reaches the size). The concatenated batches are identical for every batch size.
    pub fn batches(&self, batch_size: usize) -> Batches<'_> {
        Batches {
            generator: self,
            counters: Counters::default(),
            batch_size: batch_size.max(1),
        }
    }

    /// Calls `persist` with each batch in turn, stopping at the first error.
    pub fn for_each_batch<E>(
        &self,
        batch_size: usize,
        mut persist: impl FnMut(Records) -> Result<(), E>,
    ) -> Result<(), E> {
        self.batches(batch_size).try_for_each(&mut persist)
    }

    /// Everything at once, for small sizes.
    pub fn dataset(&self) -> Dataset {
        let mut records = Records::default();
        for batch in self.batches(usize::MAX) {
            records.extend(batch);
        }
        Dataset {
            config: self.ctx.config,
            agencies: self.agencies().to_vec(),
            users: self.users.clone(),
            records,
        }
    }

    fn done(&self, counters: &Counters) -> bool {
        match self.ctx.config.size.target() {
            Target::Cases(n) => counters.cases >= n,
            Target::Persons(n) => counters.persons >= n,
        }
    }
}

/// The batches of a run, in order.
#[derive(Debug)]
pub struct Batches<'a> {
    generator: &'a Generator,
    counters: Counters,
    batch_size: usize,
}

impl Iterator for Batches<'_> {
    type Item = Records;

    fn next(&mut self) -> Option<Records> {
        let mut out = Records::default();
        while !self.generator.done(&self.counters) && out.persons.len() < self.batch_size {
            let episode = self.counters.episodes;
            generate_episode(&self.generator.ctx, episode, &mut self.counters, &mut out);
        }
        (!out.is_empty()).then_some(out)
    }
}

/// Generates a whole dataset in memory: `Generator::new(profile, config)?.dataset()`.
pub fn generate(profile: &CountryProfile, config: Config) -> Result<Dataset, SynthError> {
    Ok(Generator::new(profile, config)?.dataset())
}
