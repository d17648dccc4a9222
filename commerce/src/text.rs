//! Small text helpers shared by the server and the domain: URL percent-encoding.

/// Decodes `application/x-www-form-urlencoded` text: `%XX` escapes and `+` for space.
/// Returns `None` for a malformed escape or bytes that are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Percent-encodes everything but ASCII letters, digits and `-_.~` (and the bytes in `keep`).
pub fn percent_encode(s: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) || keep.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The `key=value` pairs of a form-encoded body or query string, in order; malformed pairs are
/// skipped.
pub fn form_pairs(s: &str) -> impl Iterator<Item = (String, String)> + '_ {
    s.trim_start_matches('?').split('&').filter_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        Some((percent_decode(k)?, percent_decode(v)?))
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
            assert_eq!(percent_decode(&percent_encode(s, b"")).as_deref(), Some(s));
        }
        assert_eq!(percent_encode("/staff/x y", b"/"), "/staff/x%20y");
        assert_eq!(percent_decode("a+b%2Bc").as_deref(), Some("a b+c"));
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%4"), None);
        let pairs: Vec<_> = form_pairs("?a=1&bad&b=%C5%BC&c=%ff").collect();
        assert_eq!(
            pairs,
            vec![("a".into(), "1".into()), ("b".into(), "ż".into())]
        );
    }
}
