//! Writing a name in another script or spelling.

use crate::model::VariationKind;
use crate::rng::{SynthRng, chance};
use crate::translit::{TranslitSystem, keyboard_fold, russian_spelling, transliterate};

/// Which script or spelling a record's names are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScriptChoice {
    /// As the individual writes them (Kyrgyz Cyrillic for Kyrgyz names).
    Canonical,
    /// Russian spelling.
    Russian,
    /// Kyrgyz letters folded to Russian ones.
    Fold,
    /// Latin letters.
    Latin(TranslitSystem),
}

/// The name part written with `choice`, and the variation kind to record (`None` for
/// [`ScriptChoice::Canonical`]). The Russian spelling's options are drawn once per record by
/// the caller through `shorten` and `dzh`.
pub(crate) fn apply_script(
    choice: ScriptChoice,
    text: &str,
    shorten: bool,
    dzh: bool,
) -> Option<(String, VariationKind)> {
    match choice {
        ScriptChoice::Canonical => None,
        ScriptChoice::Russian => Some((
            russian_spelling(text, shorten, dzh),
            VariationKind::RussianSpelling,
        )),
        ScriptChoice::Fold => Some((keyboard_fold(text), VariationKind::KeyboardFold)),
        ScriptChoice::Latin(system) => Some((
            transliterate(text, system),
            VariationKind::Translit { system },
        )),
    }
}

/// Draws the Russian-spelling options of one record: (shorten long vowels, initial Ж as Дж).
pub(crate) fn russian_options(rng: &mut SynthRng) -> (bool, bool) {
    (chance(rng, 0.5), chance(rng, 0.35))
}
