//! Money and VAT arithmetic.
//!
//! Amounts are `i64` counts of a currency's minor unit (cents, grosze) plus a [`Currency`]. There
//! are no floats anywhere: every operation is checked integer arithmetic that returns
//! [`MoneyError`] instead of panicking or wrapping.
//!
//! # VAT
//!
//! Stoa's prices are VAT-inclusive (DESIGN §2.1). VAT is *extracted* from a gross amount with
//! [`vat_from_gross`], using one rounding rule everywhere:
//!
//! 1. VAT is computed **per line, on the line total** (unit price × quantity), never per unit;
//! 2. `vat = gross × rate / (10000 + rate)` with the rate in basis points, rounded to the nearest
//!    minor unit, **halves away from zero**;
//! 3. `net = gross − vat`, so `gross == net + vat` holds exactly on every line;
//! 4. document totals (and the per-rate [`vat_breakdown`]) are **sums of the rounded lines**, so
//!    the breakdown always adds up to the document total to the cent.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{error::Problem, CommerceError};

/// Something went wrong in money arithmetic or parsing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Two amounts in different currencies were combined.
    #[error("cannot combine amounts in {left} and {right}")]
    CurrencyMismatch {
        /// Currency of the left-hand amount.
        left: Currency,
        /// Currency of the right-hand amount.
        right: Currency,
    },
    /// The result does not fit in an `i64` of minor units.
    #[error("amount is too large")]
    Overflow,
    /// The currency code is not one Stoa knows.
    #[error("unknown currency {0:?}")]
    UnknownCurrency(String),
    /// A decimal amount could not be read.
    #[error("{0:?} is not a valid amount")]
    InvalidAmount(String),
}

impl From<MoneyError> for CommerceError {
    fn from(e: MoneyError) -> Self {
        match e {
            MoneyError::CurrencyMismatch { .. } => CommerceError::Internal(e.to_string()),
            MoneyError::Overflow | MoneyError::InvalidAmount(_) => {
                CommerceError::validation("amount", Problem::NotAnAmount)
            }
            MoneyError::UnknownCurrency(_) => {
                CommerceError::validation("currency", Problem::UnknownCurrency)
            }
        }
    }
}

/// A currency Stoa can price in. Serialized as its ISO 4217 code (`"EUR"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum Currency {
    /// Euro (Greece and the rest of the euro area).
    Eur,
    /// Polish złoty.
    Pln,
    /// Czech koruna.
    Czk,
    /// Pound sterling.
    Gbp,
    /// US dollar.
    Usd,
}

impl Currency {
    /// Every supported currency, in declaration order.
    pub const ALL: [Currency; 5] = [
        Currency::Eur,
        Currency::Pln,
        Currency::Czk,
        Currency::Gbp,
        Currency::Usd,
    ];

    /// The ISO 4217 code, e.g. `"EUR"`.
    pub const fn code(self) -> &'static str {
        match self {
            Currency::Eur => "EUR",
            Currency::Pln => "PLN",
            Currency::Czk => "CZK",
            Currency::Gbp => "GBP",
            Currency::Usd => "USD",
        }
    }

    /// Number of decimal digits of the minor unit (2 for every supported currency).
    pub const fn exponent(self) -> u32 {
        2
    }

    /// How many minor units make one major unit (`10^exponent`, i.e. 100).
    pub const fn minor_per_major(self) -> i64 {
        10_i64.pow(self.exponent())
    }

    /// Reads an ISO code; surrounding whitespace and letter case are ignored (`" eur"` → EUR).
    pub fn parse(code: &str) -> Result<Self, MoneyError> {
        let code = code.trim();
        Currency::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code))
            .ok_or_else(|| MoneyError::UnknownCurrency(code.to_owned()))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::parse(s)
    }
}

impl TryFrom<String> for Currency {
    type Error = MoneyError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        Currency::parse(&s)
    }
}

impl From<Currency> for &'static str {
    fn from(c: Currency) -> Self {
        c.code()
    }
}

/// An amount of money: a signed count of minor units in one currency.
///
/// Negative amounts are allowed (refunds, discounts, cash out). Arithmetic is checked and refuses
/// to mix currencies. `Display` gives a plain, locale-free `"12.34 EUR"`; the UI formats per
/// locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// Amount in minor units (cents, grosze).
    pub minor: i64,
    /// Currency of the amount.
    pub currency: Currency,
}

impl Money {
    /// An amount of `minor` units of `currency`.
    pub const fn new(minor: i64, currency: Currency) -> Self {
        Money { minor, currency }
    }

    /// Zero in `currency`.
    pub const fn zero(currency: Currency) -> Self {
        Money { minor: 0, currency }
    }

    /// True when the amount is zero.
    pub const fn is_zero(self) -> bool {
        self.minor == 0
    }

    /// True when the amount is below zero.
    pub const fn is_negative(self) -> bool {
        self.minor < 0
    }

    fn same_currency(self, other: Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                left: self.currency,
                right: other.currency,
            })
        }
    }

    /// `self + other`; fails on different currencies or overflow.
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let minor = self
            .minor
            .checked_add(other.minor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(minor, self.currency))
    }

    /// `self − other`; fails on different currencies or overflow.
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let minor = self
            .minor
            .checked_sub(other.minor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(minor, self.currency))
    }

    /// `self × quantity` (a line total from a unit price); fails on overflow.
    pub fn checked_mul(self, quantity: i64) -> Result<Money, MoneyError> {
        Ok(Money::new(line_total(self.minor, quantity)?, self.currency))
    }

    /// `−self`; fails only for `i64::MIN`.
    pub fn checked_neg(self) -> Result<Money, MoneyError> {
        let minor = self.minor.checked_neg().ok_or(MoneyError::Overflow)?;
        Ok(Money::new(minor, self.currency))
    }

    /// Sums `amounts`, all of which must be in `currency`. An empty iterator gives zero.
    pub fn sum<I>(currency: Currency, amounts: I) -> Result<Money, MoneyError>
    where
        I: IntoIterator<Item = Money>,
    {
        amounts
            .into_iter()
            .try_fold(Money::zero(currency), Money::checked_add)
    }

    /// Reads a decimal amount in major units, e.g. `"12.34"`, `"12,3"`, `"-0.05"`, `"7"`.
    ///
    /// Either `.` or `,` may separate the decimals (at most [`Currency::exponent`] digits); no
    /// thousands separators, signs other than a leading `-`, or exponents. Surrounding whitespace
    /// is ignored.
    pub fn parse_major(input: &str, currency: Currency) -> Result<Money, MoneyError> {
        let invalid = || MoneyError::InvalidAmount(input.to_owned());
        let s = input.trim();
        let (negative, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (whole, frac) = match digits.find(['.', ',']) {
            Some(i) => (&digits[..i], &digits[i + 1..]),
            None => (digits, ""),
        };
        let exp = currency.exponent() as usize;
        let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() && frac.is_empty()
            || !all_digits(whole)
            || !all_digits(frac)
            || frac.len() > exp
            || digits.ends_with(['.', ','])
        {
            return Err(invalid());
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| MoneyError::Overflow)?
        };
        let mut frac_minor: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse().map_err(|_| invalid())?
        };
        for _ in frac.len()..exp {
            frac_minor *= 10;
        }
        let scaled = whole
            .checked_mul(currency.minor_per_major())
            .ok_or(MoneyError::Overflow)?;
        // Build negatives downwards so that `i64::MIN` itself can be read back.
        let minor = if negative {
            scaled.checked_neg().and_then(|m| m.checked_sub(frac_minor))
        } else {
            scaled.checked_add(frac_minor)
        }
        .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(minor, currency))
    }
}

impl fmt::Display for Money {
    /// `"12.34 EUR"`, `"-0.05 PLN"`: plain digits, a dot, the ISO code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let per = self.currency.minor_per_major().unsigned_abs();
        let abs = self.minor.unsigned_abs();
        let sign = if self.minor < 0 { "-" } else { "" };
        let width = self.currency.exponent() as usize;
        write!(
            f,
            "{sign}{}.{:0width$} {}",
            abs / per,
            abs % per,
            self.currency
        )
    }
}

/// Summing an iterator of [`Money`] with a known currency: `lines.iter().copied().sum_money(EUR)`.
pub trait SumMoney: Iterator<Item = Money> + Sized {
    /// Checked sum of every amount; all must be in `currency`. Empty gives zero.
    fn sum_money(self, currency: Currency) -> Result<Money, MoneyError> {
        Money::sum(currency, self)
    }
}

impl<I: Iterator<Item = Money>> SumMoney for I {}

/// Line total: `unit_price_minor × quantity`, checked for overflow.
pub fn line_total(unit_price_minor: i64, quantity: i64) -> Result<i64, MoneyError> {
    unit_price_minor
        .checked_mul(quantity)
        .ok_or(MoneyError::Overflow)
}

/// The VAT contained in a VAT-inclusive amount.
///
/// `vat = gross × rate_bp / (10000 + rate_bp)`, rounded to the nearest minor unit with halves
/// going **away from zero** (so a refund line mirrors its sale line exactly). `rate_bp` is the
/// rate in basis points: 2400 = 24 %, 2300 = 23 %, 0 = exempt.
///
/// Apply it **once per line, on the line total** (never per unit), take `net = gross − vat`, and
/// build document totals as sums of the rounded lines (see [`vat_breakdown`]). The result always
/// has the sign of `gross` and `|vat| ≤ |gross|`, so this never overflows or panics.
///
/// ```
/// use commerce::money::vat_from_gross;
/// assert_eq!(vat_from_gross(1240, 2400), 240); // 12.40 EUR incl. 24 % Greek VAT
/// assert_eq!(vat_from_gross(12300, 2300), 2300); // 123.00 PLN incl. 23 % Polish VAT
/// ```
pub fn vat_from_gross(gross_minor: i64, rate_bp: u32) -> i64 {
    let rate = i128::from(rate_bp);
    let num = i128::from(gross_minor.unsigned_abs()) * rate;
    let den = 10_000 + rate;
    // round(num / den), halves up, on the magnitude: floor((2·num + den) / (2·den)).
    let magnitude = (2 * num + den) / (2 * den);
    let signed = if gross_minor < 0 {
        -magnitude
    } else {
        magnitude
    };
    // |vat| ≤ |gross| (rate / (10000 + rate) < 1, and rounding cannot pass the next integer),
    // so this always fits; the fallback is unreachable.
    i64::try_from(signed).unwrap_or(gross_minor)
}

/// Gross, net and VAT of everything taxed at one rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct VatBreakdown {
    /// VAT rate in basis points (2400 = 24 %).
    pub rate_bp: u32,
    /// VAT-inclusive total at this rate.
    pub gross_minor: i64,
    /// Total without VAT (`gross_minor − vat_minor`).
    pub net_minor: i64,
    /// VAT at this rate: the sum of each line's rounded VAT.
    pub vat_minor: i64,
}

impl VatBreakdown {
    /// Breakdown of a single line (its line total and rate), rounded with [`vat_from_gross`].
    pub fn for_line(gross_minor: i64, rate_bp: u32) -> Self {
        let vat_minor = vat_from_gross(gross_minor, rate_bp);
        VatBreakdown {
            rate_bp,
            gross_minor,
            net_minor: gross_minor - vat_minor,
            vat_minor,
        }
    }
}

/// Groups document lines `(line gross, rate_bp)` by VAT rate, in ascending rate order.
///
/// Each group is the **sum of per-line rounded values** (VAT is rounded on every line with
/// [`vat_from_gross`], never on the group total), so the gross of all groups equals the sum of
/// the line grosses, and each group's `net + vat == gross` exactly. Fails with
/// [`MoneyError::Overflow`] only if a sum leaves the `i64` range.
pub fn vat_breakdown(lines: &[(i64, u32)]) -> Result<Vec<VatBreakdown>, MoneyError> {
    let mut groups: BTreeMap<u32, VatBreakdown> = BTreeMap::new();
    for &(gross, rate_bp) in lines {
        let line = VatBreakdown::for_line(gross, rate_bp);
        let group = groups.entry(rate_bp).or_insert(VatBreakdown {
            rate_bp,
            gross_minor: 0,
            net_minor: 0,
            vat_minor: 0,
        });
        let add = |a: i64, b: i64| a.checked_add(b).ok_or(MoneyError::Overflow);
        group.gross_minor = add(group.gross_minor, line.gross_minor)?;
        group.net_minor = add(group.net_minor, line.net_minor)?;
        group.vat_minor = add(group.vat_minor, line.vat_minor)?;
    }
    Ok(groups.into_values().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const EUR: Currency = Currency::Eur;
    const PLN: Currency = Currency::Pln;

    #[test]
    fn currency_codes_parse_and_serialize() {
        assert_eq!(Currency::parse("EUR"), Ok(EUR));
        assert_eq!(Currency::parse("PLN"), Ok(PLN));
        assert_eq!(" pln ".parse::<Currency>(), Ok(PLN));
        assert_eq!(
            Currency::parse("XYZ"),
            Err(MoneyError::UnknownCurrency("XYZ".into()))
        );
        for c in Currency::ALL {
            assert_eq!(c.exponent(), 2);
            assert_eq!(c.minor_per_major(), 100);
            assert_eq!(Currency::parse(c.code()), Ok(c));
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.code())
            );
        }
        assert_eq!(serde_json::from_str::<Currency>("\"EUR\"").unwrap(), EUR);
        assert!(serde_json::from_str::<Currency>("\"DRX\"").is_err());
    }

    #[test]
    fn money_serde_round_trip() {
        let m = Money::new(1234, PLN);
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, r#"{"minor":1234,"currency":"PLN"}"#);
        assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), m);
    }

    #[test]
    fn display_is_plain() {
        assert_eq!(Money::new(1234, EUR).to_string(), "12.34 EUR");
        assert_eq!(Money::new(5, PLN).to_string(), "0.05 PLN");
        assert_eq!(Money::new(-5, PLN).to_string(), "-0.05 PLN");
        assert_eq!(Money::new(-1200, EUR).to_string(), "-12.00 EUR");
        assert_eq!(Money::zero(EUR).to_string(), "0.00 EUR");
        assert_eq!(
            Money::new(i64::MIN, EUR).to_string(),
            "-92233720368547758.08 EUR"
        );
    }

    #[test]
    fn parse_major_amounts() {
        let p = |s| Money::parse_major(s, EUR).map(|m| m.minor);
        assert_eq!(p("12.34"), Ok(1234));
        assert_eq!(p("12,3"), Ok(1230));
        assert_eq!(p(" 7 "), Ok(700));
        assert_eq!(p("-0.05"), Ok(-5));
        assert_eq!(p(".5"), Ok(50));
        for bad in [
            "", "-", ".", "1.", "1.234", "1e3", "+1", "1 000", "12.3.4", "abc", "--1",
        ] {
            assert!(matches!(p(bad), Err(MoneyError::InvalidAmount(_))), "{bad}");
        }
        assert_eq!(p("99999999999999999999"), Err(MoneyError::Overflow));
        assert_eq!(p("92233720368547758.08"), Err(MoneyError::Overflow));
        assert_eq!(p("-92233720368547758.08"), Ok(i64::MIN));
    }

    #[test]
    fn arithmetic_is_checked() {
        let a = Money::new(1000, EUR);
        assert_eq!(
            a.checked_add(Money::new(234, EUR)),
            Ok(Money::new(1234, EUR))
        );
        assert_eq!(
            a.checked_sub(Money::new(1500, EUR)),
            Ok(Money::new(-500, EUR))
        );
        assert_eq!(a.checked_mul(3), Ok(Money::new(3000, EUR)));
        assert_eq!(
            a.checked_add(Money::new(1, PLN)),
            Err(MoneyError::CurrencyMismatch {
                left: EUR,
                right: PLN
            })
        );
        assert_eq!(
            Money::new(i64::MAX, EUR).checked_add(Money::new(1, EUR)),
            Err(MoneyError::Overflow)
        );
        assert_eq!(
            Money::new(i64::MIN, EUR).checked_sub(Money::new(1, EUR)),
            Err(MoneyError::Overflow)
        );
        assert_eq!(
            Money::new(i64::MAX, EUR).checked_mul(2),
            Err(MoneyError::Overflow)
        );
        assert_eq!(
            Money::new(i64::MIN, EUR).checked_neg(),
            Err(MoneyError::Overflow)
        );
        assert_eq!(line_total(1999, 3), Ok(5997));
        assert_eq!(line_total(i64::MAX / 2 + 1, 2), Err(MoneyError::Overflow));
    }

    #[test]
    fn sums() {
        let lines = [
            Money::new(100, PLN),
            Money::new(250, PLN),
            Money::new(-50, PLN),
        ];
        assert_eq!(Money::sum(PLN, lines), Ok(Money::new(300, PLN)));
        assert_eq!(
            lines.iter().copied().sum_money(PLN),
            Ok(Money::new(300, PLN))
        );
        assert_eq!(Money::sum(EUR, []), Ok(Money::zero(EUR)));
        assert!(matches!(
            Money::sum(EUR, lines),
            Err(MoneyError::CurrencyMismatch { .. })
        ));
    }

    #[test]
    fn money_error_maps_to_commerce_error() {
        assert!(matches!(
            CommerceError::from(MoneyError::Overflow),
            CommerceError::Validation {
                field: Some("amount"),
                ..
            }
        ));
        assert!(matches!(
            CommerceError::from(MoneyError::CurrencyMismatch {
                left: EUR,
                right: PLN
            }),
            CommerceError::Internal(_)
        ));
    }

    #[test]
    fn vat_worked_examples() {
        // Greece 24 %: 12.40 gross = 10.00 net + 2.40 VAT.
        assert_eq!(vat_from_gross(1240, 2400), 240);
        // Poland 23 %: 123.00 gross = 100.00 net + 23.00 VAT.
        assert_eq!(vat_from_gross(12300, 2300), 2300);
        // Poland 8 %: 10.80 = 10.00 + 0.80; 5 %: 10.50 = 10.00 + 0.50.
        assert_eq!(vat_from_gross(1080, 800), 80);
        assert_eq!(vat_from_gross(1050, 500), 50);
        // Greece 13 % and 6 %.
        assert_eq!(vat_from_gross(1130, 1300), 130);
        assert_eq!(vat_from_gross(1060, 600), 60);
        // 9.99 at 24 %: 999 × 24 / 124 = 193.35… → 1.93.
        assert_eq!(vat_from_gross(999, 2400), 193);
        // 1.00 at 23 %: 100 × 23 / 123 = 18.699… → 0.19.
        assert_eq!(vat_from_gross(100, 2300), 19);
        // 0 % and zero amounts.
        assert_eq!(vat_from_gross(12345, 0), 0);
        assert_eq!(vat_from_gross(0, 2400), 0);
        // Refund lines mirror sale lines.
        assert_eq!(vat_from_gross(-1240, 2400), -240);
        assert_eq!(vat_from_gross(-999, 2400), -193);
    }

    #[test]
    fn vat_rounds_half_away_from_zero() {
        // At 100 % (10000 bp) the VAT is exactly half the gross, so odd amounts end in .5.
        // gross 1 → 0.5 → 1.
        assert_eq!(vat_from_gross(1, 10_000), 1);
        assert_eq!(vat_from_gross(-1, 10_000), -1);
        // gross 3 at 100 %: 1.5 → 2; gross 5: 2.5 → 3 (not banker's 2).
        assert_eq!(vat_from_gross(3, 10_000), 2);
        assert_eq!(vat_from_gross(5, 10_000), 3);
        assert_eq!(vat_from_gross(-5, 10_000), -3);
        // 20 % (UK): VAT = gross / 6, so (in minor units) 3 → 0.5 → 1 and 9 → 1.5 → 2.
        assert_eq!(vat_from_gross(3, 2000), 1);
        assert_eq!(vat_from_gross(9, 2000), 2);
        assert_eq!(vat_from_gross(-9, 2000), -2);
        // 25 % of 10.00 gross: 1000 × 2500 / 12500 = 200 exactly.
        assert_eq!(vat_from_gross(1000, 2500), 200);
        // 25 %: gross 1 → 0.2 → 0; gross 3 → 0.6 → 1.
        assert_eq!(vat_from_gross(1, 2500), 0);
        assert_eq!(vat_from_gross(3, 2500), 1);
    }

    #[test]
    fn vat_extremes_do_not_overflow() {
        assert_eq!(vat_from_gross(i64::MAX, 0), 0);
        // A silly 42 949 672.95 % rate: almost all of the amount is VAT, and nothing overflows.
        assert_eq!(
            vat_from_gross(i64::MAX, u32::MAX),
            9_223_350_562_068_290_691
        );
        assert_eq!(
            vat_from_gross(i64::MIN, u32::MAX),
            -9_223_350_562_068_290_692
        );
        assert_eq!(vat_from_gross(i64::MIN, 2400), -1_785_168_781_326_730_802);
    }

    #[test]
    fn breakdown_groups_sums_of_rounded_lines() {
        // Three lines of 0.03 at 24 %: each 3 × 24 / 124 = 0.58 → 0.01 VAT, so the group holds
        // 0.03 VAT, although rounding the group's 0.09 would give 0.02. Lines win.
        let lines = [
            (3, 2400),
            (3, 2400),
            (3, 2400),
            (1240, 2400),
            (12300, 2300),
            (500, 0),
        ];
        let b = vat_breakdown(&lines).unwrap();
        assert_eq!(
            b,
            vec![
                VatBreakdown {
                    rate_bp: 0,
                    gross_minor: 500,
                    net_minor: 500,
                    vat_minor: 0
                },
                VatBreakdown {
                    rate_bp: 2300,
                    gross_minor: 12300,
                    net_minor: 10000,
                    vat_minor: 2300
                },
                VatBreakdown {
                    rate_bp: 2400,
                    gross_minor: 1249,
                    net_minor: 1006,
                    vat_minor: 243
                },
            ]
        );
        assert_eq!(vat_from_gross(9, 2400), 2);
        assert_eq!(vat_breakdown(&[]).unwrap(), vec![]);
        assert_eq!(
            vat_breakdown(&[(i64::MAX, 0), (1, 0)]),
            Err(MoneyError::Overflow)
        );
    }

    #[test]
    fn line_breakdown() {
        assert_eq!(
            VatBreakdown::for_line(1240, 2400),
            VatBreakdown {
                rate_bp: 2400,
                gross_minor: 1240,
                net_minor: 1000,
                vat_minor: 240
            }
        );
    }

    fn currency() -> impl Strategy<Value = Currency> {
        prop::sample::select(Currency::ALL.to_vec())
    }

    /// The documented VAT of a line, `round_half_away(gross × rate / (10000 + rate))`, worked
    /// out another way than [`vat_from_gross`]: the exact quotient and remainder in `i128` of
    /// the signed product, a remainder of exactly half rounded away from zero.
    fn reference_vat(gross: i64, rate_bp: u32) -> i128 {
        use std::cmp::Ordering::*;
        let num = i128::from(gross) * i128::from(rate_bp);
        let den = 10_000 + i128::from(rate_bp);
        // num = q·den + r with 0 ≤ r < den: q is the floor.
        let (q, r) = (num.div_euclid(den), num.rem_euclid(den));
        match (2 * r).cmp(&den) {
            Less => q,
            Greater => q + 1,
            Equal if num > 0 => q + 1,
            Equal => q,
        }
    }

    #[test]
    fn reference_vat_rounds_halves_away_from_zero() {
        // 100 % VAT: the VAT of an odd gross is an exact half.
        assert_eq!(reference_vat(1, 10_000), 1);
        assert_eq!(reference_vat(-1, 10_000), -1);
        assert_eq!(reference_vat(3, 10_000), 2);
        assert_eq!(reference_vat(-3, 10_000), -2);
        assert_eq!(reference_vat(1240, 2400), 240);
        assert_eq!(reference_vat(-9, 2400), -2);
    }

    /// Line grosses: any size, and often small (where exact halves occur).
    fn line_gross() -> impl Strategy<Value = i64> {
        prop_oneof![-1_000_000_000_000i64..=1_000_000_000_000, -1_000i64..=1_000]
    }

    /// VAT rates: any from 0 to 100 %, and often the real ones or 100 % (exact halves).
    fn vat_rate() -> impl Strategy<Value = u32> {
        prop_oneof![
            0u32..=10_000,
            prop::sample::select(vec![0u32, 500, 600, 800, 1300, 2300, 2400, 10_000])
        ]
    }

    proptest! {
        #[test]
        fn gross_is_net_plus_vat(gross in line_gross(), rate in vat_rate()) {
            let b = VatBreakdown::for_line(gross, rate);
            // Against the independent reference: the VAT and the net it leaves are exact.
            let vat = reference_vat(gross, rate);
            prop_assert_eq!(i128::from(b.vat_minor), vat);
            prop_assert_eq!(i128::from(b.net_minor), i128::from(gross) - vat);
            prop_assert_eq!(b.net_minor + b.vat_minor, gross);
            prop_assert_eq!(vat_from_gross(-gross, rate), -vat_from_gross(gross, rate));
            // The net is the exact net, gross × 10000 / (10000 + rate), to within half a unit.
            let den = 10_000 + i128::from(rate);
            prop_assert!((2 * i128::from(b.net_minor) * den - 2 * i128::from(gross) * 10_000).abs() <= den);
        }

        #[test]
        fn vat_is_between_zero_and_gross(gross in 0i64..=1_000_000_000_000, rate in 0u32..=10_000) {
            let vat = vat_from_gross(gross, rate);
            prop_assert!(0 <= vat && vat <= gross);
        }

        #[test]
        fn vat_is_correctly_rounded(gross in 0i64..=1_000_000_000_000, rate in 0u32..=10_000) {
            // |vat − gross·rate/(10000+rate)| ≤ ½, i.e. |2·vat·den − 2·gross·rate| ≤ den.
            let vat = i128::from(vat_from_gross(gross, rate));
            let den = 10_000 + i128::from(rate);
            let exact2 = 2 * i128::from(gross) * i128::from(rate);
            prop_assert!((2 * vat * den - exact2).abs() <= den);
        }

        #[test]
        fn vat_never_panics(gross in any::<i64>(), rate in any::<u32>()) {
            let vat = vat_from_gross(gross, rate);
            prop_assert!(vat.unsigned_abs() <= gross.unsigned_abs());
            prop_assert!(vat == 0 || (vat < 0) == (gross < 0));
        }

        #[test]
        fn breakdown_totals_match_lines(
            lines in prop::collection::vec(
                (-1_000_000_000i64..=1_000_000_000, prop::sample::select(vec![0u32, 500, 600, 800, 1300, 2300, 2400])),
                0..40,
            )
        ) {
            let b = vat_breakdown(&lines).unwrap();
            let gross: i64 = lines.iter().map(|l| l.0).sum();
            let vat: i64 = lines.iter().map(|&(g, r)| vat_from_gross(g, r)).sum();
            prop_assert_eq!(b.iter().map(|g| g.gross_minor).sum::<i64>(), gross);
            prop_assert_eq!(b.iter().map(|g| g.vat_minor).sum::<i64>(), vat);
            prop_assert_eq!(b.iter().map(|g| g.net_minor).sum::<i64>(), gross - vat);
            for g in &b {
                prop_assert_eq!(g.net_minor + g.vat_minor, g.gross_minor);
            }
            prop_assert!(b.windows(2).all(|w| w[0].rate_bp < w[1].rate_bp));
        }

        #[test]
        fn money_sum_matches_i64_sum(
            c in currency(),
            lines in prop::collection::vec((-1_000_000_000i64..=1_000_000_000, 1i64..=1000), 0..50),
        ) {
            let totals: Vec<Money> = lines
                .iter()
                .map(|&(unit, qty)| Money::new(unit, c).checked_mul(qty).unwrap())
                .collect();
            let expected: i64 = lines.iter().map(|&(unit, qty)| unit * qty).sum();
            prop_assert_eq!(Money::sum(c, totals), Ok(Money::new(expected, c)));
        }

        #[test]
        fn add_sub_mul_never_panic(a in any::<i64>(), b in any::<i64>()) {
            let (x, y) = (Money::new(a, Currency::Eur), Money::new(b, Currency::Eur));
            match a.checked_add(b) {
                Some(s) => prop_assert_eq!(x.checked_add(y), Ok(Money::new(s, Currency::Eur))),
                None => prop_assert_eq!(x.checked_add(y), Err(MoneyError::Overflow)),
            }
            match a.checked_sub(b) {
                Some(s) => prop_assert_eq!(x.checked_sub(y), Ok(Money::new(s, Currency::Eur))),
                None => prop_assert_eq!(x.checked_sub(y), Err(MoneyError::Overflow)),
            }
            match a.checked_mul(b) {
                Some(s) => prop_assert_eq!(x.checked_mul(b), Ok(Money::new(s, Currency::Eur))),
                None => prop_assert_eq!(x.checked_mul(b), Err(MoneyError::Overflow)),
            }
            prop_assert!(x.checked_add(Money::new(b, Currency::Pln)).is_err());
        }

        #[test]
        fn display_parse_round_trip(minor in any::<i64>(), c in currency()) {
            let m = Money::new(minor, c);
            let shown = m.to_string();
            let (amount, code) = shown.split_once(' ').unwrap();
            prop_assert_eq!(code, c.code());
            prop_assert_eq!(Money::parse_major(amount, c), Ok(m));
        }
    }
}
