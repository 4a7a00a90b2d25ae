//! Criminal-code articles, always with the edition of the code they belong to.
//!
//! Kyrgyzstan replaced its criminal code twice in three years (1997 → 2017 in force 2019 →
//! 2021), and the same crime carries a different number in each: trafficking is 124, 171 and
//! 166. Legacy records cite the old numbers, so an [`Article`] is never a bare number.

use serde::{Deserialize, Serialize};

use super::CountryProfile;
use crate::case::ArticleInput;
use crate::error::FieldError;

/// A checked citation: edition, article and optionally part, all known to the profile.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Article {
    edition: u16,
    article: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    part: Option<String>,
}

impl Article {
    /// The year of the code's edition (`2021`).
    pub fn edition(&self) -> u16 {
        self.edition
    }

    /// The article number as the profile writes it (`166`, `124-1`).
    pub fn article(&self) -> &str {
        &self.article
    }

    /// The part of the article (`1`), if cited.
    pub fn part(&self) -> Option<&str> {
        self.part.as_deref()
    }
}

/// One edition of the criminal code and the articles Korgon knows in it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeEdition {
    /// The year the edition was adopted, which is how people cite it (`2021`).
    pub year: u16,
    /// Its full name (`Criminal Code of the Kyrgyz Republic of 28 October 2021 No. 127`).
    pub name: String,
    /// The articles relevant to trafficking cases.
    #[serde(default)]
    pub articles: Vec<ArticleDef>,
}

/// One article of one edition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleDef {
    /// The number (`166`, `124-1`).
    pub article: String,
    /// How many parts the article has (a cited part must be 1..=parts); 0 if it has none.
    pub parts: u8,
    /// Title in English.
    pub en: String,
    /// Title in Russian.
    pub ru: String,
    /// Title in Kyrgyz.
    pub ky: String,
    /// True for the core trafficking articles, which reports count as trafficking cases.
    pub trafficking: bool,
}

impl CountryProfile {
    /// The definition of `article` in the edition of `edition`, if the profile knows it.
    pub fn article_def(&self, edition: u16, article: &str) -> Option<&ArticleDef> {
        let wanted = normalise_number(article);
        self.editions
            .iter()
            .find(|e| e.year == edition)?
            .articles
            .iter()
            .find(|a| normalise_number(&a.article) == wanted)
    }
}

/// Trimmed, upper-cased, with typographic dashes turned into `-`, so `124–1` = `124-1`.
pub(super) fn normalise_number(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            '‐' | '‑' | '‒' | '–' | '—' | '−' => '-',
            c => c.to_ascii_uppercase(),
        })
        .collect()
}

/// Checks `input` against the profile; errors name `{field}.edition`, `{field}.article` or
/// `{field}.part`.
pub(super) fn parse(
    profile: &CountryProfile,
    field: &str,
    input: &ArticleInput,
) -> Result<Article, FieldError> {
    let Some(edition) = profile.editions.iter().find(|e| e.year == input.edition) else {
        let years: Vec<String> = profile
            .editions
            .iter()
            .map(|e| e.year.to_string())
            .collect();
        return Err(FieldError::new(
            format!("{field}.edition"),
            format!(
                "unknown criminal-code edition, expected one of: {}",
                years.join(", ")
            ),
        ));
    };
    let article_field = format!("{field}.article");
    let wanted = normalise_number(&input.article);
    if wanted.is_empty() {
        return Err(FieldError::new(article_field, "must not be empty"));
    }
    let Some(def) = edition
        .articles
        .iter()
        .find(|a| normalise_number(&a.article) == wanted)
    else {
        return Err(FieldError::new(
            article_field,
            format!("article is not in the {} code's list", edition.year),
        ));
    };
    let part = match input.part.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(part) => Some(parse_part(&format!("{field}.part"), part, def)?),
    };
    Ok(Article {
        edition: edition.year,
        article: def.article.clone(),
        part,
    })
}

fn parse_part(field: &str, part: &str, def: &ArticleDef) -> Result<String, FieldError> {
    if def.parts == 0 {
        return Err(FieldError::new(field, "this article has no parts"));
    }
    let number = part
        .parse::<u8>()
        .ok()
        .filter(|n| (1..=def.parts).contains(n) && part.bytes().all(|b| b.is_ascii_digit()));
    match number {
        Some(n) => Ok(n.to_string()),
        None => Err(FieldError::new(
            field,
            format!("must be a number from 1 to {}", def.parts),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kg() -> CountryProfile {
        CountryProfile::kyrgyzstan()
    }

    fn input(edition: u16, article: &str, part: Option<&str>) -> ArticleInput {
        ArticleInput {
            edition,
            article: article.into(),
            part: part.map(Into::into),
        }
    }

    #[test]
    fn the_articles_of_the_brief_are_known_in_their_editions() {
        let profile = kg();
        for (edition, article) in [
            (2021, "166"),
            (2021, "167"),
            (2021, "159"),
            (2021, "172"),
            (2017, "171"),
            (2017, "173"),
            (1997, "124"),
            (1997, "155"),
        ] {
            let parsed = profile.parse_article("articles[0]", &input(edition, article, None));
            let parsed = parsed.unwrap_or_else(|e| panic!("{edition}/{article}: {e}"));
            assert_eq!(
                (parsed.edition(), parsed.article(), parsed.part()),
                (edition, article, None)
            );
        }
        // The same number means something else in another edition.
        assert!(profile.article_def(2021, "124").is_none());
        assert!(profile.article_def(1997, "166").is_none());
    }

    #[test]
    fn trafficking_articles_are_flagged() {
        let profile = kg();
        assert!(profile.article_def(2021, "166").unwrap().trafficking);
        assert!(profile.article_def(2017, "171").unwrap().trafficking);
        assert!(profile.article_def(1997, "124").unwrap().trafficking);
        assert!(!profile.article_def(2021, "172").unwrap().trafficking);
        assert!(!profile.article_def(1997, "155").unwrap().trafficking);
    }

    #[test]
    fn article_and_part_are_trimmed_and_normalised() {
        let article = kg()
            .parse_article("articles[0]", &input(2021, " 166 ", Some(" 2 ")))
            .unwrap();
        assert_eq!(article.article(), "166");
        assert_eq!(article.part(), Some("2"));
        let article = kg()
            .parse_article("a", &input(2021, "166", Some("   ")))
            .unwrap();
        assert_eq!(article.part(), None);
        let article = kg()
            .parse_article("a", &input(2021, "166", Some("01")))
            .unwrap();
        assert_eq!(article.part(), Some("1"));
    }

    #[test]
    fn serialises_with_part_only_when_present() {
        let with = kg()
            .parse_article("a", &input(2021, "166", Some("1")))
            .unwrap();
        assert_eq!(
            serde_json::to_string(&with).unwrap(),
            r#"{"edition":2021,"article":"166","part":"1"}"#
        );
        let without = kg().parse_article("a", &input(1997, "124", None)).unwrap();
        assert_eq!(
            serde_json::to_string(&without).unwrap(),
            r#"{"edition":1997,"article":"124"}"#
        );
    }

    #[test]
    fn unknown_edition_names_the_edition_field() {
        let err = kg()
            .parse_article("articles[2]", &input(1961, "124", None))
            .unwrap_err();
        assert_eq!(err.field, "articles[2].edition");
        assert_eq!(
            err.message,
            "unknown criminal-code edition, expected one of: 2021, 2017, 1997"
        );
    }

    #[test]
    fn unknown_article_names_the_article_field() {
        let err = kg()
            .parse_article("articles[1]", &input(2021, "999", None))
            .unwrap_err();
        assert_eq!(err.field, "articles[1].article");
        assert_eq!(err.message, "article is not in the 2021 code's list");
        let err = kg()
            .parse_article("articles[1]", &input(2017, "166", None))
            .unwrap_err();
        assert_eq!(err.message, "article is not in the 2017 code's list");
        let err = kg()
            .parse_article("articles[1]", &input(2021, "  ", None))
            .unwrap_err();
        assert_eq!(
            (err.field.as_str(), err.message.as_str()),
            ("articles[1].article", "must not be empty")
        );
    }

    #[test]
    fn parts_must_be_numbers_within_the_article() {
        let profile = kg();
        let parts = profile.article_def(2021, "166").unwrap().parts;
        assert!(parts >= 2);
        let last = parts.to_string();
        assert!(
            profile
                .parse_article("a", &input(2021, "166", Some(&last)))
                .is_ok()
        );
        let beyond = (parts + 1).to_string();
        for bad in ["0", beyond.as_str(), "x", "1a", "-1", "1.5", "+1"] {
            let err = profile
                .parse_article("articles[0]", &input(2021, "166", Some(bad)))
                .unwrap_err();
            assert_eq!(err.field, "articles[0].part", "{bad}");
            assert_eq!(
                err.message,
                format!("must be a number from 1 to {parts}"),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_article_without_parts_refuses_any_part() {
        let profile = CountryProfile::from_toml(
            &crate::profile::load::tests::minimal_toml().replace("parts = 3", "parts = 0"),
        )
        .unwrap();
        assert!(profile.parse_article("a", &input(2020, "1", None)).is_ok());
        let err = profile
            .parse_article("a", &input(2020, "1", Some("1")))
            .unwrap_err();
        assert_eq!(
            (err.field.as_str(), err.message.as_str()),
            ("a.part", "this article has no parts")
        );
    }

    #[test]
    fn dashes_in_numbers_are_normalised() {
        assert_eq!(normalise_number(" 124–1 "), "124-1");
        assert_eq!(normalise_number("124-1"), "124-1");
    }

    #[test]
    fn kazakhstan_has_its_own_code() {
        let profile = CountryProfile::builtin("kz").unwrap();
        assert_eq!(profile.editions().len(), 1);
        assert!(profile.article_def(2014, "128").unwrap().trafficking);
        assert!(profile.article_def(2014, "135").unwrap().trafficking);
        let err = profile
            .parse_article("articles[0]", &input(2021, "166", None))
            .unwrap_err();
        assert_eq!(
            err.message,
            "unknown criminal-code edition, expected one of: 2014"
        );
    }
}
