//! The data layer: the word classes and phrase lists of `src/data/*.json` and the tone lexicon,
//! as `build.rs` compiled them in (it checks the schema and every list, so bad data fails the
//! build), and the one phrase matcher.
//!
//! Words become one map from word to class bits, languages and valence ([`Data::annotate`]
//! fills each token's [`Info`]); phrase lists one [`PhraseIndex`] over a table of every phrase
//! in byte order (nothing to build at run time). Nothing here knows of rules or reports.

pub mod lexicon;
pub mod phrases;
pub mod schema;

use crate::kinds::{RuleSet, Severity};
pub use crate::text::Info;
use crate::text::{Document, TokenKind};
use lexicon::FastMap;
pub use phrases::{List, PhraseHit, PhraseIndex, UserPhrases};
use std::sync::OnceLock;

/// The tone lexicon in the compact form `build.rs` writes (see [`lexicon`]).
pub const LEXICON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));

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
    /// Mild swearing ("damn", "hell", "sucks"): coarse, not hostile.
    pub const MILD_PROFANITY: u32 = 1 << 17;
    /// Verbs that report what someone else said ("told", "said", "called"): the clause after
    /// them is that person's words, not the writer's (see `Data::annotate`).
    pub const REPORTING: u32 = 1 << 18;
}

/// The writer as the subject of a reporting verb: "I told him", "we said": their own words.
const WRITER_SUBJECTS: &[&str] = &["i", "we", "i've", "we've", "i'd", "we'd", "i'll", "we'll"];

/// Marks reported speech as quoted: the clause after a reporting verb whose subject is not
/// the writer ("He told a new contributor that they were an idiot", "she said it was a
/// disaster"), to the end of the sentence or the first comma, semicolon or dash ("That said,
/// we shipped" reports nothing); a colon goes on ("he wrote: …").
fn reported_speech(doc: &mut Document) {
    let text = doc.text;
    let mut i = 0;
    while i < doc.tokens.len() {
        let t = &doc.tokens[i];
        let reports =
            t.kind == TokenKind::Word && !t.quoted && t.info.class & class::REPORTING != 0;
        let by_writer = || {
            doc.tokens[..i]
                .iter()
                .rev()
                .filter(|p| p.kind == TokenKind::Word)
                .take(2)
                .any(|p| p.sentence == t.sentence && WRITER_SUBJECTS.contains(&p.lower.as_ref()))
        };
        if !reports || by_writer() {
            i += 1;
            continue;
        }
        let sentence = t.sentence;
        let mut j = i + 1;
        while let Some(u) = doc.tokens.get_mut(j) {
            if u.sentence != sentence {
                break;
            }
            if u.kind == TokenKind::Punct {
                let p = &text[u.span.start..u.span.end];
                if p.contains([';', ',', '—', '–']) {
                    break;
                }
            } else {
                u.quoted = true;
            }
            j += 1;
        }
        i = j;
    }
}

/// A phrase list whose matches become hints (from `phrases.json`, compiled in by build.rs).
#[derive(Debug)]
pub struct PhraseRule {
    pub id: &'static str,
    pub rule_set: RuleSet,
    pub severity: Severity,
    pub description: &'static str,
    pub message: &'static str,
    pub why: &'static str,
    pub suggestion: Option<&'static str>,
    pub default_on: bool,
    /// How much one kind of cue counts toward its rule set's verdict (0: none; see
    /// `schema::PhraseRuleSpec::weight`).
    pub weight: f32,
    /// Matches inside quotes too.
    pub quoted: bool,
    /// The signal lists in whose company the rule stays quiet.
    pub unless: &'static [List],
    pub phrases: &'static [&'static str],
    pub flag: &'static [&'static str],
    pub allow: &'static [&'static str],
}

/// A phrase list the heuristics read (invitations, rhetorical questions, requests).
#[derive(Debug)]
pub struct PhraseSignal {
    pub id: &'static str,
    pub description: &'static str,
    pub phrases: &'static [&'static str],
    pub matches: &'static [&'static str],
    pub no_match: &'static [&'static str],
}

// LANGUAGES, WORDS, RULES, SIGNALS, `lists` and PATTERNS: see build.rs.
include!(concat!(env!("OUT_DIR"), "/data.rs"));

/// A key of up to [`Short::MAX`] bytes packed into two words with its length, so a lookup
/// hashes two words and compares two words (no memcmp call).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Short(u64, u64);

impl Short {
    const MAX: usize = 15;

    /// The bytes zero-padded to 15 and the length in the last byte; `None` past 15 bytes.
    #[inline]
    fn new(key: &str) -> Option<Short> {
        let b = key.as_bytes();
        let n = b.len();
        let word4 = |i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
        let word8 = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
        // Overlapping loads: each byte lands at its own position, whichever load brings it.
        let (lo, hi) = match n {
            0 => (0, 0),
            1..=3 => (
                u64::from(b[0])
                    | u64::from(b[n / 2]) << (8 * (n / 2))
                    | u64::from(b[n - 1]) << (8 * (n - 1)),
                0,
            ),
            4..=7 => (word4(0) | word4(n - 4) << (8 * (n - 4)), 0),
            8 => (word8(0), 0),
            9..=Short::MAX => (word8(0), word8(n - 8) >> (8 * (16 - n))),
            _ => return None,
        };
        Some(Short(lo, hi | (n as u64) << 56))
    }
}

pub struct Data {
    /// Every known word (lower case), emoticon and emoji of up to [`Short::MAX`] bytes (nearly
    /// all): one lookup per token.
    vocab: FastMap<Short, Info>,
    /// The longer ones (a few emoji sequences and words): a second hash map type would cost
    /// ~1.4 KB gzipped of wasm.
    vocab_long: Vec<(&'static str, Info)>,
    pub languages: &'static [&'static str],
    pub rules: &'static [PhraseRule],
    pub signals: &'static [PhraseSignal],
    /// Every built-in phrase list.
    pub phrases: PhraseIndex<&'static [(&'static str, List)]>,
}

/// A word's entry in the vocabulary (a default one if new). One function for every insert, so
/// the wasm has one copy of the map's insertion code (natively it is inlined).
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn vocab_slot<'v>(
    vocab: &'v mut FastMap<Short, Info>,
    long: &'v mut Vec<(&'static str, Info)>,
    word: &'static str,
) -> &'v mut Info {
    match Short::new(word) {
        Some(key) => vocab.entry(key).or_default(),
        None => match long.iter().position(|(w, _)| *w == word) {
            Some(at) => &mut long[at].1,
            None => {
                long.push((word, Info::default()));
                &mut long.last_mut().expect("just pushed").1
            }
        },
    }
}

/// The lexicon's tokens, decoded once per process; the vocabulary's keys borrow them.
fn lexicon() -> &'static lexicon::Decoded {
    static DECODED: OnceLock<lexicon::Decoded> = OnceLock::new();
    DECODED.get_or_init(|| lexicon::decode(LEXICON))
}

impl Data {
    /// Builds the vocabulary and the phrase index from the tables build.rs generated (it
    /// checked them). [`Data::get`] keeps one per process; the bench times this.
    pub fn parse() -> Result<Data, String> {
        // The lexicon straight into the vocabulary: keys borrow the decoded tokens.
        let lex = lexicon();
        let mut vocab: FastMap<Short, Info> = FastMap::default();
        vocab.reserve(lex.entries.len() + WORDS.len());
        let mut vocab_long: Vec<(&'static str, Info)> = Vec::new();
        for entry in &lex.entries {
            let word = &lex.text[entry.start as usize..entry.end as usize];
            let info = Info {
                valence: Some(entry.valence),
                ..Info::default()
            };
            *vocab_slot(&mut vocab, &mut vocab_long, word) = info;
        }
        for &(word, class, languages) in WORDS {
            let info = vocab_slot(&mut vocab, &mut vocab_long, word);
            info.class |= class;
            info.languages |= languages;
        }
        let quoted = (0..RULES.len())
            .filter(|&i| RULES[i].quoted)
            .map(|i| List(i as u16))
            .collect();
        Ok(Data {
            vocab,
            vocab_long,
            languages: LANGUAGES,
            rules: RULES,
            signals: SIGNALS,
            phrases: PhraseIndex::new(PATTERNS, quoted)?,
        })
    }

    /// The data compiled into the crate (checked by tests).
    pub fn get() -> &'static Data {
        static DATA: OnceLock<Data> = OnceLock::new();
        DATA.get_or_init(|| Data::parse().expect("built-in data is valid (tested)"))
    }

    /// What is known of a lower-cased word (curly apostrophes already folded).
    pub fn info(&self, word: &str) -> Info {
        self.known(word).unwrap_or_default()
    }

    /// What is known of a word as written, if anything.
    #[inline]
    fn known(&self, word: &str) -> Option<Info> {
        match Short::new(word) {
            Some(key) => self.vocab.get(&key).copied(),
            // Rare (a few emoji sequences and long words) and few: a scan.
            None => self
                .vocab_long
                .iter()
                .find(|(w, _)| *w == word)
                .map(|&(_, info)| info),
        }
    }

    /// A stretched word said plainly, with what is known of it ("goooood" is "good", "sooo"
    /// is "so", "haaate" is "hate"): of its two plain spellings (see
    /// [`crate::text::squeezed`]) the one with the stronger tone, else the one the vocabulary
    /// knows, the shorter first. `None` when no letter is stretched.
    #[inline]
    pub fn unstretch(&self, word: &str) -> Option<(String, Info)> {
        let plain = crate::text::squeezed(word)?;
        Some(self.plainest(plain))
    }

    /// [`Data::unstretch`] past its first test: which plain spelling, and what is known of it.
    #[cold]
    fn plainest(&self, [one, two]: [String; 2]) -> (String, Info) {
        let (i1, i2) = (
            self.known(&one.to_lowercase()),
            self.known(&two.to_lowercase()),
        );
        let strength = |i: &Option<Info>| i.and_then(|i| i.valence).map_or(0.0, f32::abs);
        match (i1, i2) {
            (Some(_), Some(i)) if strength(&i2) > strength(&i1) => (two, i),
            (Some(i), _) => (one, i),
            (None, Some(i)) => (two, i),
            (None, None) => (one, Info::default()),
        }
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
    /// is not `d:`), emoji as written. A stretched word the vocabulary knows said plainly is
    /// read as that word from here on: its lower case becomes the plain spelling, so every rule
    /// that looks for "so", "never" or "me" finds it in "sooo", "neverrr" and "meee".
    pub fn annotate(&self, doc: &mut Document) {
        let text = doc.text;
        for t in &mut doc.tokens {
            t.info = match t.kind {
                TokenKind::Word => match self.known(&t.lower) {
                    Some(info) => info,
                    None if doc.stretched => match self.unstretch(&t.lower) {
                        Some((plain, info)) if info.is_known() => {
                            t.lower = plain.into();
                            info
                        }
                        _ => Info::default(),
                    },
                    None => Info::default(),
                },
                TokenKind::Emoji => self.info(&text[t.span.start..t.span.end]),
                TokenKind::Emoticon => {
                    let src = &text[t.span.start..t.span.end];
                    match self.known(src) {
                        Some(i) => i,
                        None => self.info(&src.to_lowercase()),
                    }
                }
                _ => Info::default(),
            };
        }
        reported_speech(doc);
    }

    /// Every phrase of every built-in list in `doc` (see [`PhraseIndex`] for the policy).
    pub fn phrase_hits(&self, doc: &Document) -> Vec<PhraseHit> {
        self.phrases.hits(doc)
    }

    /// The phrase rule a list of the built-in index belongs to, if it is a rule's.
    pub fn rule_of(&self, list: List) -> Option<&'static PhraseRule> {
        self.rules.get(usize::from(list.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::Span;
    use crate::text::STRETCH;

    #[test]
    fn short_keys_are_the_padded_bytes_and_the_length() {
        let text = "abcdefghijklmnopq";
        for n in 0..=text.len() {
            let key = &text[..n];
            let mut padded = [0u8; 16];
            padded[..n.min(15)].copy_from_slice(&key.as_bytes()[..n.min(15)]);
            padded[15] = n as u8;
            let want = (n <= Short::MAX).then(|| {
                Short(
                    u64::from_le_bytes(padded[..8].try_into().unwrap()),
                    u64::from_le_bytes(padded[8..].try_into().unwrap()),
                )
            });
            assert!(Short::new(key) == want, "{n} bytes");
        }
        let d = Data::get();
        // Longer keys are scanned: they must stay few.
        assert!(d.vocab_long.len() < 300, "{} long keys", d.vocab_long.len());
        assert_eq!(d.info("a"), d.info(&String::from("a")));
        assert_ne!(d.info("😍"), Info::default());
    }

    #[test]
    fn built_in_data_parses() {
        let d = Data::parse().unwrap();
        assert!(d.is("my", class::SELF_I));
        assert!(d.is("our", class::SELF_WE));
        assert!(d.is("idiot", class::INSULT));
        assert!(d.languages.contains(&"es"));
    }

    #[test]
    fn signal_lists_match_their_examples() {
        let d = Data::get();
        for (i, s) in d.signals.iter().enumerate() {
            for text in s.matches {
                let doc = Document::parse(text);
                assert!(
                    d.phrase_hits(&doc)
                        .iter()
                        .any(|h| h.list == List((d.rules.len() + i) as u16)),
                    "{} should match {text:?}",
                    s.id
                );
            }
            for text in s.no_match {
                let doc = Document::parse(text);
                assert!(
                    !d.phrase_hits(&doc)
                        .iter()
                        .any(|h| h.list == List((d.rules.len() + i) as u16)),
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

    /// The anchored walk of `phrase_hits` finds what an unanchored overlapping search over each
    /// stretch, filtered on word boundaries, finds (the search it replaced).
    #[test]
    fn anchored_walk_matches_unanchored_search() {
        let d = Data::get();
        let ac = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
            .build(PATTERNS.iter().map(|&(p, _)| p))
            .unwrap();
        let is_word_char = |c: char| c.is_alphanumeric() || c == '_';
        let reference = |doc: &Document| {
            let text = doc.text;
            let lower = text.to_ascii_lowercase();
            let mut all = Vec::new();
            let stretch_ends = doc
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
                .chain([Span::new(text.len(), text.len())]);
            let mut from = 0;
            for b in stretch_ends {
                if b.start > from {
                    let input = aho_corasick::Input::new(lower.as_str()).range(from..b.start);
                    for m in ac.find_overlapping_iter(input) {
                        let (s, e) = (m.start(), m.end());
                        let before_ok = text[..s]
                            .chars()
                            .next_back()
                            .is_none_or(|c| !is_word_char(c) && c != '\'' && c != '’');
                        let after_ok = text[e..].chars().next().is_none_or(|c| !is_word_char(c));
                        if before_ok && after_ok {
                            all.push(PhraseHit {
                                list: PATTERNS[m.pattern().as_usize()].1,
                                span: Span::new(s, e),
                            });
                        }
                    }
                }
                from = b.end;
            }
            all.sort_by_key(|h| (h.list, h.span.start, std::cmp::Reverse(h.span.end)));
            all.dedup_by(|h, prev| prev.list == h.list && h.span.start < prev.span.end);
            all.sort_by_key(|h| (h.span.start, h.span.end));
            all
        };
        // Phrases glued together, to each other's halves and to letters, apostrophes, marks,
        // links and handles.
        let glue = [
            " ", "", "'", "a", ". ", "’", "_", "-", "é", "🙂", " @x ", " #t", " \"", " x.com ",
        ];
        let half = |q: &str| -> (String, String) {
            let n = q.chars().count() / 2;
            (q.chars().take(n).collect(), q.chars().skip(n).collect())
        };
        let mut checked = 0;
        let mut skipped = 0;
        for (i, &(p, _)) in PATTERNS.iter().enumerate() {
            let q = PATTERNS[(i * 7 + 3) % PATTERNS.len()].0;
            let g = glue[i % glue.len()];
            let h = glue[(i / glue.len()) % glue.len()];
            let (q1, q2) = half(q);
            for text in [
                format!("{g}{p}{h}{q}{g}"),
                format!("{}{h}{q2}", p.to_uppercase()),
                format!("{h}{q1}{p}{g}{p}"),
                format!("{p} {p}{p}"),
            ] {
                // The search knows nothing of stretched letters (tested on their own below).
                if stretched(&text) {
                    skipped += 1;
                    continue;
                }
                let doc = Document::parse(&text);
                let got = d.phrase_hits(&doc);
                assert_eq!(got, reference(&doc), "{text:?}");
                checked += got.len();
                // The walk that reads stretches finds the same where there are none.
                assert_eq!(got, d.phrases.walk::<true>(&doc), "{text:?}");
            }
        }
        assert!(checked > PATTERNS.len());
        assert!(skipped * 100 < PATTERNS.len(), "{skipped} texts skipped");
    }

    /// Whether `text` has a stretched letter, by the plain definition; checks the scan too.
    fn stretched(text: &str) -> bool {
        let b = text.as_bytes();
        let plain = b
            .windows(STRETCH)
            .any(|w| w[0].is_ascii_alphabetic() && w.iter().all(|c| c.eq_ignore_ascii_case(&w[0])));
        assert_eq!(crate::text::has_stretch(b), plain, "{text:?}");
        plain
    }

    /// A stretched word the vocabulary knows said plainly is read as that word; one it does
    /// not know stays as written, and so does a word that only looks stretched to no end.
    #[test]
    fn stretched_words_read_as_their_plain_spelling() {
        let d = Data::get();
        let doc = d.document("Sooo gooood, look at meee! Zzzzap brrrr");
        let lower: Vec<&str> = doc.tokens.iter().map(|t| t.lower.as_ref()).collect();
        assert_eq!(
            lower,
            ["so", "good", "", "look", "at", "me", "", "zzzzap", "brrrr"]
        );
        assert_eq!(doc.tokens[1].info, d.info("good"));
        assert_eq!(doc.tokens[5].info, d.info("me"));
        assert!(!doc.tokens[7].info.is_known());
        // Spans stay those of the text.
        assert_eq!(doc.slice(doc.tokens[1].span), "gooood");
        assert_eq!(
            d.unstretch("Gooood").map(|(w, _)| w).as_deref(),
            Some("Good")
        );
        assert_eq!(d.unstretch("good"), None);
    }

    /// A letter stretched three times or more reads as the phrase's own letter, wherever it
    /// stands, and the hit covers the stretch; twice is not a stretch ("too" is not "to").
    #[test]
    fn stretched_letters_match_their_phrase() {
        let d = Data::get();
        let spans = |t: &str| -> Vec<(usize, usize, List)> {
            d.phrase_hits(&Document::parse(t))
                .iter()
                .map(|h| (h.span.start, h.span.end, h.list))
                .collect()
        };
        let mut checked = 0;
        for &(p, list) in PATTERNS.iter() {
            let letters: Vec<usize> = (0..p.len())
                .filter(|&k| p.as_bytes()[k].is_ascii_lowercase())
                .collect();
            if letters.is_empty() || stretched(p) {
                continue;
            }
            // Stretch one letter: the first, the last and one between, by 3 and by 6 extra.
            for &k in [
                letters[0],
                letters[letters.len() / 2],
                letters[letters.len() - 1],
            ]
            .iter()
            {
                for extra in [3, 6] {
                    let c = p.as_bytes()[k] as char;
                    let stretched =
                        format!("{}{}{}", &p[..=k], c.to_string().repeat(extra), &p[k + 1..]);
                    let text = format!("ok {stretched} ok");
                    let want = (3, 3 + stretched.len(), list);
                    assert!(spans(&text).contains(&want), "{text:?}: {:?}", spans(&text));
                    let upper = format!("ok {} ok", stretched.to_uppercase());
                    if upper.is_ascii() {
                        assert!(spans(&upper).contains(&want), "{upper:?}");
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > PATTERNS.len());
        // Only the walks that can reach a stretch read stretches; the others find the same.
        let longest = PATTERNS.iter().map(|(p, _)| p.len()).max().unwrap();
        let pad = "x ".repeat(longest / 2 + 1);
        for (n, &(p, _)) in PATTERNS.iter().enumerate() {
            let q = PATTERNS[(n * 5 + 1) % PATTERNS.len()].0;
            for text in [
                format!("{p} {q}. {pad}sooo {p} {q} gooood {pad}{q}"),
                format!("{q}{pad}heyyy {p}"),
            ] {
                let doc = Document::parse(&text);
                assert_eq!(
                    d.phrases.walk::<false>(&doc),
                    d.phrases.walk::<true>(&doc),
                    "{text:?}"
                );
            }
        }
        // Two of a letter are a spelling, not a stretch; and a stretch stays inside its word.
        let please = |t: &str| {
            d.phrase_hits(&Document::parse(t))
                .iter()
                .filter(|h| {
                    t[h.span.start..h.span.end]
                        .to_ascii_lowercase()
                        .starts_with('p')
                })
                .count()
        };
        assert_eq!(please("pleasse help"), 0);
        assert_eq!(please("pleasssse help"), 1);
        assert_eq!(please("pleaseeeed"), 0);
        assert_eq!(please("so pleaseeee"), 1);
        assert_eq!(please("ppplease"), 1);
    }
}
