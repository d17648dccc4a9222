//! Small validated value types shared by several modules: [`Email`], [`Quantity`], [`Slug`].
//!
//! Each is built with `parse` (which trims and normalizes its input and rejects what breaks a
//! rule with a typed error), shows as its text, and (de)serializes as that text (or number), so
//! an invalid value cannot be deserialized either. Every error converts into
//! [`CommerceError::Validation`] naming the form field.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{error::Problem, CommerceError};

// ---------------------------------------------------------------------------------------------
// Email

/// Why a string is not an acceptable e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Nothing left after trimming.
    #[error("the e-mail address is empty")]
    Empty,
    /// Longer than [`Email::MAX_LEN`] characters.
    #[error("an e-mail address has at most {max} characters", max = Email::MAX_LEN)]
    TooLong,
    /// Whitespace, a control character or one of `<>()[]\,;:"` inside the address.
    #[error("an e-mail address cannot contain {0:?}")]
    InvalidChar(char),
    /// No `@`, or more than one.
    #[error("an e-mail address has exactly one '@'")]
    NotOneAt,
    /// Nothing before the `@`.
    #[error("the part before '@' is empty")]
    EmptyLocal,
    /// The part after `@` is not a domain such as `example.com`.
    #[error("the part after '@' must be a domain such as example.com")]
    InvalidDomain,
}

impl EmailError {
    /// The code the pages word.
    pub fn problem(&self) -> Problem {
        match self {
            EmailError::Empty => Problem::Required,
            EmailError::TooLong => Problem::TooLong {
                max: Email::MAX_LEN as u64,
            },
            EmailError::InvalidChar(ch) => Problem::InvalidChar { ch: *ch },
            EmailError::NotOneAt | EmailError::EmptyLocal | EmailError::InvalidDomain => {
                Problem::NotAnEmail
            }
        }
    }
}

impl From<EmailError> for CommerceError {
    fn from(e: EmailError) -> Self {
        CommerceError::validation("email", e.problem())
    }
}

/// An e-mail address, trimmed and lower-cased.
///
/// The check is deliberately simple (whoever owns the address proves it by receiving mail): one
/// `@`, a non-empty local part, a domain of non-empty dot-separated labels with at least one dot,
/// at most [`Email::MAX_LEN`] characters, and no whitespace, control characters or characters
/// that would need quoting in a mail header.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// Longest address accepted, in characters (RFC 5321 path limit).
    pub const MAX_LEN: usize = 254;

    /// Reads an address: trims, lower-cases, then checks the rules above.
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let s = input.trim().to_lowercase();
        if s.is_empty() {
            return Err(EmailError::Empty);
        }
        if s.chars().count() > Self::MAX_LEN {
            return Err(EmailError::TooLong);
        }
        if let Some(ch) = s
            .chars()
            .find(|&c| c.is_whitespace() || c.is_control() || "<>()[]\\,;:\"".contains(c))
        {
            return Err(EmailError::InvalidChar(ch));
        }
        let mut parts = s.split('@');
        let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(EmailError::NotOneAt);
        };
        if local.is_empty() {
            return Err(EmailError::EmptyLocal);
        }
        if !domain.contains('.') || domain.split('.').any(str::is_empty) {
            return Err(EmailError::InvalidDomain);
        }
        Ok(Email(s))
    }

    /// The address (lower-case).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part after `@`.
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, d)| d)
    }

    /// Consumes the address, returning its text.
    pub fn into_string(self) -> String {
        self.0
    }
}

// ---------------------------------------------------------------------------------------------
// Quantity

/// Why a value is not an acceptable quantity.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuantityError {
    /// The text is not a whole number.
    #[error("{0:?} is not a whole number")]
    NotANumber(String),
    /// Zero, negative, or above [`Quantity::MAX`].
    #[error("the quantity must be between 1 and {max}, not {0}", max = Quantity::MAX)]
    OutOfRange(i64),
}

impl QuantityError {
    /// The code the pages word.
    pub fn problem(&self) -> Problem {
        match self {
            QuantityError::NotANumber(_) => Problem::NotAWholeNumber,
            QuantityError::OutOfRange(_) => Problem::OutOfRange {
                min: 1,
                max: Quantity::MAX,
            },
        }
    }
}

impl From<QuantityError> for CommerceError {
    fn from(e: QuantityError) -> Self {
        CommerceError::validation("quantity", e.problem())
    }
}

/// A number of units on a line: a whole number from 1 to [`Quantity::MAX`].
///
/// Serialized as a JSON number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct Quantity(i64);

impl Quantity {
    /// Largest quantity accepted on one line.
    pub const MAX: i64 = 1_000_000;

    /// One unit.
    pub const ONE: Quantity = Quantity(1);

    /// Checks that `n` is in `1..=MAX`.
    pub fn new(n: i64) -> Result<Self, QuantityError> {
        if (1..=Self::MAX).contains(&n) {
            Ok(Quantity(n))
        } else {
            Err(QuantityError::OutOfRange(n))
        }
    }

    /// Reads a quantity typed in a form: trims, then a whole decimal number (a leading `+` is
    /// accepted) in `1..=MAX`.
    pub fn parse(input: &str) -> Result<Self, QuantityError> {
        let s = input.trim();
        let n: i64 = s
            .parse()
            .map_err(|_| QuantityError::NotANumber(s.to_owned()))?;
        Self::new(n)
    }

    /// The number of units.
    pub const fn get(self) -> i64 {
        self.0
    }
}

impl TryFrom<i64> for Quantity {
    type Error = QuantityError;

    fn try_from(n: i64) -> Result<Self, Self::Error> {
        Quantity::new(n)
    }
}

impl From<Quantity> for i64 {
    fn from(q: Quantity) -> Self {
        q.0
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl FromStr for Quantity {
    type Err = QuantityError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Quantity::parse(s)
    }
}

// ---------------------------------------------------------------------------------------------
// Slug

/// Why a string is not an acceptable URL slug.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SlugError {
    /// Nothing left (after trimming, or after transliterating a title).
    #[error("the URL name is empty")]
    Empty,
    /// More than [`Slug::MAX_LEN`] characters.
    #[error("a URL name has at most {max} characters, this one has {0}", max = Slug::MAX_LEN)]
    TooLong(usize),
    /// A character outside `a–z 0–9 -`.
    #[error("a URL name may only contain letters a–z, digits and '-', found {0:?}")]
    InvalidChar(char),
    /// Starts or ends with `-`, or has `--`.
    #[error("a URL name cannot start or end with '-' or contain '--'")]
    BadHyphen,
}

impl SlugError {
    /// The code the pages word.
    pub fn problem(&self) -> Problem {
        match self {
            SlugError::Empty => Problem::Required,
            SlugError::TooLong(_) => Problem::TooLong {
                max: Slug::MAX_LEN as u64,
            },
            SlugError::InvalidChar(ch) => Problem::InvalidChar { ch: *ch },
            SlugError::BadHyphen => Problem::BadHyphen,
        }
    }
}

impl From<SlugError> for CommerceError {
    fn from(e: SlugError) -> Self {
        CommerceError::validation("slug", e.problem())
    }
}

/// The URL name of a product or category (`/p/{slug}`, `/c/{slug}`): 1–[`Slug::MAX_LEN`]
/// characters of `a–z 0–9 -`, with no leading, trailing or doubled `-`.
///
/// [`Slug::from_title`] makes one from a product name in any shop language.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    /// Longest slug accepted, in characters.
    pub const MAX_LEN: usize = 120;

    /// Reads a slug: trims and lower-cases ASCII letters, then checks the rules above.
    pub fn parse(input: &str) -> Result<Self, SlugError> {
        let s = input.trim().to_ascii_lowercase();
        if s.is_empty() {
            return Err(SlugError::Empty);
        }
        if let Some(ch) = s
            .chars()
            .find(|&c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
        {
            return Err(SlugError::InvalidChar(ch));
        }
        // Only ASCII is left, so bytes are characters.
        if s.len() > Self::MAX_LEN {
            return Err(SlugError::TooLong(s.len()));
        }
        if s.starts_with('-') || s.ends_with('-') || s.contains("--") {
            return Err(SlugError::BadHyphen);
        }
        Ok(Slug(s))
    }

    /// Makes a slug from a title in any shop language.
    ///
    /// Greek is transliterated after ELOT 743 (`ου` → `ou`, `αυ`/`ευ` → `av`/`ev` or `af`/`ef`
    /// before a voiceless consonant, `γγ` → `ng`, word-initial `μπ`/`ντ`/`γκ` → `b`/`d`/`g` and
    /// `mp`/`nt`/`gk` inside a word, `θ` → `th`, `χ` → `ch`, `ψ` → `ps`; accents dropped); Polish and other accented Latin letters lose their marks
    /// (`ł` → `l`, `ß` → `ss`, `æ` → `ae`). Apostrophes vanish, every other run of non-letters
    /// becomes one `-`, and the result is cut to [`Slug::MAX_LEN`]. Letters of other scripts
    /// are dropped; if nothing is left the result is [`SlugError::Empty`].
    ///
    /// ```
    /// use commerce::types::Slug;
    /// assert_eq!(Slug::from_title("Παπούτσια").unwrap().as_str(), "papoutsia");
    /// assert_eq!(Slug::from_title("Żółta kurtka").unwrap().as_str(), "zolta-kurtka");
    /// ```
    pub fn from_title(title: &str) -> Result<Self, SlugError> {
        let mut out = transliterate(title);
        if out.len() > Self::MAX_LEN {
            out.truncate(Self::MAX_LEN);
            while out.ends_with('-') {
                out.pop();
            }
        }
        if out.is_empty() {
            return Err(SlugError::Empty);
        }
        Slug::parse(&out)
    }

    /// The slug text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Consumes the slug, returning its text.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// Lower-cases and transliterates `title` to `a–z 0–9` words joined by single `-`.
fn transliterate(title: &str) -> String {
    let chars: Vec<char> = title.to_lowercase().chars().collect();
    let mut out = String::with_capacity(chars.len());
    // A separator is owed before the next word; written lazily so none leads or trails.
    let mut pending_dash = false;
    fn push(out: &mut String, s: &str, pending: &mut bool) {
        if *pending && !out.is_empty() {
            out.push('-');
        }
        *pending = false;
        out.push_str(s);
    }

    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            let mut buf = [0u8; 4];
            push(&mut out, c.encode_utf8(&mut buf), &mut pending_dash);
            i += 1;
        } else if let Some(g) = greek(c) {
            let (text, used) = greek_at(&chars, i, g);
            push(&mut out, &text, &mut pending_dash);
            i += used;
        } else if let Some(s) = latin_fold(c) {
            push(&mut out, s, &mut pending_dash);
            i += 1;
        } else if matches!(c, '\'' | '’' | '‘' | '`' | '´' | 'ʼ') || is_combining_mark(c) {
            i += 1; // "men's" → "mens"; decomposed accents drop out
        } else if c.is_alphanumeric() {
            i += 1; // a letter of a script we do not transliterate
        } else {
            pending_dash = true;
            i += 1;
        }
    }
    out
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}')
}

/// A lower-case Greek letter without its accent marks: `(base, tonos, dialytika)`.
#[derive(Clone, Copy)]
struct GreekLetter {
    base: char,
    tonos: bool,
    dialytika: bool,
}

fn greek(c: char) -> Option<GreekLetter> {
    let (base, tonos, dialytika) = match c {
        'ά' => ('α', true, false),
        'έ' => ('ε', true, false),
        'ή' => ('η', true, false),
        'ί' => ('ι', true, false),
        'ϊ' => ('ι', false, true),
        'ΐ' => ('ι', true, true),
        'ό' => ('ο', true, false),
        'ύ' => ('υ', true, false),
        'ϋ' => ('υ', false, true),
        'ΰ' => ('υ', true, true),
        'ώ' => ('ω', true, false),
        'ς' => ('σ', false, false),
        'α'..='ω' => (c, false, false),
        _ => return None,
    };
    Some(GreekLetter {
        base,
        tonos,
        dialytika,
    })
}

fn greek_single(base: char) -> &'static str {
    match base {
        'α' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' => "e",
        'ζ' => "z",
        'η' => "i",
        'θ' => "th",
        'ι' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' => "s",
        'τ' => "t",
        'υ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' => "o",
        _ => "",
    }
}

/// Transliterates the Greek letter `g` at `chars[i]`, looking at its neighbours for digraphs.
/// Returns the Latin text and how many characters it consumed.
fn greek_at(chars: &[char], i: usize, g: GreekLetter) -> (String, usize) {
    let next = chars.get(i + 1).copied().and_then(greek);
    let after = chars.get(i + 2).copied().and_then(greek);
    let word_start = i == 0 || !chars[i - 1].is_alphanumeric();
    // υ that joins the previous vowel: no dialytika on it, no accent on the first vowel.
    let joins_upsilon = |n: Option<GreekLetter>| {
        !g.tonos && !g.dialytika && n.is_some_and(|n| n.base == 'υ' && !n.dialytika)
    };

    match g.base {
        'ο' if joins_upsilon(next) => ("ou".into(), 2),
        'α' | 'ε' | 'η' if joins_upsilon(next) => {
            let voiceless = after.is_none_or(|a| "θκξπστφχψ".contains(a.base));
            let vowel = greek_single(g.base);
            (format!("{vowel}{}", if voiceless { "f" } else { "v" }), 2)
        }
        'γ' => match next.map(|n| n.base) {
            Some('γ') => ("ng".into(), 2),
            Some('ξ') => ("nx".into(), 2),
            Some('χ') => ("nch".into(), 2),
            Some('κ') if word_start => ("g".into(), 2),
            _ => ("g".into(), 1),
        },
        'μ' if word_start && next.is_some_and(|n| n.base == 'π') => ("b".into(), 2),
        'ν' if word_start && next.is_some_and(|n| n.base == 'τ') => ("d".into(), 2),
        base => (greek_single(base).into(), 1),
    }
}

/// ASCII for a lower-case accented or special Latin letter (Polish, Czech, German, French,
/// Nordic, Romanian, Turkish, Hungarian…).
fn latin_fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------------
// Shared string-newtype impls

macro_rules! string_newtype {
    ($ty:ident, $err:ident) => {
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $ty {
            type Err = $err;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $ty::parse(s)
            }
        }

        impl TryFrom<String> for $ty {
            type Error = $err;

            fn try_from(s: String) -> Result<Self, Self::Error> {
                $ty::parse(&s)
            }
        }

        impl From<$ty> for String {
            fn from(v: $ty) -> Self {
                v.0
            }
        }
    };
}

string_newtype!(Email, EmailError);
string_newtype!(Slug, SlugError);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // --- Email

    #[test]
    fn email_normalizes() {
        let e = Email::parse("  Maria.Papadopoulou@Example.GR ").unwrap();
        assert_eq!(e.as_str(), "maria.papadopoulou@example.gr");
        assert_eq!(e.to_string(), "maria.papadopoulou@example.gr");
        assert_eq!(e.domain(), "example.gr");
        assert!(Email::parse("a+shop@sub.example.co.uk").is_ok());
        assert!(Email::parse("jan.kowalski@poczta.pl").is_ok());
        assert!(Email::parse("ΝΙΚΟΣ@παράδειγμα.ελ").is_ok());
    }

    #[test]
    fn email_rejects() {
        use EmailError::*;
        let cases: &[(&str, EmailError)] = &[
            ("", Empty),
            ("   ", Empty),
            ("jan.kowalski", NotOneAt),
            ("a@b@example.com", NotOneAt),
            ("@example.com", EmptyLocal),
            ("jan@", InvalidDomain),
            ("jan@localhost", InvalidDomain),
            ("jan@.example.com", InvalidDomain),
            ("jan@example.com.", InvalidDomain),
            ("jan@example..com", InvalidDomain),
            ("jan kowalski@example.com", InvalidChar(' ')),
            ("jan@exa\tmple.com", InvalidChar('\t')),
            ("jan\n@example.com", InvalidChar('\n')),
            ("\"jan\"@example.com", InvalidChar('"')),
            ("jan@example.com, eve@evil.com", InvalidChar(',')),
            ("Jan <jan@example.com>", InvalidChar(' ')),
        ];
        for (input, err) in cases {
            assert_eq!(Email::parse(input).as_ref(), Err(err), "{input:?}");
        }
        let long = format!("{}@example.com", "a".repeat(243));
        assert_eq!(long.len(), 255);
        assert_eq!(Email::parse(&long), Err(TooLong));
        let ok = format!("{}@example.com", "a".repeat(242));
        assert!(Email::parse(&ok).is_ok());
    }

    #[test]
    fn email_serde_and_error() {
        let e = Email::parse("A@B.CO").unwrap();
        assert_eq!(serde_json::to_string(&e).unwrap(), "\"a@b.co\"");
        assert_eq!(serde_json::from_str::<Email>("\"A@b.co\"").unwrap(), e);
        assert!(serde_json::from_str::<Email>("\"nope\"").is_err());
        assert!(matches!(
            CommerceError::from(EmailError::NotOneAt),
            CommerceError::Validation {
                field: Some("email"),
                ..
            }
        ));
    }

    // --- Quantity

    #[test]
    fn quantity_range() {
        assert_eq!(Quantity::parse(" 3 ").unwrap().get(), 3);
        assert_eq!(Quantity::parse("+2").unwrap().get(), 2);
        assert_eq!(Quantity::new(1), Ok(Quantity::ONE));
        assert_eq!(Quantity::new(1_000_000).unwrap().get(), Quantity::MAX);
        assert_eq!(Quantity::new(0), Err(QuantityError::OutOfRange(0)));
        assert_eq!(Quantity::new(-1), Err(QuantityError::OutOfRange(-1)));
        assert_eq!(
            Quantity::new(1_000_001),
            Err(QuantityError::OutOfRange(1_000_001))
        );
        for bad in ["", "1.5", "two", "1e3", "3 4", "99999999999999999999"] {
            assert!(
                matches!(Quantity::parse(bad), Err(QuantityError::NotANumber(_))),
                "{bad}"
            );
        }
        assert_eq!(Quantity::new(42).unwrap().to_string(), "42");
        assert_eq!(i64::from(Quantity::new(7).unwrap()), 7);
    }

    #[test]
    fn quantity_serde_and_error() {
        let q = Quantity::new(5).unwrap();
        assert_eq!(serde_json::to_string(&q).unwrap(), "5");
        assert_eq!(serde_json::from_str::<Quantity>("5").unwrap(), q);
        assert!(serde_json::from_str::<Quantity>("0").is_err());
        assert!(serde_json::from_str::<Quantity>("-3").is_err());
        assert!(matches!(
            CommerceError::from(QuantityError::OutOfRange(0)),
            CommerceError::Validation {
                field: Some("quantity"),
                ..
            }
        ));
    }

    // --- Slug

    #[test]
    fn slug_parse() {
        assert_eq!(
            Slug::parse("summer-sale-2025").unwrap().as_str(),
            "summer-sale-2025"
        );
        assert_eq!(
            Slug::parse(" Summer-Sale ").unwrap().as_str(),
            "summer-sale"
        );
        assert_eq!(Slug::parse("a").unwrap().as_str(), "a");
        assert_eq!(Slug::parse(""), Err(SlugError::Empty));
        assert_eq!(Slug::parse("-a"), Err(SlugError::BadHyphen));
        assert_eq!(Slug::parse("a-"), Err(SlugError::BadHyphen));
        assert_eq!(Slug::parse("a--b"), Err(SlugError::BadHyphen));
        assert_eq!(Slug::parse("-"), Err(SlugError::BadHyphen));
        assert_eq!(Slug::parse("a b"), Err(SlugError::InvalidChar(' ')));
        assert_eq!(Slug::parse("a_b"), Err(SlugError::InvalidChar('_')));
        assert_eq!(Slug::parse("żółw"), Err(SlugError::InvalidChar('ż')));
        assert!(Slug::parse(&"a".repeat(120)).is_ok());
        assert_eq!(Slug::parse(&"a".repeat(121)), Err(SlugError::TooLong(121)));
    }

    #[test]
    fn slug_from_greek_titles() {
        let t = |s| Slug::from_title(s).unwrap().into_string();
        assert_eq!(t("Παπούτσια"), "papoutsia");
        assert_eq!(t("ΠΑΠΟΥΤΣΙΑ"), "papoutsia");
        assert_eq!(t("Γυναικεία Μπλούζα"), "gynaikeia-blouza");
        assert_eq!(t("Ευχαριστώ"), "efcharisto");
        assert_eq!(t("Αύριο"), "avrio");
        assert_eq!(t("Ταυ"), "taf");
        assert_eq!(t("Άγγελος"), "angelos");
        assert_eq!(t("Σφίγγα"), "sfinga");
        assert_eq!(t("Θεσσαλονίκη"), "thessaloniki");
        assert_eq!(t("Ψωμί & Χυμός"), "psomi-chymos");
        assert_eq!(t("Αϋπνία"), "aypnia");
        assert_eq!(t("Κομπολόι"), "kompoloi");
        assert_eq!(t("Τσάντα δερμάτινη, μαύρη"), "tsanta-dermatini-mavri");
        // Word-initial μπ, ντ, γκ are b, d, g (as in the demo shop's stored slugs).
        assert_eq!(t("γκρι"), "gri");
        assert_eq!(t("Μπλε"), "ble");
        assert_eq!(t("ντουλάπα"), "doulapa");
        assert_eq!(t("Γκρι αγκαλιά, ντομάτα"), "gri-agkalia-domata");
        assert_eq!(t("Σαντορίνη Ζιβάγκο"), "santorini-zivagko");
    }

    #[test]
    fn slug_from_polish_and_latin_titles() {
        let t = |s| Slug::from_title(s).unwrap().into_string();
        assert_eq!(t("Żółta kurtka"), "zolta-kurtka");
        assert_eq!(t("Zażółć gęślą jaźń"), "zazolc-gesla-jazn");
        assert_eq!(t("ŁÓDŹ Świeże Śledzie"), "lodz-swieze-sledzie");
        assert_eq!(t("Crème Brûlée"), "creme-brulee");
        assert_eq!(t("Straße Øl Æble"), "strasse-ol-aeble");
        assert_eq!(
            t("Men's T-Shirt (XL) — 100% cotton!"),
            "mens-t-shirt-xl-100-cotton"
        );
        assert_eq!(t("  --Hello   World--  "), "hello-world");
        // Decomposed accents (e + combining acute) fold like precomposed ones.
        assert_eq!(t("Cafe\u{301}"), "cafe");
        // Letters of other scripts are dropped, not turned into dashes.
        assert_eq!(t("Куртка Parka"), "parka");
    }

    #[test]
    fn slug_from_title_limits() {
        assert_eq!(Slug::from_title(""), Err(SlugError::Empty));
        assert_eq!(Slug::from_title("!!! ---"), Err(SlugError::Empty));
        assert_eq!(Slug::from_title("Куртка"), Err(SlugError::Empty));
        let long = "word ".repeat(40);
        let s = Slug::from_title(&long).unwrap();
        assert!(s.as_str().len() <= Slug::MAX_LEN);
        assert!(!s.as_str().ends_with('-'));
    }

    #[test]
    fn slug_serde_and_error() {
        let s = Slug::parse("buty").unwrap();
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"buty\"");
        assert_eq!(serde_json::from_str::<Slug>("\"buty\"").unwrap(), s);
        assert!(serde_json::from_str::<Slug>("\"-x\"").is_err());
        assert!(matches!(
            CommerceError::from(SlugError::Empty),
            CommerceError::Validation {
                field: Some("slug"),
                ..
            }
        ));
    }

    /// An address as people type it, valid by construction: any case, blanks around, a local
    /// part of the characters addresses use (Greek and Polish letters too), a domain of two to
    /// four labels.
    fn typed_address() -> impl Strategy<Value = String> {
        (
            "[ \t]{0,2}",
            "[A-Za-z0-9._%+\\-ąęłóśżΑ-Ωα-ω]{1,30}",
            prop::collection::vec("[A-Za-z0-9\\-]{1,15}", 2..=4),
            "[ \t]{0,2}",
        )
            .prop_map(|(before, local, labels, after)| {
                format!("{before}{local}@{}{after}", labels.join("."))
            })
    }

    /// Mostly valid addresses (tagged `true`), some arbitrary text (`false`).
    fn address_or_text() -> impl Strategy<Value = (String, bool)> {
        prop_oneof![
            4 => typed_address().prop_map(|s| (s, true)),
            1 => "\\PC{0,60}".prop_map(|s| (s, false)),
        ]
    }

    proptest! {
        #[test]
        fn email_parse_never_panics_and_is_idempotent((s, valid) in address_or_text()) {
            let parsed = Email::parse(&s);
            if valid {
                // Every constructed address is accepted, trimmed and lower-cased.
                prop_assert!(parsed.is_ok(), "{:?}: {:?}", s, parsed);
                prop_assert_eq!(
                    parsed.as_ref().map(Email::as_str).unwrap(),
                    s.trim().to_lowercase()
                );
            }
            if let Ok(e) = parsed {
                prop_assert_eq!(Email::parse(e.as_str()), Ok(e.clone()));
            }
        }

        #[test]
        fn from_title_is_always_a_valid_slug(s in "\\PC{0,200}") {
            if let Ok(slug) = Slug::from_title(&s) {
                prop_assert_eq!(Slug::parse(slug.as_str()), Ok(slug.clone()));
            }
        }

        #[test]
        fn from_title_of_greek_and_polish_words(s in "[α-ωά-ώϊϋΐΰςa-ząćęłńóśźż0-9 ]{1,80}") {
            let slug = Slug::from_title(&s);
            // Every such title that has a letter or digit yields a slug.
            if s.chars().any(|c| !c.is_whitespace()) {
                prop_assert!(slug.is_ok(), "{:?}", s);
            }
        }

        #[test]
        fn quantity_parse_never_panics(s in "\\PC{0,30}") {
            if let Ok(q) = Quantity::parse(&s) {
                prop_assert!((1..=Quantity::MAX).contains(&q.get()));
            }
        }
    }
}
