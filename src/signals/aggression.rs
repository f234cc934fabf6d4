//! Aggression: insults, profanity and hostility aimed at a person — "would you say it face to
//! face?". Quoted words are someone else's and do not count (the rule set that shows them:
//! `rules::aggression`).

use crate::data::{class, Data, PhraseHit};
use crate::kinds::{by_strictness, RuleSet, Span, Strictness};
use crate::text::Document;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Aggression {
    /// Strong insults ("idiot", "moron").
    pub insults: Vec<Span>,
    /// Harsh words ("clown", "trash") aimed at "you" a few words before.
    pub directed_harsh: Vec<Span>,
    /// Harsh words not aimed at anyone in particular.
    pub harsh: Vec<Span>,
    pub profanity: Vec<Span>,
    /// Mild swearing ("damn", "hell", "sucks"): coarse, but not aimed at anyone.
    pub mild: Vec<Span>,
    /// Hostile phrases: hits of the aggression phrase rules that carry a weight (in
    /// `phrases.json`, `aggression.hostile_you`).
    pub hostile: Vec<Span>,
}

/// Third persons a harsh word can be aimed at ("he is a clown", "they are vile").
const PERSONS: &[&str] = &[
    "he", "she", "they", "him", "her", "them", "his", "their", "he's", "she's", "they're",
];

/// How many words back a "you" makes a harsh word personal ("you are such a clown").
const DIRECTED_WINDOW: usize = 4;

/// The classes this rule set reads.
const AGGRESSION_CLASSES: u32 =
    class::INSULT | class::HARSH | class::PROFANITY | class::MILD_PROFANITY;

/// The aggression classes of a word the vocabulary does not know as written: its possessive
/// ("whore's") or its stretched spelling ("fuuuck", "stuuupid", "shiiit") said plainly.
fn disguised_class(word: &str, data: &Data) -> u32 {
    if let Some(stem) = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
    {
        return data.class(stem) & AGGRESSION_CLASSES;
    }
    let bytes = word.as_bytes();
    let stretched = bytes
        .windows(3)
        .any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_ascii_alphabetic());
    if !stretched || !word.is_ascii() {
        return 0;
    }
    // Every held letter once ("fuuckkk" → "fuck"), or held ones twice ("asss" → "ass").
    let squeeze = |keep_double: bool| {
        let mut out = String::with_capacity(word.len());
        let mut run = 0;
        for (i, &b) in bytes.iter().enumerate() {
            run = if i > 0 && bytes[i - 1] == b {
                run + 1
            } else {
                1
            };
            if run == 1 || (keep_double && run == 2) {
                out.push(b as char);
            }
        }
        out
    };
    [squeeze(false), squeeze(true)]
        .iter()
        .map(|w| data.class(w) & AGGRESSION_CLASSES)
        .find(|&c| c != 0)
        .unwrap_or(0)
}

pub fn find(doc: &Document, data: &Data, hits: &[PhraseHit]) -> Aggression {
    let mut a = Aggression::default();
    for (k, t) in doc.tokens.iter().enumerate() {
        if !t.is_own_word() {
            continue;
        }
        let mut c = t.info.class;
        if c & AGGRESSION_CLASSES == 0 && t.info.valence.is_none() {
            c |= disguised_class(&t.lower, data);
        }
        if c & class::INSULT != 0 {
            a.insults.push(t.span);
        } else if c & class::HARSH != 0 {
            // The own words just before it (walked back here, rarely: no list of all words).
            let directed = doc.tokens[..k]
                .iter()
                .rev()
                .filter(|p| p.is_own_word())
                .take(DIRECTED_WINDOW)
                .any(|p| {
                    p.sentence == t.sentence
                        && (p.info.class & (class::YOU | class::HOSTILE_TARGET) != 0
                            || PERSONS.contains(&p.lower.as_ref()))
                });
            if directed {
                a.directed_harsh.push(t.span);
            } else {
                a.harsh.push(t.span);
            }
        }
        if c & class::PROFANITY != 0 {
            a.profanity.push(t.span);
        } else if c & class::MILD_PROFANITY != 0 {
            a.mild.push(t.span);
        }
    }
    a.hostile = hits
        .iter()
        .filter(|h| {
            data.rule_of(h.list)
                .is_some_and(|r| r.rule_set == RuleSet::Aggression && r.weight > 0.0)
        })
        .map(|h| h.span)
        .collect();
    a
}

impl Aggression {
    /// The post-level verdict, OffensEval's "offensive": hostility toward someone, or any
    /// swearing. Swearing in public is what OffensEval-style raters flag, whatever the mood.
    pub fn aggressive(&self, tone: f32, strictness: Strictness) -> bool {
        self.hostile(tone, strictness) || !self.profanity.is_empty() || !self.mild.is_empty()
    }

    /// Hostility toward someone: a hostile phrase, an insult, a harsh word aimed at a person,
    /// or harsh words in a harsh tone. Swearing alone is not hostile ("Damn, traffic sucks").
    pub fn hostile(&self, tone: f32, strictness: Strictness) -> bool {
        let harsh_tone = by_strictness(strictness, -0.3, 0.0, 0.3);
        !self.hostile.is_empty()
            || !self.insults.is_empty()
            || !self.directed_harsh.is_empty()
            || (!self.harsh.is_empty() && tone <= harsh_tone)
    }
}
