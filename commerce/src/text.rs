//! Small text helpers shared by the server and the domain: URL query values (the
//! `percent-encoding` crate, with the escape set Stoa's addresses use) and a constant-time
//! comparison.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// The bytes a query-string value escapes: everything but ASCII letters, digits and `-_.~`
/// (RFC 3986's unreserved characters). Call sites that keep a separator readable remove it
/// (`&QUERY_VALUE.remove(b'/')` in a `const`).
pub const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes a query-string value with [`QUERY_VALUE`].
pub fn query_value(s: &str) -> String {
    utf8_percent_encode(s, QUERY_VALUE).to_string()
}

/// Decodes one `application/x-www-form-urlencoded` key or value: `%XX` escapes and `+` for
/// space. Strict, unlike the lossy decoders of the URL crates: `None` for a `%` that does not
/// start two hex digits or for bytes that are not UTF-8.
pub fn form_decode(s: &str) -> Option<String> {
    let escapes_well_formed = s.split('%').skip(1).all(|rest| {
        rest.as_bytes()
            .get(..2)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if !escapes_well_formed {
        return None;
    }
    percent_decode_str(&s.replace('+', " "))
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

/// The `key=value` pairs of a form-encoded body or query string, in order; malformed pairs are
/// skipped.
pub fn form_pairs(s: &str) -> impl Iterator<Item = (String, String)> + '_ {
    s.trim_start_matches('?').split('&').filter_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        Some((form_decode(k)?, form_decode(v)?))
    })
}

/// Whether `a` and `b` are equal, in time that depends only on their lengths (for secrets:
/// tokens, bearer keys).
pub fn constant_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for s in [
            "plain",
            "a b+c",
            "Żółta kurtka",
            "Παπούτσια",
            "100%",
            "a&b=c",
        ] {
            assert_eq!(form_decode(&query_value(s)).as_deref(), Some(s));
        }
        const PATH: &AsciiSet = &QUERY_VALUE.remove(b'/');
        assert_eq!(
            utf8_percent_encode("/staff/x y", PATH).to_string(),
            "/staff/x%20y"
        );
        assert_eq!(form_decode("a+b%2Bc").as_deref(), Some("a b+c"));
        assert_eq!(form_decode("%zz"), None);
        assert_eq!(form_decode("%4"), None);
        let pairs: Vec<_> = form_pairs("?a=1&bad&b=%C5%BC&c=%ff").collect();
        assert_eq!(
            pairs,
            vec![("a".into(), "1".into()), ("b".into(), "ż".into())]
        );
    }
}
