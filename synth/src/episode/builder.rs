//! The state an episode writes into: global counters, the output, the ground truth.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use korgon_domain::{AgencyKind, ExploitationForm};

use crate::config::Config;
use crate::ids::{IdKind, record_id};
use crate::model::{
    AssistanceRecord, CourtProceeding, IdentityTruth, PersonRecord, Records, ReferralRecord,
    instances,
};
use crate::people::{Identity, IdentitySpec, draw_identity};
use crate::rng::SynthRng;
use crate::roster::Roster;
use crate::scenario::{ArticlePicker, PersonPlan, RegionPicker, add_days};
use crate::variation::write_record;

/// What every episode of a run shares (read-only).
#[derive(Debug, Clone)]
pub(crate) struct Context {
    /// The run's config.
    pub config: Config,
    /// The agencies.
    pub roster: Roster,
    /// Region weights.
    pub regions: RegionPicker,
    /// Article choice.
    pub articles: ArticlePicker,
    /// Probability that a victim is recorded by a second agency.
    pub victim_duplicate: f64,
    /// Probability that a suspect is recorded by a second agency.
    pub suspect_duplicate: f64,
}

/// Running totals: the next global index of each kind of record.
#[derive(Debug, Clone, Default)]
pub(crate) struct Counters {
    /// Episodes generated.
    pub episodes: u64,
    /// Person records.
    pub persons: u64,
    /// Identities.
    pub identities: u64,
    /// Cases.
    pub cases: u64,
    /// Referrals.
    pub referrals: u64,
    /// Assistance records.
    pub assistance: u64,
    /// Court proceedings.
    pub court: u64,
    /// Case references issued per year.
    references: BTreeMap<i32, u32>,
}

impl Counters {
    /// The next case reference number of `year` (1, 2, …).
    pub(crate) fn next_reference(&mut self, year: i32) -> u32 {
        let n = self.references.entry(year).or_insert(0);
        *n += 1;
        *n
    }
}

/// What a victim suffered, kept as ground truth on each of their records.
#[derive(Debug, Clone, Copy)]
pub(super) struct Victimhood<'a> {
    /// The main form of exploitation.
    pub form: ExploitationForm,
    /// The destination country, if abroad.
    pub destination: Option<&'a str>,
}

/// One episode being written.
pub(super) struct Episode<'a> {
    pub ctx: &'a Context,
    pub counters: &'a mut Counters,
    pub out: &'a mut Records,
    pub rng: SynthRng,
    truths: Vec<IdentityTruth>,
}

impl<'a> Episode<'a> {
    pub(super) fn new(
        ctx: &'a Context,
        counters: &'a mut Counters,
        out: &'a mut Records,
        rng: SynthRng,
    ) -> Self {
        Self {
            ctx,
            counters,
            out,
            rng,
            truths: Vec::new(),
        }
    }

    pub(super) fn today(&self) -> NaiveDate {
        self.ctx.config.today
    }

    pub(super) fn seed(&self) -> u64 {
        self.ctx.config.seed
    }

    /// Draws a new individual for `plan`, aged `plan.age` on `incident`.
    pub(super) fn new_identity(
        &mut self,
        plan: &PersonPlan,
        incident: NaiveDate,
        region: &str,
    ) -> Identity {
        let birth = crate::scenario::birth_for(&mut self.rng, plan.age, incident);
        let region_ru = self.ctx.regions.russian_name(region).to_owned();
        let id = self.counters.identities;
        self.counters.identities += 1;
        self.truths.push(IdentityTruth {
            identity: id,
            persons: Vec::new(),
        });
        let spec = IdentitySpec {
            sex: plan.sex,
            birth,
            age: plan.age,
            citizenship: plan.citizenship,
            region,
            region_ru: &region_ru,
        };
        draw_identity(&mut self.rng, id, spec)
    }

    /// Writes `agency`'s record of `identity`; `vary` for a duplicate. Returns its index.
    /// `victim` carries the form and destination of a victim's exploitation.
    pub(super) fn add_record(
        &mut self,
        identity: &Identity,
        agency: &str,
        registered_on: NaiveDate,
        vary: bool,
        victim: Option<Victimhood<'_>>,
    ) -> u64 {
        let kind = self.ctx.roster.kind_of(agency);
        let (input, variations) = write_record(&mut self.rng, identity, kind, vary);
        let index = self.counters.persons;
        self.counters.persons += 1;
        let registered_on = registered_on.min(self.today());
        self.out.persons.push(PersonRecord {
            index,
            id: record_id(self.seed(), IdKind::Person, index, registered_on),
            identity: identity.id,
            agency: agency.to_owned(),
            registered_on,
            input,
            home_region: identity.region.clone(),
            exploitation: victim.map(|v| v.form),
            destination: victim.and_then(|v| v.destination).map(str::to_owned),
            variations,
        });
        if let Some(truth) = self.truths.iter_mut().find(|t| t.identity == identity.id) {
            truth.persons.push(index);
        }
        index
    }

    /// Person record `index`, when this episode wrote it.
    pub(super) fn record(&self, index: u64) -> Option<&PersonRecord> {
        self.out.persons.iter().rev().find(|p| p.index == index)
    }

    /// The kind of the agency `code`.
    pub(super) fn kind_of(&self, code: &str) -> AgencyKind {
        self.ctx.roster.kind_of(code)
    }

    /// Numbers and stores a referral; returns its index.
    pub(super) fn add_referral(&mut self, mut referral: ReferralRecord) -> u64 {
        let index = self.counters.referrals;
        self.counters.referrals += 1;
        let on = referral.timeline.first().map_or(self.today(), |s| s.on);
        referral.index = index;
        referral.id = record_id(self.seed(), IdKind::Referral, index, on);
        self.out.referrals.push(referral);
        index
    }

    /// Numbers and stores assistance records.
    pub(super) fn add_assistance(&mut self, records: Vec<AssistanceRecord>) {
        for mut record in records {
            let index = self.counters.assistance;
            self.counters.assistance += 1;
            record.index = index;
            // Recorded once its dates are known: there is no route that adds an end date later.
            let recorded_on = record.ended_on.unwrap_or(record.started_on);
            record.id = record_id(self.seed(), IdKind::Assistance, index, recorded_on);
            self.out.assistance.push(record);
        }
    }

    /// Numbers and stores court proceedings (`1-17/2024` at first instance, `22-…` on
    /// appeal, `ВС-…` at the Supreme Court).
    pub(super) fn add_court(&mut self, proceedings: Vec<CourtProceeding>) {
        for mut proceeding in proceedings {
            let index = self.counters.court;
            self.counters.court += 1;
            let prefix = match proceeding.instance {
                instances::APPEAL => "22-",
                instances::SUPREME => "ВС-",
                _ => "1-",
            };
            proceeding.index = index;
            proceeding.id = record_id(self.seed(), IdKind::Court, index, proceeding.decision_on);
            proceeding.court_case_number = format!(
                "{prefix}{}/{}",
                index + 1,
                proceeding.decision_on.format("%Y")
            );
            self.out.court.push(proceeding);
        }
    }

    /// A day `low..=high` days after `from`, never after today.
    pub(super) fn after(&mut self, from: NaiveDate, low: i64, high: i64) -> NaiveDate {
        add_days(from, crate::rng::between(&mut self.rng, low, high)).min(self.today())
    }

    /// Hands the ground truth over to the output.
    pub(super) fn finish(self) {
        self.counters.episodes += 1;
        self.out.identities.extend(self.truths);
    }
}
