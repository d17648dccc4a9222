//! The shop's languages: one definition for the database, the search index, the demo, the
//! server and the browser bundle.

use serde::{Deserialize, Serialize};

/// A language the shop's interface is translated into.
///
/// Serialises as its [`code`](Locale::code) (`"en"`, `"el"`, `"pl"`), the same value the
/// `locales` table and the `locale` columns hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// English (the default; its pages have no URL prefix).
    #[default]
    En,
    /// Greek (pages under `/el`).
    El,
    /// Polish (pages under `/pl`).
    Pl,
}

impl Locale {
    /// Every supported locale, in the order the language switcher lists them.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::El, Locale::Pl];

    /// The [`code`](Locale::code)s of [`ALL`](Locale::ALL), in the same order (the search
    /// index keeps one field per locale in this order).
    pub const CODES: [&'static str; 3] = {
        let mut codes = [""; 3];
        let mut i = 0;
        while i < codes.len() {
            codes[i] = Locale::ALL[i].code();
            i += 1;
        }
        codes
    };

    /// The ISO 639-1 code: `"en"`, `"el"` or `"pl"`.
    pub const fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::El => "el",
            Locale::Pl => "pl",
        }
    }

    /// Parses a code as returned by [`code`](Locale::code), ignoring ASCII case and surrounding
    /// whitespace. Region tags such as `"el-GR"` are not accepted here (the
    /// pages negotiate `Accept-Language` separately).
    pub fn from_code(code: &str) -> Option<Locale> {
        let code = code.trim();
        Locale::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// The language's name in that language, for the switcher: "English", "Ελληνικά", "Polski".
    pub const fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::El => "Ελληνικά",
            Locale::Pl => "Polski",
        }
    }

    /// Value for `<html lang="…">` (and `hreflang`): `"en"`, `"el"`, `"pl"`.
    pub const fn html_lang(self) -> &'static str {
        self.code()
    }

    /// URL prefix of the public pages in this language: `""` for English, `"/el"`, `"/pl"`.
    pub const fn path_prefix(self) -> &'static str {
        match self {
            Locale::En => "",
            Locale::El => "/el",
            Locale::Pl => "/pl",
        }
    }
}

impl std::fmt::Display for Locale {
    /// Writes the [`code`](Locale::code).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Locale {
    type Err = UnknownLocale;

    /// Same as [`Locale::from_code`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Locale::from_code(s).ok_or(UnknownLocale)
    }
}

/// Error of [`Locale`]'s `FromStr`: the text is not a supported locale code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownLocale;

impl std::fmt::Display for UnknownLocale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unknown locale (expected en, el or pl)")
    }
}

impl std::error::Error for UnknownLocale {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_all() {
        assert_eq!(Locale::CODES, ["en", "el", "pl"]);
        for l in Locale::ALL {
            assert_eq!(Locale::from_code(l.code()), Some(l));
            assert_eq!(l.code().parse::<Locale>(), Ok(l));
        }
        assert_eq!(Locale::from_code(" EL "), Some(Locale::El));
        assert_eq!(Locale::from_code("el-GR"), None);
    }
}
