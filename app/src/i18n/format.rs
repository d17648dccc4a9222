//! Locale-aware formatting of numbers, money, percentages and dates, and CLDR plural rules.
//!
//! Hand-written from the CLDR data of each locale (no ICU, so it builds for wasm32):
//!
//! | locale | decimal | grouping | groups from | money            | long date          |
//! |--------|---------|----------|-------------|------------------|--------------------|
//! | en     | `.`     | `,`      | 1,000       | `€12.34`, `-€12.34`, `PLN 12.34` | `23 November 2026` |
//! | el     | `,`     | `.`      | 1.000       | `12,34 €`        | `23 Νοεμβρίου 2026` |
//! | pl     | `,`     | U+00A0   | 10 000      | `12,34 zł`       | `23 listopada 2026` |
//!
//! English follows en-GB (the shop sells in Europe: day-month-year, `£`, `US$`). Greek and Polish
//! put the currency symbol after the amount, separated by a NO-BREAK SPACE (U+00A0), as in CLDR's
//! `#,##0.00 ¤`. Polish has CLDR `minimumGroupingDigits = 2`: four-digit numbers are not grouped
//! ("1234", "12 345"). The minus sign is the ASCII hyphen-minus in all three locales (CLDR).

use super::Locale;

/// NO-BREAK SPACE, used between amount and currency and as the Polish group separator.
const NBSP: char = '\u{a0}';

/// Decimal separator, group separator and CLDR `minimumGroupingDigits` of a locale.
fn symbols(locale: Locale) -> (char, char, usize) {
    match locale {
        Locale::En => ('.', ',', 1),
        Locale::El => (',', '.', 1),
        Locale::Pl => (',', NBSP, 2),
    }
}

/// Formats a non-negative integer with the locale's digit grouping.
pub(super) fn format_unsigned(locale: Locale, n: u128) -> String {
    let (_, group, min_grouping) = symbols(locale);
    let digits = n.to_string();
    // Grouping applies only when the highest group has at least `min_grouping` digits,
    // i.e. from 3 + min_grouping digits on.
    if digits.len() < 3 + min_grouping {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    out
}

/// Formats an integer with the locale's grouping: `1234567` → "1,234,567" (en),
/// "1.234.567" (el), "1 234 567" (pl, with U+00A0; but "1234"). Negative numbers get a leading
/// "-".
pub fn format_number(locale: Locale, n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!(
        "{sign}{}",
        format_unsigned(locale, u128::from(n.unsigned_abs()))
    )
}

/// `value / 10^fraction_digits` with exactly `fraction_digits` decimals, grouped.
fn format_fixed(locale: Locale, value: u64, fraction_digits: u32) -> String {
    let (decimal, _, _) = symbols(locale);
    let scale = 10u64.pow(fraction_digits);
    let int = format_unsigned(locale, u128::from(value / scale));
    if fraction_digits == 0 {
        return int;
    }
    let width = fraction_digits as usize;
    format!("{int}{decimal}{:0width$}", value % scale)
}

/// Number of minor-unit digits of an ISO 4217 currency (2 unless listed).
fn currency_fraction_digits(code: &str) -> u32 {
    match code {
        "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX"
        | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        _ => 2,
    }
}

/// The CLDR currency symbol of `code` in `locale`; the ISO code itself when CLDR has no
/// narrower symbol for that locale.
fn currency_symbol(locale: Locale, code: &str) -> String {
    let symbol = match (code, locale) {
        ("EUR", _) => "€",
        ("PLN", Locale::Pl) => "zł",
        ("GBP", Locale::En | Locale::El) => "£",
        ("USD", Locale::En) => "US$",
        ("USD", Locale::El) => "$",
        _ => return code.to_string(),
    };
    symbol.to_string()
}

/// Formats an amount held in minor units (cents, grosze) of an ISO 4217 currency.
///
/// - en: symbol first, `€12.34`, `£1,234.50`, `-€5.00`; a symbol made of letters is followed by
///   a no-break space (CLDR currency spacing): `PLN 12.34`.
/// - el: `12,34 €`, `1.234,50 €`, `-5,00 €`, `12,34 PLN`.
/// - pl: `12,34 zł`, `12,34 €`, `1234,50 zł`, `12 345,00 zł`, `-5,00 zł`.
///
/// The space before a trailing symbol is U+00A0. Minor-unit digits follow ISO 4217 (2 for EUR,
/// PLN, GBP, USD; 0 for JPY …). `currency_code` is matched case-insensitively; unknown codes are
/// shown as the code.
pub fn format_money(locale: Locale, minor: i64, currency_code: &str) -> String {
    let code = currency_code.trim().to_ascii_uppercase();
    let number = format_fixed(
        locale,
        minor.unsigned_abs(),
        currency_fraction_digits(&code),
    );
    let sign = if minor < 0 { "-" } else { "" };
    let symbol = currency_symbol(locale, &code);
    match locale {
        Locale::En => {
            let spacing = if symbol.chars().last().is_some_and(char::is_alphabetic) {
                "\u{a0}"
            } else {
                ""
            };
            format!("{sign}{symbol}{spacing}{number}")
        }
        Locale::El | Locale::Pl => format!("{sign}{number}{NBSP}{symbol}"),
    }
}

/// Formats a rate in basis points as a percentage: `2400` → "24%" in all three locales (CLDR
/// `#,##0%`, no space before `%` in en, el and pl); fractions keep only significant digits:
/// `550` → "5.5%" (en), "5,5%" (el, pl); `1` → "0.01%".
pub fn format_percent_bp(locale: Locale, bp: u32) -> String {
    let (decimal, _, _) = symbols(locale);
    let int = format_unsigned(locale, u128::from(bp / 100));
    let frac = bp % 100;
    if frac == 0 {
        format!("{int}%")
    } else {
        let frac = format!("{frac:02}");
        format!("{int}{decimal}{}%", frac.trim_end_matches('0'))
    }
}

/// Month names as used inside a date ("format" context): Greek and Polish use the genitive.
const MONTHS: [[&str; 12]; 3] = [
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "Ιανουαρίου",
        "Φεβρουαρίου",
        "Μαρτίου",
        "Απριλίου",
        "Μαΐου",
        "Ιουνίου",
        "Ιουλίου",
        "Αυγούστου",
        "Σεπτεμβρίου",
        "Οκτωβρίου",
        "Νοεμβρίου",
        "Δεκεμβρίου",
    ],
    [
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    ],
];

/// ISO 8601 fallback for impossible months.
fn iso_date(year: i32, month: u32, day: u32) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// Long date (CLDR `d MMMM y` in all three locales, genitive month in el and pl):
/// "23 November 2026", "23 Νοεμβρίου 2026", "23 listopada 2026".
///
/// Takes the parts chrono's `Datelike` returns (`year()`, `month()` 1–12, `day()`); the day is
/// not validated. A month outside 1–12 yields ISO "2026-13-01" rather than a panic.
pub fn format_date(locale: Locale, year: i32, month: u32, day: u32) -> String {
    let Some(name) = month
        .checked_sub(1)
        .and_then(|i| MONTHS[locale as usize].get(i as usize))
    else {
        return iso_date(year, month, day);
    };
    format!("{day} {name} {year}")
}

/// Numeric date for tables and receipts (CLDR `yMd` skeleton with four-digit years):
/// en-GB "05/03/2026" (`dd/MM/y`), el "5/3/2026" (`d/M/y`), pl "5.03.2026" (`d.MM.y`).
/// A month outside 1–12 yields ISO "2026-13-01".
pub fn format_date_numeric(locale: Locale, year: i32, month: u32, day: u32) -> String {
    if !(1..=12).contains(&month) {
        return iso_date(year, month, day);
    }
    match locale {
        Locale::En => format!("{day:02}/{month:02}/{year}"),
        Locale::El => format!("{day}/{month}/{year}"),
        Locale::Pl => format!("{day}.{month:02}.{year}"),
    }
}

/// Time of day, 24-hour "14:05" (`HH:mm`) in every locale. This is CLDR for en-GB and pl; for
/// Greek CLDR prefers "2:05 μ.μ.", but shops, opening hours and receipts in Greece use the
/// 24-hour clock, so Stoa does too.
pub fn format_time(_locale: Locale, hour: u32, minute: u32) -> String {
    format!("{hour:02}:{minute:02}")
}

/// CLDR plural category of an integer count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PluralCategory {
    /// en, el: exactly 1; pl: exactly 1.
    One,
    /// pl: ends in 2–4, except 12–14 (2, 3, 4, 22, 23, 24, 102 …).
    Few,
    /// pl: every other integer (0, 5–21, 25–31, 111–114 …).
    Many,
    /// en, el: every count except 1.
    Other,
}

/// The CLDR plural category of the integer `n` in `locale` (rules for integers, `v = 0`):
/// en and el: `one` for 1, else `other`; pl: `one` for 1; `few` when `n % 10` is 2–4 and
/// `n % 100` is not 12–14; else `many`.
pub fn plural_category(locale: Locale, n: u64) -> PluralCategory {
    match locale {
        Locale::En | Locale::El => {
            if n == 1 {
                PluralCategory::One
            } else {
                PluralCategory::Other
            }
        }
        Locale::Pl => {
            if n == 1 {
                PluralCategory::One
            } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
                PluralCategory::Few
            } else {
                PluralCategory::Many
            }
        }
    }
}

/// Picks the form of a word for the count `n`: `one` for [`PluralCategory::One`], `few` for
/// [`PluralCategory::Few`], `many` for [`PluralCategory::Many`] and [`PluralCategory::Other`].
/// For English and Greek `few` is never used: pass the plural as `many`, e.g.
/// `plural(l, n, "product", "products", "products")` or
/// `plural(Pl, n, "produkt", "produkty", "produktów")`.
pub fn plural<'a>(locale: Locale, n: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    match plural_category(locale, n) {
        PluralCategory::One => one,
        PluralCategory::Few => few,
        PluralCategory::Many | PluralCategory::Other => many,
    }
}
