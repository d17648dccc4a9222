//! The document title.
//!
//! `leptos_meta` 0.8.7 (the newest release, and its 0.9 candidate too) writes `<Title>` text
//! into the server-rendered `<head>` as it is, so a title holding `</title><script>` would
//! inject markup: search words on `/search`, product and category names everywhere. The app's
//! root `<Title formatter=head_text/>` puts every page's title through [`head_text`] (an inner
//! `<Title>` without a formatter of its own uses the root's), so pages set plain text and never
//! a formatter.

/// What a title text becomes in the document: HTML-escaped when rendered on the server; as it
/// is in the browser, which sets `document.title` (plain text) instead.
pub fn head_text(text: String) -> String {
    #[cfg(feature = "ssr")]
    {
        escape_text(&text)
    }
    #[cfg(not(feature = "ssr"))]
    {
        text
    }
}

/// Escapes `&`, `<`, `>`, `"` and `'` for use in HTML text or a quoted attribute.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape_text("</title><script>alert('x')</script> & \"y\""),
            "&lt;/title&gt;&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
        assert_eq!(escape_text("Παπούτσια · Stoa"), "Παπούτσια · Stoa");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn server_titles_are_escaped() {
        assert_eq!(head_text("<b>x".into()), "&lt;b&gt;x");
    }
}
