//! Ground truth: which records are one individual, and how each record was varied.

use serde::Serialize;

use crate::translit::TranslitSystem;
use crate::variation::TypoEdit;

/// Every person record of one individual, in the order they were registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdentityTruth {
    /// The identity id (dense from 0).
    pub identity: u64,
    /// Indices of the person records; more than one means duplicates.
    pub persons: Vec<u64>,
}

/// A field of a person record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameField {
    /// Given name.
    GivenName,
    /// Family name.
    FamilyName,
    /// Patronymic or father's name.
    Patronymic,
    /// Date of birth.
    DateOfBirth,
    /// Personal number.
    Pin,
    /// Telephone.
    Phone,
    /// Address.
    Address,
}

impl NameField {
    /// True for the three name parts.
    pub fn is_name(self) -> bool {
        matches!(
            self,
            NameField::GivenName | NameField::FamilyName | NameField::Patronymic
        )
    }
}

/// How a variation changed a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum VariationKind {
    /// Written in Latin letters with a transliteration system.
    Translit {
        /// The system.
        system: TranslitSystem,
    },
    /// Kyrgyz Cyrillic written the Russian way (Айгүл → Айгуль, Жээнбеков → Дженбеков).
    RussianSpelling,
    /// Kyrgyz letters replaced by Russian look-alikes (ү→у, ө→о, ң→н), as a Russian keyboard
    /// or a windows-1251 file does.
    KeyboardFold,
    /// Patronymic written in the other form (Асанбек уулу ↔ Асанбекович), or the father's
    /// name used as the family name (Асанбек уулу ↔ Асанбеков).
    PatronymicForm,
    /// One or two typing errors.
    Typo {
        /// The first edit.
        edit: TypoEdit,
        /// How many edits (1 or 2).
        edits: u8,
    },
    /// The field is left empty although the individual has a value.
    Missing,
    /// Only the year of birth is recorded.
    YearOnly,
}

/// One departure of a record from the individual's canonical data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Variation {
    /// The field changed.
    pub field: NameField,
    /// How.
    #[serde(flatten)]
    pub kind: VariationKind,
    /// The value before this variation (`None` when there was none).
    pub before: Option<String>,
    /// The value after it (`None` when the field was emptied).
    pub after: Option<String>,
}

impl Variation {
    /// True when the variation changed a name part.
    pub fn is_name_variation(&self) -> bool {
        self.field.is_name()
    }
}
