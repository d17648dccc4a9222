//! Form input as people type it, parsed into typed values with coded errors.
//!
//! Pages post every field as text; these functions turn it into the value `commerce` takes, or
//! a [`CommerceError::Validation`] on the field, so bad input is a message next to its field in
//! the page's language and never a failed request.

use crate::{error::Problem, CommerceError, Result};

/// Longest whole number accepted, in characters (sign included).
const MAX_DIGITS: usize = 12;

/// A whole number typed by a person: spaces around, a leading `+` and the real minus sign `−`
/// are accepted.
pub fn whole(value: &str, field: &'static str) -> Result<i64> {
    let v = value.trim().replace('−', "-");
    let v = v.strip_prefix('+').unwrap_or(&v);
    if v.len() > MAX_DIGITS {
        return Err(CommerceError::validation(field, Problem::NotAWholeNumber));
    }
    v.parse::<i64>()
        .map_err(|_| CommerceError::validation(field, Problem::NotAWholeNumber))
}

/// A whole number, or `None` when the field is left empty.
pub fn optional_whole(value: &str, field: &'static str) -> Result<Option<i64>> {
    if value.trim().is_empty() {
        Ok(None)
    } else {
        whole(value, field).map(Some)
    }
}

/// The id chosen in a `<select>` (a location, a category): a positive number, or
/// `nothing_chosen` on `field`.
pub fn chosen_id(value: &str, field: &'static str, nothing_chosen: Problem) -> Result<i64> {
    value
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(CommerceError::validation(field, nothing_chosen))
}

/// The id of a document or variant posted by a form; anything else is 0, which no record has
/// (the caller answers "not found").
pub fn record_id(value: &str) -> i64 {
    value
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .unwrap_or(0)
}

/// The stored enum value whose word is `value` (`damaged`, `sent`…), or [`Problem::ChooseOne`]
/// on `field`.
pub fn choice<T>(value: &str, field: &'static str, from_word: fn(&str) -> Option<T>) -> Result<T> {
    from_word(value.trim()).ok_or(CommerceError::validation(field, Problem::ChooseOne))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::enums::AdjustmentReason;

    #[test]
    fn numbers_as_people_type_them() {
        assert_eq!(whole(" −3 ", "change").unwrap(), -3);
        assert_eq!(whole("+4", "change").unwrap(), 4);
        assert_eq!(whole("-12", "change").unwrap(), -12);
        for bad in ["", "abc", "1.5", "99999999999999999999", "--1"] {
            let e = whole(bad, "change").unwrap_err();
            assert!(
                matches!(
                    e,
                    CommerceError::Validation {
                        field: Some("change"),
                        problem: Problem::NotAWholeNumber
                    }
                ),
                "{bad:?}: {e:?}"
            );
        }
        assert_eq!(optional_whole(" ", "n").unwrap(), None);
        assert_eq!(optional_whole("7", "n").unwrap(), Some(7));
    }

    #[test]
    fn ids_and_choices() {
        assert_eq!(
            chosen_id("2", "location", Problem::UnknownLocation).unwrap(),
            2
        );
        for bad in ["", "0", "-1", "x"] {
            assert_eq!(
                chosen_id(bad, "from", Problem::UnknownLocation)
                    .unwrap_err()
                    .problem(),
                Some(&Problem::UnknownLocation)
            );
        }
        assert_eq!(record_id("12"), 12);
        assert_eq!(record_id("12\r\nX: y"), 0);
        assert_eq!(
            choice("found", "reason", AdjustmentReason::from_word).unwrap(),
            AdjustmentReason::Found
        );
        assert_eq!(
            choice("stolen", "reason", AdjustmentReason::from_word)
                .unwrap_err()
                .problem(),
            Some(&Problem::ChooseOne)
        );
    }
}
