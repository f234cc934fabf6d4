//! The tone lexicon: VADER's word list plus emoji valences and Rapport's own overrides,
//! parsed once from the data files compiled into the binary.

use std::collections::HashMap;
use std::sync::OnceLock;

const VADER: &str = include_str!("data/lexicon/vader.tsv");
const EMOJI: &str = include_str!("data/lexicon/emoji.tsv");
const OVERRIDES: &str = include_str!("data/lexicon/overrides.tsv");

/// Valences on VADER's scale, −4 (most negative) to +4 (most positive).
pub struct Lexicon {
    words: HashMap<&'static str, f32>,
    /// Entries that are emoticons (`:l`, `d:`, `<3`), lower-cased.
    emoticons: std::collections::HashSet<&'static str>,
}

/// An entry is an emoticon when it has a mark that is not a word's own apostrophe or hyphen.
fn is_emoticon_entry(token: &str) -> bool {
    token.chars().count() >= 2
        && token
            .chars()
            .any(|c| c.is_ascii_punctuation() && c != '\'' && c != '-')
}

/// A line of a lexicon file that is not `token<TAB>valence`.
#[derive(Debug, PartialEq)]
pub struct LexiconError {
    pub file: &'static str,
    pub line: usize,
    pub reason: String,
}

fn parse_into(
    file: &'static str,
    src: &'static str,
    words: &mut HashMap<&'static str, f32>,
    allow_replace: bool,
) -> Result<(), LexiconError> {
    for (n, raw) in src.lines().enumerate() {
        let line = match raw.find(" #") {
            Some(i) if allow_replace => raw[..i].trim_end(),
            _ => raw,
        };
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |reason: String| LexiconError {
            file,
            line: n + 1,
            reason,
        };
        let (token, value) = line
            .split_once('\t')
            .ok_or_else(|| err("expected token<TAB>valence".into()))?;
        let value: f32 = value
            .trim()
            .parse()
            .map_err(|_| err(format!("valence {value:?} is not a number")))?;
        if !(-4.0..=4.0).contains(&value) {
            return Err(err(format!("valence {value} is outside -4..4")));
        }
        if token.is_empty() || token != token.trim() {
            return Err(err("empty or padded token".into()));
        }
        if words.insert(token, value).is_some() && !allow_replace {
            return Err(err(format!("duplicate token {token:?}")));
        }
    }
    Ok(())
}

impl Lexicon {
    pub fn parse() -> Result<Lexicon, LexiconError> {
        let mut words = HashMap::with_capacity(8192);
        parse_into("vader.tsv", VADER, &mut words, false)?;
        parse_into("emoji.tsv", EMOJI, &mut words, false)?;
        parse_into("overrides.tsv", OVERRIDES, &mut words, true)?;
        let emoticons = words
            .keys()
            .copied()
            .filter(|k| is_emoticon_entry(k))
            .collect();
        Ok(Lexicon { words, emoticons })
    }

    /// Whether a whitespace-delimited chunk is an emoticon the lexicon scores (any case).
    pub fn is_emoticon(&self, chunk: &str) -> bool {
        chunk.len() <= 8
            && is_emoticon_entry(chunk)
            && self.emoticons.contains(chunk.to_lowercase().as_str())
    }

    /// The lexicon compiled into the crate (its files are checked by a test).
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::parse().expect("built-in lexicon is valid (tested)"))
    }

    /// Valence of a lower-cased token (or emoji/emoticon as written).
    pub fn valence(&self, token: &str) -> Option<f32> {
        self.words.get(token).copied()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_lexicon_parses() {
        let lex = Lexicon::parse().unwrap();
        assert!(lex.len() > 7000);
        assert_eq!(lex.valence("good"), Some(1.9));
        assert_eq!(lex.valence("hate"), Some(-2.7));
        assert!(lex.valence("😂").unwrap() > 0.0);
    }

    #[test]
    fn bad_lines_are_named() {
        let mut w = HashMap::new();
        let e = parse_into("t", "good\t1\nbad 2\n", &mut w, false).unwrap_err();
        assert_eq!(
            (e.line, e.reason.as_str()),
            (2, "expected token<TAB>valence")
        );
        let e = parse_into("t", "good\tx\n", &mut HashMap::new(), false).unwrap_err();
        assert!(e.reason.contains("not a number"));
        let e = parse_into("t", "good\t9\n", &mut HashMap::new(), false).unwrap_err();
        assert!(e.reason.contains("outside"));
        let e = parse_into("t", "a\t1\na\t2\n", &mut HashMap::new(), false).unwrap_err();
        assert!(e.reason.contains("duplicate"));
    }
}
