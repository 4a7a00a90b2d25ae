//! Criminal-code articles chosen from the profile's own data, by the edition in force on the
//! day the case opened: the 2021 code from 2022, the 2017 code for 2019–2021, the 1997 code
//! before. An article is recognised by its English title (trafficking, forced labour,
//! prostitution, abduction for marriage…); a form the profile has no article for falls back
//! to the edition's trafficking article, and to none if even that is missing. No article
//! number is written here.

use chrono::NaiveDate;
use korgon_domain::ExploitationForm::{self, *};
use korgon_domain::{ArticleInput, CountryProfile};

use crate::rng::{SynthRng, chance};

/// An article the picker may cite.
#[derive(Debug, Clone)]
struct Def {
    article: String,
    parts: u8,
}

/// The articles of one edition, sorted by what they punish.
#[derive(Debug, Clone, Default)]
struct Edition {
    year: u16,
    in_force: Option<NaiveDate>,
    trafficking: Option<Def>,
    child_trafficking: Option<Def>,
    forced_labour: Option<Def>,
    prostitution: Option<Def>,
    brothel: Option<Def>,
    abduction_for_marriage: Option<Def>,
    coercion_to_marry: Option<Def>,
    marriage_of_minor: Option<Def>,
}

/// The day an edition began to apply to new cases: the brief's reading for the known
/// Kyrgyz codes (2021 → 2022, 2017 → 2019), else the year after adoption.
fn in_force(year: u16) -> Option<NaiveDate> {
    let from = match year {
        2017 => 2019,
        other => i32::from(other) + 1,
    };
    NaiveDate::from_ymd_opt(from, 1, 1)
}

impl Edition {
    fn classify(year: u16, defs: &[korgon_domain::profile::ArticleDef]) -> Self {
        let mut edition = Edition {
            year,
            in_force: in_force(year),
            ..Edition::default()
        };
        for def in defs {
            let en = def.en.to_lowercase();
            let slot = if def.trafficking && en.contains("trafficking") && en.contains("child") {
                &mut edition.child_trafficking
            } else if def.trafficking && en.contains("trafficking") {
                &mut edition.trafficking
            } else if en.contains("forced labour") || en.contains("forced labor") {
                &mut edition.forced_labour
            } else if en.contains("brothel") {
                &mut edition.brothel
            } else if en.contains("prostitution") {
                &mut edition.prostitution
            } else if en.contains("marr")
                && (en.contains("under 18") || en.contains("minor") || en.contains("child"))
            {
                &mut edition.marriage_of_minor
            } else if en.contains("marr") && en.contains("abduct") {
                &mut edition.abduction_for_marriage
            } else if en.contains("marr") && en.contains("coerc") {
                &mut edition.coercion_to_marry
            } else {
                continue;
            };
            if slot.is_none() {
                *slot = Some(Def {
                    article: def.article.clone(),
                    parts: def.parts,
                });
            }
        }
        edition
    }
}

/// Picks the articles of a case.
#[derive(Debug, Clone)]
pub(crate) struct ArticlePicker {
    /// Newest first.
    editions: Vec<Edition>,
}

impl ArticlePicker {
    /// A picker over the profile's editions.
    pub(crate) fn new(profile: &CountryProfile) -> Self {
        let mut editions: Vec<Edition> = profile
            .editions()
            .iter()
            .map(|e| Edition::classify(e.year, &e.articles))
            .collect();
        editions.sort_by_key(|e| std::cmp::Reverse(e.year));
        Self { editions }
    }

    fn edition_on(&self, date: NaiveDate) -> Option<&Edition> {
        self.editions
            .iter()
            .find(|e| e.in_force.is_some_and(|d| d <= date))
            .or_else(|| self.editions.last())
    }

    /// The articles for a case opened on `opened_on`. `minor` when a victim is under 18,
    /// `aggravated` for several victims or a border crossed.
    pub(crate) fn pick(
        &self,
        rng: &mut SynthRng,
        forms: &[ExploitationForm],
        opened_on: NaiveDate,
        minor: bool,
        aggravated: bool,
    ) -> Vec<ArticleInput> {
        let Some(edition) = self.edition_on(opened_on) else {
            return Vec::new();
        };
        let trafficking = if minor {
            edition
                .child_trafficking
                .as_ref()
                .or(edition.trafficking.as_ref())
        } else {
            edition.trafficking.as_ref()
        };
        let mut chosen: Vec<&Def> = Vec::new();
        for form in forms {
            match form {
                ForcedMarriage | ChildMarriage => {
                    let minor_article = if *form == ChildMarriage || minor {
                        edition.marriage_of_minor.as_ref()
                    } else {
                        None
                    };
                    let marriage = if chance(rng, 0.75) {
                        edition
                            .abduction_for_marriage
                            .as_ref()
                            .or(edition.coercion_to_marry.as_ref())
                    } else {
                        edition
                            .coercion_to_marry
                            .as_ref()
                            .or(edition.abduction_for_marriage.as_ref())
                    };
                    chosen.extend(minor_article.or(marriage).or(trafficking));
                }
                ForcedLabour => {
                    let labour = edition.forced_labour.as_ref().filter(|_| chance(rng, 0.5));
                    if labour.is_none() || chance(rng, 0.6) {
                        chosen.extend(trafficking);
                    }
                    chosen.extend(labour);
                }
                SexualExploitation => {
                    if chance(rng, 0.8) {
                        chosen.extend(trafficking);
                    }
                    chosen.extend(edition.prostitution.as_ref().filter(|_| chance(rng, 0.4)));
                    chosen.extend(edition.brothel.as_ref().filter(|_| chance(rng, 0.1)));
                    if chosen.is_empty() {
                        chosen.extend(trafficking.or(edition.prostitution.as_ref()));
                    }
                }
                _ => chosen.extend(trafficking),
            }
        }
        let mut articles: Vec<ArticleInput> = Vec::new();
        for def in chosen {
            if articles.iter().any(|a| a.article == def.article) {
                continue;
            }
            let part = match def.parts {
                0 => None,
                parts if aggravated && parts >= 3 && chance(rng, 0.1) => Some("3"),
                parts if (aggravated || minor) && parts >= 2 => Some("2"),
                _ => Some("1"),
            };
            articles.push(ArticleInput {
                edition: edition.year,
                article: def.article.clone(),
                part: part.map(str::to_owned),
            });
        }
        articles
    }
}
