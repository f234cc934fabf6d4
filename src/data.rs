//! The word classes and phrase lists in `src/data/*.json`, parsed once with a strict schema.
//!
//! Phrase lists compile into one Aho-Corasick automaton (one pass over the text for every
//! list); word classes into one map from word to class bits.

use crate::config::Severity;
use crate::lexicon::FastMap;
use crate::rules::RuleSet;
use crate::text::{Document, Span, TokenKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The tone lexicon in the compact form `build.rs` writes (see [`crate::lexicon`]).
pub const LEXICON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));
const WORDS_JSON: &str = include_str!("data/words.json");
const PHRASES_JSON: &str = include_str!("data/phrases.json");

/// Word class bits.
pub mod class {
    pub const SELF_I: u32 = 1 << 0;
    pub const SELF_WE: u32 = 1 << 1;
    pub const YOU: u32 = 1 << 2;
    pub const QUESTION_WORD: u32 = 1 << 3;
    pub const AUXILIARY: u32 = 1 << 4;
    pub const IMPERATIVE: u32 = 1 << 5;
    pub const INSULT: u32 = 1 << 6;
    pub const PROFANITY: u32 = 1 << 7;
    pub const HOSTILE_TARGET: u32 = 1 << 8;
    pub const BOAST: u32 = 1 << 9;
    pub const ACRONYM: u32 = 1 << 10;
    pub const ENGLISH: u32 = 1 << 11;
    /// Harsh words that insult only in a hostile context ("sick", "trash", "clown").
    pub const HARSH: u32 = 1 << 12;
    /// VADER's boosters ("very", "really") and dampeners ("slightly").
    pub const BOOSTER_UP: u32 = 1 << 13;
    pub const BOOSTER_DOWN: u32 = 1 << 14;
    pub const NEGATION: u32 = 1 << 15;
    /// "lol", "haha": shown feeling, scored like an emoticon.
    pub const LAUGHTER: u32 = 1 << 16;
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(bound(deserialize = "'de: 'a"))]
struct WordsFile<'a> {
    #[serde(rename = "_about")]
    _about: &'a str,
    self_i: Vec<&'a str>,
    self_we: Vec<&'a str>,
    you: Vec<&'a str>,
    question_words: Vec<&'a str>,
    auxiliaries: Vec<&'a str>,
    imperatives: Vec<&'a str>,
    insults: Vec<&'a str>,
    harsh: Vec<&'a str>,
    profanity: Vec<&'a str>,
    hostile_targets: Vec<&'a str>,
    boasts: Vec<&'a str>,
    acronyms: Vec<&'a str>,
    english: Vec<&'a str>,
    boosters_up: Vec<&'a str>,
    boosters_down: Vec<&'a str>,
    negations: Vec<&'a str>,
    laughter: Vec<&'a str>,
    #[serde(borrow)]
    other_languages: BTreeMap<&'a str, Vec<&'a str>>,
}

/// A phrase list whose matches become hints.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseRule {
    pub id: String,
    pub rule_set: RuleSet,
    pub severity: Severity,
    pub description: String,
    pub message: String,
    pub why: String,
    #[serde(default)]
    pub suggestion: Option<String>,
    #[serde(default = "yes")]
    pub default_on: bool,
    pub phrases: Vec<String>,
    pub flag: Vec<String>,
    pub allow: Vec<String>,
}

fn yes() -> bool {
    true
}

/// A phrase list the heuristics read (invitations, rhetorical questions, requests).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseSignal {
    pub id: String,
    pub description: String,
    pub phrases: Vec<String>,
    #[serde(rename = "match")]
    pub matches: Vec<String>,
    pub no_match: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PhrasesFile {
    #[serde(rename = "_about")]
    _about: String,
    rules: Vec<PhraseRule>,
    signals: Vec<PhraseSignal>,
}

/// Which list a phrase belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Rule(usize),
    Signal(usize),
}

/// One phrase found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseHit {
    pub list: List,
    /// Byte offsets.
    pub span: Span,
}

/// What the engine knows of one word: its classes, languages and tone valence.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Info {
    /// [`class`] bits.
    pub class: u32,
    /// A bit per entry of [`Data::languages`].
    pub languages: u16,
    /// VADER-scale valence (−4..4), if the word carries tone.
    pub valence: Option<f32>,
}

pub struct Data {
    /// Every known word (lower case), emoticon and emoji: one lookup per token.
    vocab: FastMap<&'static str, Info>,
    /// Lexicon entries that are emoticons (`:l`, `d:`, `<3`), as written in the lexicon.
    emoticons: FastMap<&'static str, ()>,
    pub languages: Vec<String>,
    pub rules: Vec<PhraseRule>,
    pub signals: Vec<PhraseSignal>,
    automaton: AhoCorasick,
    owners: Vec<List>,
}

fn check_list<S: AsRef<str>>(name: &str, list: &[S]) -> Result<(), String> {
    let mut seen = std::collections::HashSet::new();
    for w in list.iter().map(AsRef::as_ref) {
        if w.is_empty() || w.trim() != w || w.to_lowercase() != *w || w.contains('’') {
            return Err(format!(
                "{name}: entry {w:?} must be lower case, straight apostrophes, no padding"
            ));
        }
        if !seen.insert(w) {
            return Err(format!("{name}: duplicate entry {w:?}"));
        }
    }
    Ok(())
}

/// The lexicon's tokens, decoded once per process; the vocabulary's keys borrow them.
fn lexicon() -> &'static crate::lexicon::Decoded {
    static DECODED: OnceLock<crate::lexicon::Decoded> = OnceLock::new();
    DECODED.get_or_init(|| crate::lexicon::decode(LEXICON))
}

impl Data {
    /// Parses the data and checks every list (lower case, no duplicates, unique ids): what the
    /// tests run. The engine's own copy ([`Data::get`]) skips the list checks, which cost ~7 %
    /// of a cold start and can only fail on data the tests already reject.
    pub fn parse() -> Result<Data, String> {
        Data::build(true)
    }

    fn build(check: bool) -> Result<Data, String> {
        let w: WordsFile<'static> =
            serde_json::from_str(WORDS_JSON).map_err(|e| format!("words.json: {e}"))?;
        let p: PhrasesFile =
            serde_json::from_str(PHRASES_JSON).map_err(|e| format!("phrases.json: {e}"))?;
        // The lexicon straight into the vocabulary: keys borrow the decoded tokens.
        let lex = lexicon();
        let mut vocab: FastMap<&'static str, Info> = FastMap::default();
        vocab.reserve(lex.entries.len() + 1_024);
        let mut emoticons = FastMap::default();
        for &(start, end, valence) in &lex.entries {
            let word = &lex.text[start as usize..end as usize];
            if crate::lexicon::is_emoticon_entry(word) {
                emoticons.insert(word, ());
            }
            vocab.insert(
                word,
                Info {
                    valence: Some(valence),
                    ..Info::default()
                },
            );
        }
        for (name, list, bit) in [
            ("self_i", &w.self_i, class::SELF_I),
            ("self_we", &w.self_we, class::SELF_WE),
            ("you", &w.you, class::YOU),
            ("question_words", &w.question_words, class::QUESTION_WORD),
            ("auxiliaries", &w.auxiliaries, class::AUXILIARY),
            ("imperatives", &w.imperatives, class::IMPERATIVE),
            ("insults", &w.insults, class::INSULT),
            ("harsh", &w.harsh, class::HARSH),
            ("profanity", &w.profanity, class::PROFANITY),
            ("hostile_targets", &w.hostile_targets, class::HOSTILE_TARGET),
            ("boasts", &w.boasts, class::BOAST),
            ("acronyms", &w.acronyms, class::ACRONYM),
            ("english", &w.english, class::ENGLISH),
            ("boosters_up", &w.boosters_up, class::BOOSTER_UP),
            ("boosters_down", &w.boosters_down, class::BOOSTER_DOWN),
            ("negations", &w.negations, class::NEGATION),
            ("laughter", &w.laughter, class::LAUGHTER),
        ] {
            if check {
                check_list(name, list)?;
            }
            for word in list {
                vocab.entry(word).or_default().class |= bit;
            }
        }
        let languages: Vec<String> = w.other_languages.keys().map(|k| k.to_string()).collect();
        if languages.len() > 16 {
            return Err("other_languages: at most 16 languages".into());
        }
        for (i, (code, list)) in w.other_languages.iter().enumerate() {
            if check {
                check_list(code, list)?;
            }
            for word in list {
                vocab.entry(word).or_default().languages |= 1 << i;
            }
        }

        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        let mut add = |name: &str, list: &[String], owner: List| -> Result<(), String> {
            if check {
                check_list(name, list)?;
            }
            for phrase in list {
                patterns.push(phrase.clone());
                owners.push(owner);
                if phrase.contains('\'') {
                    patterns.push(phrase.replace('\'', "’"));
                    owners.push(owner);
                }
            }
            Ok(())
        };
        let mut ids = std::collections::HashSet::new();
        for (i, r) in p.rules.iter().enumerate() {
            if !ids.insert(r.id.as_str()) || !r.id.starts_with(&format!("{}.", r.rule_set.id())) {
                return Err(format!(
                    "phrases.json: rule id {:?} is repeated or not under its rule set",
                    r.id
                ));
            }
            if r.flag.is_empty() || r.allow.is_empty() {
                return Err(format!(
                    "phrases.json: rule {:?} needs flag and allow examples",
                    r.id
                ));
            }
            add(&r.id, &r.phrases, List::Rule(i))?;
        }
        for (i, s) in p.signals.iter().enumerate() {
            if !ids.insert(s.id.as_str()) || s.matches.is_empty() || s.no_match.is_empty() {
                return Err(format!(
                    "phrases.json: signal {:?} is repeated or lacks examples",
                    s.id
                ));
            }
            add(&s.id, &s.phrases, List::Signal(i))?;
        }
        // Case-sensitive over an ASCII-lower-cased copy of the text (see `phrase_hits`): the
        // patterns are lower case, and without the case folding the automaton has half the
        // transitions, which roughly halves its construction at every cold start.
        // The noncontiguous NFA: searches as fast as the contiguous one on posts and skips
        // building it (~8 % of a cold start); naming one kind keeps the others out of the wasm.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
            .build(&patterns)
            .map_err(|e| format!("phrase automaton: {e}"))?;
        Ok(Data {
            vocab,
            emoticons,
            languages,
            rules: p.rules,
            signals: p.signals,
            automaton,
            owners,
        })
    }

    /// The data compiled into the crate (checked by tests).
    pub fn get() -> &'static Data {
        static DATA: OnceLock<Data> = OnceLock::new();
        DATA.get_or_init(|| Data::build(false).expect("built-in data is valid (tested)"))
    }

    /// What is known of a lower-cased word (curly apostrophes already folded).
    pub fn info(&self, word: &str) -> Info {
        self.vocab.get(word).copied().unwrap_or_default()
    }

    /// Whether a whitespace-delimited chunk is an emoticon the lexicon scores (any case).
    pub fn is_emoticon(&self, chunk: &str) -> bool {
        chunk.len() <= 8
            && crate::lexicon::is_emoticon_entry(chunk)
            && (self.emoticons.contains_key(chunk)
                || self.emoticons.contains_key(chunk.to_lowercase().as_str()))
    }

    /// Class bits of a lower-cased word.
    pub fn class(&self, word: &str) -> u32 {
        self.info(word).class
    }

    pub fn is(&self, word: &str, bits: u32) -> bool {
        self.class(word) & bits != 0
    }

    /// Parses `text` and fills each token's [`Info`] with one lookup.
    pub fn document<'a>(&self, text: &'a str) -> Document<'a> {
        let mut doc = Document::parse(text);
        self.annotate(&mut doc);
        doc
    }

    /// Fills each token's [`Info`]: words by their lower case, emoticons as written first (`D:`
    /// is not `d:`), emoji as written.
    pub fn annotate(&self, doc: &mut Document) {
        let text = doc.text;
        for t in &mut doc.tokens {
            t.info = match t.kind {
                TokenKind::Word => self.info(&t.lower),
                TokenKind::Emoji => self.info(&text[t.span.start..t.span.end]),
                TokenKind::Emoticon => {
                    let src = &text[t.span.start..t.span.end];
                    match self.vocab.get(src) {
                        Some(i) => *i,
                        None => self.info(&src.to_lowercase()),
                    }
                }
                _ => Info::default(),
            };
        }
    }

    pub fn signal_index(&self, id: &str) -> usize {
        self.signals
            .iter()
            .position(|s| s.id == id)
            .expect("signal ids used in code exist (tested)")
    }

    /// Every phrase of every list, each list matched on its own (leftmost-longest, no overlaps
    /// within a list), on word boundaries, outside quotes, URLs, mentions and hashtags.
    pub fn phrase_hits(&self, doc: &Document) -> Vec<PhraseHit> {
        let text = doc.text;
        let blocked: Vec<Span> = doc
            .tokens
            .iter()
            .filter(|t| {
                t.quoted
                    || matches!(
                        t.kind,
                        TokenKind::Url | TokenKind::Mention | TokenKind::Hashtag
                    )
            })
            .map(|t| t.span)
            .collect();
        let overlaps_blocked = |s: Span| {
            let i = blocked.partition_point(|b| b.end <= s.start);
            blocked.get(i).is_some_and(|b| b.start < s.end)
        };
        let is_word_char = |c: char| c.is_alphanumeric() || c == '_';
        let mut all: Vec<PhraseHit> = Vec::new();
        // ASCII case folding keeps every byte offset, so matches in `lower` are spans of `text`.
        let lower = text.to_ascii_lowercase();
        for m in self.automaton.find_overlapping_iter(&lower) {
            let (s, e) = (m.start(), m.end());
            // Whole words: no letter, digit or apostrophe glued on either side.
            let before_ok = text[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !is_word_char(c) && c != '\'' && c != '’');
            let after_ok = text[e..].chars().next().is_none_or(|c| !is_word_char(c));
            let span = Span::new(s, e);
            if before_ok && after_ok && !overlaps_blocked(span) {
                all.push(PhraseHit {
                    list: self.owners[m.pattern().as_usize()],
                    span,
                });
            }
        }
        // Per list: leftmost, then longest, without overlaps.
        all.sort_by_key(|h| {
            (
                list_key(h.list),
                h.span.start,
                std::cmp::Reverse(h.span.end),
            )
        });
        let mut out: Vec<PhraseHit> = Vec::with_capacity(all.len());
        for h in all {
            match out.last() {
                Some(prev) if prev.list == h.list && h.span.start < prev.span.end => {}
                _ => out.push(h),
            }
        }
        out.sort_by_key(|h| (h.span.start, h.span.end));
        out
    }
}

fn list_key(l: List) -> (u8, usize) {
    match l {
        List::Rule(i) => (0, i),
        List::Signal(i) => (1, i),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_data_parses() {
        let d = Data::parse().unwrap();
        assert!(d.is("my", class::SELF_I));
        assert!(d.is("our", class::SELF_WE));
        assert!(d.is("idiot", class::INSULT));
        assert!(d.languages.contains(&"es".to_string()));
    }

    #[test]
    fn signal_lists_match_their_examples() {
        let d = Data::get();
        for (i, s) in d.signals.iter().enumerate() {
            for text in &s.matches {
                let doc = Document::parse(text);
                assert!(
                    d.phrase_hits(&doc)
                        .iter()
                        .any(|h| h.list == List::Signal(i)),
                    "{} should match {text:?}",
                    s.id
                );
            }
            for text in &s.no_match {
                let doc = Document::parse(text);
                assert!(
                    !d.phrase_hits(&doc)
                        .iter()
                        .any(|h| h.list == List::Signal(i)),
                    "{} should not match {text:?}",
                    s.id
                );
            }
        }
    }

    #[test]
    fn matching_respects_words_quotes_and_links() {
        let d = Data::get();
        let hits = |t: &str| -> Vec<String> {
            let doc = Document::parse(t);
            d.phrase_hits(&doc)
                .iter()
                .map(|h| t[h.span.start..h.span.end].to_string())
                .collect()
        };
        assert!(hits("BUY NOW").contains(&"BUY NOW".to_string()));
        assert!(hits("buy nowhere").iter().all(|h| h != "buy now"));
        assert!(hits("he said \"buy now\" lol")
            .iter()
            .all(|h| h != "buy now"));
        assert!(hits("see https://x.com/buy-now").is_empty());
        assert!(hits("Don’t miss out").contains(&"Don’t miss out".to_string()));
    }
}
