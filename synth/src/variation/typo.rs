//! Typing errors: a swap, a dropped letter, a doubled letter, a confusable letter.

use serde::Serialize;

use crate::rng::{SynthRng, pick, weighted};

/// One kind of typing error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TypoEdit {
    /// Two adjacent letters swapped (`Асанбеков` → `Аснабеков`).
    Swap,
    /// A letter dropped (`Асанбеков` → `Асанбков`).
    Drop,
    /// A letter doubled (`Асанбеков` → `Асаннбеков`).
    Double,
    /// A letter replaced by a similar one (`е`↔`и`, `а`↔`о`, `т`↔`д`, `s`↔`z`…).
    Substitute,
}

fn confusable(c: char) -> Option<char> {
    Some(match c {
        'а' => 'о',
        'о' => 'а',
        'е' => 'и',
        'и' => 'е',
        'ы' => 'и',
        'у' => 'ю',
        'т' => 'д',
        'д' => 'т',
        'с' => 'з',
        'з' => 'с',
        'к' => 'г',
        'г' => 'к',
        'б' => 'п',
        'п' => 'б',
        'ж' => 'ш',
        'a' => 'o',
        'o' => 'a',
        'e' => 'i',
        'i' => 'y',
        'y' => 'i',
        't' => 'd',
        'd' => 't',
        's' => 'z',
        'z' => 's',
        'k' => 'g',
        'g' => 'k',
        'b' => 'p',
        'p' => 'b',
        _ => return None,
    })
}

fn one_edit(rng: &mut SynthRng, chars: &[char]) -> Option<(Vec<char>, TypoEdit)> {
    // Letters after the first: typists rarely get the first letter wrong.
    let positions: Vec<usize> = (1..chars.len())
        .filter(|&i| chars[i].is_alphabetic())
        .collect();
    if positions.len() < 3 {
        return None;
    }
    let table = [
        (TypoEdit::Swap, 3),
        (TypoEdit::Drop, 3),
        (TypoEdit::Double, 2),
        (TypoEdit::Substitute, 3),
    ];
    for _ in 0..12 {
        let edit = weighted(rng, &table);
        let i = *pick(rng, &positions);
        let mut out = chars.to_vec();
        match edit {
            TypoEdit::Swap => match chars.get(i + 1) {
                Some(&next) if next.is_alphabetic() && next != chars[i] => out.swap(i, i + 1),
                _ => continue,
            },
            TypoEdit::Drop => {
                out.remove(i);
            }
            TypoEdit::Double => out.insert(i, chars[i]),
            TypoEdit::Substitute => match confusable(chars[i]) {
                Some(other) => out[i] = other,
                None => continue,
            },
        }
        return Some((out, edit));
    }
    let i = positions[0];
    let mut out = chars.to_vec();
    out.insert(i, chars[i]);
    Some((out, TypoEdit::Double))
}

/// `text` with `edits` (1 or 2) typing errors; `None` when it is too short to mistype.
/// The result always differs from `text`. Returns the first edit's kind.
pub(crate) fn typo(rng: &mut SynthRng, text: &str, edits: u8) -> Option<(String, TypoEdit)> {
    let original: Vec<char> = text.chars().collect();
    let (mut chars, first) = one_edit(rng, &original)?;
    if edits >= 2
        && let Some((twice, _)) = one_edit(rng, &chars)
        && twice != original
    {
        chars = twice;
    }
    Some((chars.into_iter().collect(), first))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{Stream, rng_for};

    #[test]
    fn typos_always_change_the_text_and_keep_the_first_letter() {
        let mut rng = rng_for(9, Stream::Episode, 0);
        for name in ["Асанбеков", "Aigul", "Асанбек уулу", "Аааа", "Айша"]
        {
            for edits in [1, 2] {
                let (typed, _) = typo(&mut rng, name, edits).unwrap();
                assert_ne!(typed, name);
                assert_eq!(typed.chars().next(), name.chars().next());
                assert!(
                    typed.chars().all(|c| c.is_alphabetic() || c == ' '),
                    "{typed}"
                );
            }
        }
        assert!(typo(&mut rng, "Ли", 1).is_none());
    }
}
