//! `figures`: a wall of numbers, percentages and prices.

use super::{by_strictness, Analysis, RuleInfo, RuleSet, MAX_HINTS_PER_RULE};
use crate::config::Severity;
use crate::report::Hint;
use crate::text::{Document, Span, TokenKind};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figures {
    pub spans: Vec<Span>,
    pub words: usize,
    /// Figures per 100 words.
    pub per_100_words: f32,
    /// The most figures in one sentence.
    pub max_in_sentence: usize,
}

/// Figures needed before the rule looks at density, by strictness.
const MIN_LOW: usize = 5;
const MIN: usize = 3;
const MIN_HIGH: usize = 2;
/// Dense: this many figures per 100 words, or this many in one sentence.
const DENSE_PER_100_WORDS: f32 = 10.0;
const DENSE_IN_SENTENCE: usize = 3;

/// A year like 2026 reads as a date, not a statistic.
fn is_year(src: &str) -> bool {
    src.len() == 4 && src.bytes().all(|b| b.is_ascii_digit()) && matches!(&src[..2], "19" | "20")
}

pub fn find(doc: &Document) -> Figures {
    let mut f = Figures::default();
    // Tokens come sentence by sentence: count the current one, no list per sentence.
    let mut current = (usize::MAX, 0usize); // (sentence, figures in it)
    for t in doc.tokens.iter().filter(|t| !t.quoted) {
        let is_figure = match t.kind {
            TokenKind::Money | TokenKind::Percent => true,
            TokenKind::Number => !is_year(doc.slice(t.span)),
            _ => false,
        };
        if is_figure {
            f.spans.push(t.span);
            if current.0 != t.sentence {
                current = (t.sentence, 0);
            }
            current.1 += 1;
            f.max_in_sentence = f.max_in_sentence.max(current.1);
        }
    }
    f.words = doc.word_count();
    f.per_100_words = f.spans.len() as f32 * 100.0 / f.words.max(1) as f32;
    f
}

impl Figures {
    pub fn dense(&self, s: crate::Strictness) -> bool {
        self.spans.len() >= by_strictness(s, MIN_LOW, MIN, MIN_HIGH)
            && (self.per_100_words >= DENSE_PER_100_WORDS
                || self.max_in_sentence >= DENSE_IN_SENTENCE)
    }
}

pub fn rules() -> Vec<RuleInfo> {
    vec![RuleInfo {
        id: "figures.density",
        rule_set: RuleSet::Figures,
        severity: Severity::Suggestion,
        description: "Many numbers, percentages or prices packed into a few words.",
        default_on: true,
        flag: vec!["Revenue up 23%, margin 41%, 1,200 new clients and $3.4M ARR in Q3."],
        allow: vec!["We met 3 friends in 2024 and had a great time together at the lake."],
        example_platform: None,
    }]
}

pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    let f = &a.figures;
    if !a.enabled(crate::rule!("figures.density")) || !f.dense(a.strictness()) {
        return;
    }
    let message = format!("A wall of figures: {} in {} words", f.spans.len(), f.words);
    for &span in f.spans.iter().take(MAX_HINTS_PER_RULE) {
        hints.push(a.hint(
            crate::rule!("figures.density"),
            span,
            message.clone(),
            "Readers answer a story, not a spreadsheet; keep the one number that matters.",
        ));
    }
}
