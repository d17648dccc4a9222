//! Text analysis: how names and queries become terms.
//!
//! Every text field goes through `SimpleTokenizer → RemoveLongFilter → LowerCaser →
//! AsciiFoldingFilter → GreekFold → Stemmer` (no stemmer for Polish: tantivy has none).
//! `AsciiFoldingFilter` folds Latin letters with diacritics, Polish ones included (`ł → l`);
//! [`GreekFold`] removes Greek tonos and dialytika and folds final sigma (`ς → σ`). Folding comes
//! before stemming: the Greek stemmer lower-cases and strips accents itself, so a folded word
//! stems like the original, and the English stemmer only knows `a–z`.
//!
//! Text is NFC-normalised first, so a letter typed as base + combining accent is one letter.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer, TokenizerManager,
};
use unicode_normalization::UnicodeNormalization;

/// Name of the folding analyzer (no stemming): exact, typo and prefix matching.
pub const FOLD: &str = "fold";

/// Locales with their own text fields, in field order.
pub const LOCALES: [&str; 3] = crate::locale::Locale::CODES;

/// Longest token kept, in bytes.
const MAX_TOKEN_BYTES: usize = 80;

/// Tokenizer name of the stemmed text fields of `locale`.
pub fn text_analyzer_name(locale: &str) -> String {
    format!("text_{locale}")
}

fn fold_builder() -> tantivy::tokenizer::TextAnalyzerBuilder<impl Tokenizer> {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(GreekFold)
}

/// The folding analyzer.
pub fn fold_analyzer() -> TextAnalyzer {
    fold_builder().build()
}

/// The stemmed analyzer of `locale` (the folding one where there is no stemmer).
pub fn text_analyzer(locale: &str) -> TextAnalyzer {
    match locale {
        "en" => fold_builder()
            .filter(Stemmer::new(Language::English))
            .build(),
        "el" => fold_builder().filter(Stemmer::new(Language::Greek)).build(),
        _ => fold_analyzer(),
    }
}

/// Registers every analyzer the schema names. Call on every index open: tantivy does not
/// persist tokenizers.
pub fn register(manager: &TokenizerManager) {
    manager.register(FOLD, fold_analyzer());
    for l in LOCALES {
        manager.register(&text_analyzer_name(l), text_analyzer(l));
    }
}

/// NFC-normalised text.
pub fn normalize(text: &str) -> String {
    text.nfc().collect()
}

/// Runs `analyzer` over NFC-normalised `text` and returns the terms.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let text = normalize(text);
    let mut out = Vec::new();
    analyzer
        .token_stream(&text)
        .process(&mut |t: &Token| out.push(t.text.clone()));
    out
}

/// The folded words of `text` (lower case, no accents, final sigma folded).
pub fn fold_words(text: &str) -> Vec<String> {
    terms(&mut fold_analyzer(), text)
}

/// Folded words too common to narrow a search (articles, conjunctions, prepositions in English,
/// Greek and Polish). A query drops them unless it has nothing else: they would match most of the
/// catalogue through the descriptions and cost the most to count.
const STOP_WORDS: [&str; 58] = [
    // English
    "a",
    "an",
    "and",
    "the",
    "of",
    "with",
    "for",
    "in",
    "on",
    "to",
    "at",
    "by",
    "from",
    "or",
    "is",
    "it",
    "its",
    "this",
    "that",
    // Greek (folded)
    "και",
    "με",
    "για",
    "σε",
    "στο",
    "στη",
    "στην",
    "στα",
    "στον",
    "το",
    "τα",
    "τη",
    "την",
    "ο",
    "η",
    "οι",
    "του",
    "τησ",
    "των",
    "απο",
    "ενα",
    "μια",
    "που",
    "ειναι",
    // Polish (folded)
    "i",
    "w",
    "z",
    "na",
    "do",
    "ze",
    "we",
    "o",
    "od",
    "po",
    "dla",
    "oraz",
    "lub",
    "jest",
    "to",
];

/// Whether a folded word is a stop word (see [`STOP_WORDS`]).
pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.contains(&folded)
}

/// Folds Greek tonos, dialytika and final sigma; drops stray combining marks.
#[derive(Clone, Copy, Debug, Default)]
pub struct GreekFold;

impl TokenFilter for GreekFold {
    type Tokenizer<T: Tokenizer> = GreekFoldFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> GreekFoldFilter<T> {
        GreekFoldFilter { inner }
    }
}

/// [`GreekFold`] applied to a tokenizer.
#[derive(Clone, Debug)]
pub struct GreekFoldFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for GreekFoldFilter<T> {
    type TokenStream<'a> = GreekFoldStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        GreekFoldStream {
            tail: self.inner.token_stream(text),
            buf: String::new(),
        }
    }
}

/// Token stream of [`GreekFoldFilter`].
pub struct GreekFoldStream<S> {
    tail: S,
    buf: String,
}

/// The folded form of one (lower-case) character; `None` drops it.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        'ς' => 'σ',
        '\u{0300}'..='\u{036F}' => return None,
        c => c,
    })
}

impl<S: TokenStream> TokenStream for GreekFoldStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if !token.text.is_ascii() {
            self.buf.clear();
            self.buf.extend(token.text.chars().filter_map(fold_char));
            std::mem::swap(&mut token.text, &mut self.buf);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greek_accents_case_and_final_sigma_fold_to_one_form() {
        for w in ["παπουτσια", "ΠΑΠΟΎΤΣΙΑ", "παπούτσια", "Παπούτσια"]
        {
            assert_eq!(fold_words(w), ["παπουτσια"], "{w}");
        }
        assert_eq!(fold_words("Δερμάτινος"), ["δερματινοσ"]);
        assert_eq!(fold_words("δερματινοσ"), fold_words("ΔΕΡΜΆΤΙΝΟΣ"));
        assert_eq!(fold_words("προϊόν ΐ"), ["προιον", "ι"]);
        // Decomposed input (α + combining acute) is the same word.
        assert_eq!(fold_words("παπου\u{0301}τσια"), ["παπουτσια"]);
    }

    #[test]
    fn polish_letters_fold_to_ascii() {
        assert_eq!(fold_words("Żółta kurtka"), ["zolta", "kurtka"]);
        assert_eq!(
            fold_words("ą ć ę ł ń ó ś ź ż Ł"),
            ["a", "c", "e", "l", "n", "o", "s", "z", "z", "l"]
        );
    }

    #[test]
    fn stemmers_agree_on_accented_and_plain_forms() {
        let mut el = text_analyzer("el");
        assert_eq!(terms(&mut el, "παπούτσια"), terms(&mut el, "ΠΑΠΟΥΤΣΙΑ"));
        assert_eq!(terms(&mut el, "παπούτσι"), terms(&mut el, "παπούτσια"));
        let mut en = text_analyzer("en");
        assert_eq!(terms(&mut en, "Jackets"), ["jacket"]);
        assert_eq!(terms(&mut en, "running"), ["run"]);
        let mut pl = text_analyzer("pl");
        assert_eq!(terms(&mut pl, "Kurtki"), ["kurtki"]);
    }

    #[test]
    fn stop_words_are_folded_forms() {
        for w in ["with", "και", "Και", "ΚΑΙ", "z", "W", "για", "Για"] {
            let folded = fold_words(w);
            assert!(is_stop_word(&folded[0]), "{w}");
        }
        assert!(!is_stop_word("kurtka"));
        for w in STOP_WORDS {
            assert_eq!(fold_words(w), [w], "stop words are stored folded");
        }
    }

    #[test]
    fn junk_gives_no_terms_and_never_panics() {
        for junk in [
            "",
            "\" * : ( ) ~ ^ \\ / -",
            "\u{0301}\u{0301}",
            "🙂🙂",
            "!!!",
        ] {
            assert!(fold_words(junk).is_empty(), "{junk:?}");
        }
        let long_greek = "α".repeat(60);
        assert!(
            fold_words(&long_greek).is_empty(),
            "120 bytes is over the limit"
        );
        assert_eq!(fold_words(&"x".repeat(10_000)).len(), 0);
    }
}
