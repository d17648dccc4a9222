//! Stock-keeping units: the shop's own short code for a variant.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{error::Problem, CommerceError};

/// Why a string is not a valid SKU.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkuError {
    /// Nothing left after trimming.
    #[error("the SKU is empty")]
    Empty,
    /// More than [`Sku::MAX_LEN`] characters.
    #[error("a SKU has at most {max} characters, this one has {found}", max = Sku::MAX_LEN)]
    TooLong {
        /// Characters given (after trimming).
        found: usize,
    },
    /// A character outside `A–Z 0–9 - _ .`.
    #[error("a SKU may only contain letters A–Z, digits, '-', '_' and '.', found {0:?}")]
    InvalidChar(char),
}

impl SkuError {
    /// The code the pages word.
    pub fn problem(&self) -> Problem {
        match self {
            SkuError::Empty => Problem::Required,
            SkuError::TooLong { .. } => Problem::TooLong {
                max: Sku::MAX_LEN as u64,
            },
            SkuError::InvalidChar(ch) => Problem::InvalidChar { ch: *ch },
        }
    }
}

impl From<SkuError> for CommerceError {
    fn from(e: SkuError) -> Self {
        CommerceError::validation("sku", e.problem())
    }
}

/// A SKU: 1–[`Sku::MAX_LEN`] characters of `A–Z 0–9 - _ .`, stored upper-case.
///
/// Input is trimmed and upper-cased first, so `" ts-001-m "` reads as `TS-001-M`. Serialized as
/// its string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Sku(String);

impl Sku {
    /// Longest SKU accepted, in characters.
    pub const MAX_LEN: usize = 32;

    /// Reads a SKU: trims, upper-cases ASCII letters, then checks length and characters.
    pub fn parse(input: &str) -> Result<Self, SkuError> {
        let s = input.trim().to_ascii_uppercase();
        if s.is_empty() {
            return Err(SkuError::Empty);
        }
        if let Some(ch) = s
            .chars()
            .find(|&c| !(c.is_ascii_uppercase() || c.is_ascii_digit() || "-_.".contains(c)))
        {
            return Err(SkuError::InvalidChar(ch));
        }
        // Only ASCII is left, so bytes are characters.
        if s.len() > Self::MAX_LEN {
            return Err(SkuError::TooLong { found: s.len() });
        }
        Ok(Sku(s))
    }

    /// The SKU text (upper-case).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Consumes the SKU, returning its text.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Sku {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Sku {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl FromStr for Sku {
    type Err = SkuError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Sku::parse(s)
    }
}

impl TryFrom<String> for Sku {
    type Error = SkuError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        Sku::parse(&s)
    }
}

impl From<Sku> for String {
    fn from(sku: Sku) -> Self {
        sku.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn normalizes() {
        assert_eq!(Sku::parse(" ts-001-m ").unwrap().as_str(), "TS-001-M");
        assert_eq!(Sku::parse("a.b_c-9").unwrap().to_string(), "A.B_C-9");
        assert_eq!(Sku::parse("X").unwrap().as_str(), "X");
        let max = "A".repeat(32);
        assert_eq!(Sku::parse(&max).unwrap().as_str(), max);
    }

    #[test]
    fn rejects() {
        assert_eq!(Sku::parse(""), Err(SkuError::Empty));
        assert_eq!(Sku::parse("   "), Err(SkuError::Empty));
        assert_eq!(
            Sku::parse(&"A".repeat(33)),
            Err(SkuError::TooLong { found: 33 })
        );
        assert_eq!(Sku::parse("TS 001"), Err(SkuError::InvalidChar(' ')));
        assert_eq!(Sku::parse("TS/001"), Err(SkuError::InvalidChar('/')));
        assert_eq!(Sku::parse("ŻÓŁW-1"), Err(SkuError::InvalidChar('Ż')));
        assert_eq!(Sku::parse("straße"), Err(SkuError::InvalidChar('ß')));
        assert_eq!(Sku::parse("ΑΒΓ"), Err(SkuError::InvalidChar('Α')));
        // A long string of bad characters is reported by character, not by length.
        assert_eq!(Sku::parse(&"é".repeat(40)), Err(SkuError::InvalidChar('é')));
    }

    #[test]
    fn errors_and_serde() {
        assert!(matches!(
            CommerceError::from(SkuError::Empty),
            CommerceError::Validation {
                field: Some("sku"),
                ..
            }
        ));
        let sku = Sku::parse("ts-1").unwrap();
        assert_eq!(serde_json::to_string(&sku).unwrap(), "\"TS-1\"");
        assert_eq!(serde_json::from_str::<Sku>("\"ts-1\"").unwrap(), sku);
        assert!(serde_json::from_str::<Sku>("\"a b\"").is_err());
    }

    proptest! {
        #[test]
        fn valid_skus_round_trip(s in "[a-zA-Z0-9._-]{1,32}") {
            let sku = Sku::parse(&s).unwrap();
            prop_assert_eq!(sku.as_str(), s.to_ascii_uppercase());
            prop_assert_eq!(Sku::parse(sku.as_str()), Ok(sku.clone()));
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,40}") {
            if let Ok(sku) = Sku::parse(&s) {
                prop_assert!((1..=32).contains(&sku.as_str().len()));
            }
        }
    }
}
