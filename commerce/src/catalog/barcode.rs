//! EAN-13 (GTIN-13) barcodes, as printed on products and typed by a barcode scanner.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{error::Problem, CommerceError};

/// Why a string is not a valid EAN-13.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BarcodeError {
    /// Not the expected number of digits (13 for a code, 12 for a body).
    #[error("a barcode has {expected} digits, this one has {found}")]
    WrongLength {
        /// Digits required.
        expected: usize,
        /// Characters given (after trimming).
        found: usize,
    },
    /// A character that is not an ASCII digit.
    #[error("a barcode has only digits, found {ch:?} at position {position}")]
    NonDigit {
        /// 1-based position of the offending character.
        position: usize,
        /// The offending character.
        ch: char,
    },
    /// The last digit does not match the GS1 check digit of the first twelve.
    #[error("wrong check digit {found}, expected {expected}: mistyped barcode?")]
    BadCheckDigit {
        /// The check digit the first twelve digits call for.
        expected: u8,
        /// The check digit given.
        found: u8,
    },
}

impl BarcodeError {
    /// The code the pages word.
    pub fn problem(&self) -> Problem {
        match self {
            BarcodeError::WrongLength { expected, .. } => Problem::BarcodeLength {
                expected: *expected as u64,
            },
            BarcodeError::NonDigit { ch, .. } => Problem::InvalidChar { ch: *ch },
            BarcodeError::BadCheckDigit { .. } => Problem::BarcodeCheckDigit,
        }
    }
}

impl From<BarcodeError> for CommerceError {
    fn from(e: BarcodeError) -> Self {
        CommerceError::validation("barcode", e.problem())
    }
}

/// A valid EAN-13 code: exactly 13 ASCII digits whose last digit is the GS1 check digit.
///
/// Serialized as its 13-digit string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Ean13(String);

/// Checks that `s` is exactly `len` ASCII digits and returns their values.
fn digits(s: &str, len: usize) -> Result<Vec<u8>, BarcodeError> {
    let mut out = Vec::with_capacity(len);
    for (i, ch) in s.chars().enumerate() {
        if !ch.is_ascii_digit() {
            return Err(BarcodeError::NonDigit {
                position: i + 1,
                ch,
            });
        }
        out.push(ch as u8 - b'0');
    }
    if out.len() != len {
        return Err(BarcodeError::WrongLength {
            expected: len,
            found: out.len(),
        });
    }
    Ok(out)
}

/// GS1 check digit of twelve digit values: weights 1, 3, 1, 3… from the left.
fn check_of(body: &[u8]) -> u8 {
    let sum: u32 = body
        .iter()
        .enumerate()
        .map(|(i, &d)| u32::from(d) * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

impl Ean13 {
    /// Reads a scanned or typed code: surrounding whitespace is trimmed, then exactly 13 ASCII
    /// digits with a correct check digit are required.
    pub fn parse(input: &str) -> Result<Self, BarcodeError> {
        let s = input.trim();
        let d = digits(s, 13)?;
        let expected = check_of(&d[..12]);
        if d[12] != expected {
            return Err(BarcodeError::BadCheckDigit {
                expected,
                found: d[12],
            });
        }
        Ok(Ean13(s.to_owned()))
    }

    /// The GS1 check digit (0–9) for the first twelve digits of a code.
    pub fn check_digit(first12: &str) -> Result<u8, BarcodeError> {
        Ok(check_of(&digits(first12.trim(), 12)?))
    }

    /// Builds a valid code from its first twelve digits by appending the check digit
    /// (used to give in-store products an internal `2…` code).
    pub fn from_body(first12: &str) -> Result<Self, BarcodeError> {
        let body = first12.trim();
        let check = Self::check_digit(body)?;
        Ok(Ean13(format!("{body}{check}")))
    }

    /// The 13 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Consumes the code, returning its 13 digits.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Ean13 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Ean13 {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl FromStr for Ean13 {
    type Err = BarcodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ean13::parse(s)
    }
}

impl TryFrom<String> for Ean13 {
    type Error = BarcodeError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        Ean13::parse(&s)
    }
}

impl From<Ean13> for String {
    fn from(code: Ean13) -> Self {
        code.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn real_barcodes_parse() {
        // Faber-Castell pencil, GS1 Poland example, a Greek (520) code with its real check digit.
        for code in [
            "4006381333931",
            "5901234123457",
            "5201234567894",
            "9780306406157",
        ] {
            let ean = Ean13::parse(code).unwrap();
            assert_eq!(ean.as_str(), code);
            assert_eq!(ean.to_string(), code);
        }
    }

    #[test]
    fn check_digits() {
        assert_eq!(Ean13::check_digit("400638133393"), Ok(1));
        assert_eq!(Ean13::check_digit("590123412345"), Ok(7));
        assert_eq!(Ean13::check_digit("520123456789"), Ok(4));
        assert_eq!(Ean13::check_digit("000000000000"), Ok(0));
        assert_eq!(
            Ean13::from_body("520123456789").unwrap().as_str(),
            "5201234567894"
        );
        assert_eq!(
            Ean13::check_digit("52012345678"),
            Err(BarcodeError::WrongLength {
                expected: 12,
                found: 11
            })
        );
    }

    #[test]
    fn trims_scanner_input() {
        assert_eq!(
            Ean13::parse(" 4006381333931\r\n").unwrap().as_str(),
            "4006381333931"
        );
    }

    #[test]
    fn rejects_bad_input() {
        assert_eq!(
            Ean13::parse("5201234567890"),
            Err(BarcodeError::BadCheckDigit {
                expected: 4,
                found: 0
            })
        );
        assert_eq!(
            Ean13::parse("400638133393"),
            Err(BarcodeError::WrongLength {
                expected: 13,
                found: 12
            })
        );
        assert_eq!(
            Ean13::parse("40063813339310"),
            Err(BarcodeError::WrongLength {
                expected: 13,
                found: 14
            })
        );
        assert_eq!(
            Ean13::parse(""),
            Err(BarcodeError::WrongLength {
                expected: 13,
                found: 0
            })
        );
        assert_eq!(
            Ean13::parse("40063813339X1"),
            Err(BarcodeError::NonDigit {
                position: 12,
                ch: 'X'
            })
        );
        assert_eq!(
            Ean13::parse("4006381 333931"),
            Err(BarcodeError::NonDigit {
                position: 8,
                ch: ' '
            })
        );
        // Arabic-Indic and full-width digits are not ASCII digits.
        assert!(matches!(
            Ean13::parse("٤006381333931"),
            Err(BarcodeError::NonDigit { position: 1, .. })
        ));
        assert!(matches!(
            Ean13::parse("４006381333931"),
            Err(BarcodeError::NonDigit { position: 1, .. })
        ));
    }

    #[test]
    fn errors_become_field_errors() {
        let e: CommerceError = Ean13::parse("123").unwrap_err().into();
        assert!(matches!(
            e,
            CommerceError::Validation {
                field: Some("barcode"),
                ..
            }
        ));
    }

    #[test]
    fn serde_as_string() {
        let ean = Ean13::parse("5901234123457").unwrap();
        assert_eq!(serde_json::to_string(&ean).unwrap(), "\"5901234123457\"");
        assert_eq!(
            serde_json::from_str::<Ean13>("\"5901234123457\"").unwrap(),
            ean
        );
        assert!(serde_json::from_str::<Ean13>("\"5901234123450\"").is_err());
    }

    proptest! {
        #[test]
        fn from_body_always_parses(body in "[0-9]{12}") {
            let ean = Ean13::from_body(&body).unwrap();
            prop_assert_eq!(&ean.as_str()[..12], body.as_str());
            prop_assert_eq!(Ean13::parse(ean.as_str()), Ok(ean));
        }

        #[test]
        fn any_single_digit_change_is_caught(body in "[0-9]{12}", pos in 0usize..13, delta in 1u8..10) {
            let ean = Ean13::from_body(&body).unwrap();
            let mut bytes = ean.as_str().as_bytes().to_vec();
            bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
            let changed = String::from_utf8(bytes).unwrap();
            prop_assert!(
                matches!(Ean13::parse(&changed), Err(BarcodeError::BadCheckDigit { .. })),
                "{} accepted",
                changed
            );
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,20}") {
            let _ = Ean13::parse(&s);
        }
    }
}
