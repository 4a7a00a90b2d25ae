//! Three-state fields for partial updates: absent, `null`, or a value.

use serde::{Deserialize, Deserializer};

/// A field of a PATCH body: left out (unchanged), `null` (cleared) or a new value.
///
/// Use with `#[serde(default)]` so that a missing field is [`Patch::Unchanged`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Patch<T> {
    /// The field was not sent.
    #[default]
    Unchanged,
    /// The field was sent as `null`.
    Clear,
    /// The field was sent with a value.
    Set(T),
}

impl<T> Patch<T> {
    /// True unless the field was left out.
    pub fn is_present(&self) -> bool {
        !matches!(self, Patch::Unchanged)
    }

    /// Applies a fallible conversion to a sent value.
    pub fn try_map<U, E>(self, f: impl FnOnce(T) -> Result<U, E>) -> Result<Patch<U>, E> {
        Ok(match self {
            Patch::Unchanged => Patch::Unchanged,
            Patch::Clear => Patch::Clear,
            Patch::Set(v) => Patch::Set(f(v)?),
        })
    }

    /// The new value of a field currently holding `current`.
    pub fn apply(self, current: Option<T>) -> Option<T> {
        match self {
            Patch::Unchanged => current,
            Patch::Clear => None,
            Patch::Set(v) => Some(v),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Patch<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(deserializer)? {
            None => Patch::Clear,
            Some(v) => Patch::Set(v),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Body {
        #[serde(default)]
        place: Patch<String>,
    }

    #[test]
    fn three_states() {
        let absent: Body = serde_json::from_str("{}").unwrap();
        assert_eq!(absent.place, Patch::Unchanged);
        let null: Body = serde_json::from_str(r#"{"place": null}"#).unwrap();
        assert_eq!(null.place, Patch::Clear);
        let set: Body = serde_json::from_str(r#"{"place": "Ош"}"#).unwrap();
        assert_eq!(set.place, Patch::Set("Ош".to_owned()));
        assert_eq!(Patch::Set(1).apply(Some(0)), Some(1));
        assert_eq!(Patch::<i32>::Clear.apply(Some(0)), None);
        assert_eq!(Patch::<i32>::Unchanged.apply(Some(0)), Some(0));
    }
}
