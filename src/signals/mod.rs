//! Signals: pure models of the draft, each a function from the document (and the data) to
//! values with the spans that produced them — tone, questions, pronouns, shouting, figures,
//! aggression, pitch, language and the platform counters. They know nothing of rules, hints or
//! settings beyond the few values passed in; the rule sets (`rules/`) turn them into hints.

pub mod aggression;
pub mod counters;
pub mod figures;
pub mod language;
pub mod pitch;
pub mod promo;
pub mod pronouns;
pub mod questions;
pub mod sarcasm;
pub mod shouting;
pub mod tone;

use crate::data::{Data, PhraseHit, UserPhrases};
use crate::kinds::{Context, Platform, Strictness};
use crate::text::Document;
use std::collections::HashSet;

/// What the signals need besides the document: where it is posted and what the user set.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub platform: Platform,
    pub context: Context,
    /// The user's brand names, counted as self-reference.
    pub brands: Option<&'a UserPhrases>,
    /// Lower-cased words the user allows in capitals.
    pub acronyms: &'a HashSet<String>,
}

/// Every signal of one draft, computed once.
#[derive(Debug, Clone)]
pub struct Signals {
    /// The built-in phrase lists found in the text (see `data::PhraseIndex`).
    pub hits: Vec<PhraseHit>,
    pub language: language::Language,
    pub tone: tone::Tone,
    pub pronouns: pronouns::Pronouns,
    pub questions: questions::Questions,
    pub shouting: shouting::Shouting,
    pub figures: figures::Figures,
    pub aggression: aggression::Aggression,
    pub pitch: pitch::Pitch,
    /// Sarcasm's markers and the praise they turn (empty when the post is not sarcastic).
    pub sarcasm: Vec<crate::kinds::Span>,
}

/// Reads every signal of `doc` (annotated by `data`).
pub fn read(doc: &Document, data: &Data, inputs: Inputs) -> Signals {
    let mut hits = data.phrase_hits(doc);
    // A phrase rule stays quiet in the company of the signal lists it names (`unless`).
    let found = |list| hits.iter().any(|h: &PhraseHit| h.list == list);
    let quiet: Vec<crate::data::List> = (0..data.rules.len())
        .map(|i| crate::data::List(i as u16))
        .filter(|&l| {
            data.rule_of(l)
                .is_some_and(|r| r.unless.iter().any(|&u| found(u)))
        })
        .collect();
    if !quiet.is_empty() {
        hits.retain(|h| !quiet.contains(&h.list));
    }
    if pitch::service_reply(inputs.context, &hits) {
        hits.retain(|h| {
            data.rule_of(h.list)
                .is_none_or(|r| !pitch::SERVICE_NOT_SALES.contains(&r.id))
        });
    }
    // A pitch phrase said in the negative sells nothing: "no signup needed", "without a
    // subscription".
    hits.retain(|h| {
        !(data
            .rule_of(h.list)
            .is_some_and(|r| r.rule_set == crate::kinds::RuleSet::Pitch)
            && negated(doc, h.span))
    });
    let language = language::detect(doc, data);
    let tone = tone::score(doc);
    let pronouns = pronouns::find(doc, inputs.brands, &hits);
    let mut questions = questions::find(doc, &hits, inputs.context);
    let shouting = shouting::find(doc, data, inputs.acronyms);
    let figures = figures::find(doc);
    let aggression = aggression::find(doc, data, &hits);
    // A hostile phrase the signal did not take (said of someone, part of a story: "it'll go
    // away", "nobody asked for my CV") gets no card either.
    hits.retain(|h| {
        data.rule_of(h.list).is_none_or(|r| {
            r.rule_set != crate::kinds::RuleSet::Aggression || aggression.hostile.contains(&h.span)
        })
    });
    let pitch = pitch::find(doc, data, &hits, inputs.platform, inputs.context);
    questions::with_pitch(&mut questions, &pitch, &hits);
    let sarcasm = sarcasm::find(doc, &hits, &tone);
    Signals {
        hits,
        language,
        tone,
        pronouns,
        questions,
        shouting,
        figures,
        aggression,
        pitch,
        sarcasm,
    }
}

impl Signals {
    /// The post is about the writer ([`pronouns::Pronouns::focused`]) and does not hand the
    /// conversation to the reader: a post whose main act is an open question or an invitation
    /// talks *with* them, unless it is a long broadcast with a question tacked on
    /// ([`pronouns::SELF_HEAVY`] self-references or more).
    pub fn self_focused(&self, strictness: Strictness, context: Context) -> bool {
        let q = &self.questions;
        let hands_over =
            q.has_question() && q.opens() && self.pronouns.self_count() < pronouns::SELF_HEAVY;
        self.pronouns.focused(strictness, context) && !hands_over
    }
}

/// Whether the word just before a span is "no" or "without" ("no signup needed").
fn negated(doc: &Document, span: crate::kinds::Span) -> bool {
    let before = doc.tokens.partition_point(|t| t.span.end <= span.start);
    let negation = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|t| matches!(t.lower.as_ref(), "no" | "without" | "never"))
    };
    // Right before, or one word before ("no email sign-up needed", "without any signup").
    before.checked_sub(1).is_some_and(negation)
        || before
            .checked_sub(2)
            .is_some_and(|i| negation(i) && doc.tokens.get(i + 1).is_some_and(|t| t.is_word()))
}

/// `vec![value; n]` through a plain allocation: for zeros `vec!` asks for zeroed memory
/// (calloc), which costs several times more than malloc for the small lists of one analysis.
pub(crate) fn filled<T: Clone>(n: usize, value: T) -> Vec<T> {
    let mut v = Vec::with_capacity(n);
    v.resize(n, value);
    v
}
