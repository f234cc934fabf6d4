//! Comment spam, learned: a logistic regression over TF-IDF features of the words and word pairs
//! of a comment, trained on labelled YouTube comments (`rapport train-promo`, weights compiled in
//! from `src/data/model/promo.tsv`). Word lists fit the comments they were grown from; on
//! comments under other videos a plain model of the same data generalises better (the trust
//! issue measured lists at F1 0.82–0.87 there, such a model at 0.92–0.94), so the pitch signal
//! reads both (`signals::pitch`). Its explanation is its evidence: the words that pushed the
//! comment towards spam, with their weight.

use crate::kinds::Span;
use crate::text::{Document, Token, TokenKind};

// PROMO_NAMES, PROMO_STARTS, PROMO_IDF, PROMO_WEIGHT, PROMO_IDF_STEP, PROMO_WEIGHT_STEP and
// PROMO_BIAS: the model, compactly (see build.rs).
include!(concat!(env!("OUT_DIR"), "/promo.rs"));

/// What a token is as a feature: its lower case for a word, its kind for the rest (a link is
/// `<url>` whatever it points to), none for punctuation.
fn unit<'t>(t: &'t Token) -> Option<&'t str> {
    Some(match t.kind {
        TokenKind::Word => t.lower.as_ref(),
        TokenKind::Url => "<url>",
        TokenKind::Mention => "<@>",
        TokenKind::Hashtag => "<#>",
        TokenKind::Number => "<0>",
        TokenKind::Money => "<$>",
        TokenKind::Percent => "<%>",
        TokenKind::Emoji => "<emoji>",
        TokenKind::Emoticon => "<emoticon>",
        TokenKind::Punct => return None,
    })
}

/// Every feature occurrence of a comment, in text order: each unit, and each pair of units in
/// a row (named `"first second"`), with its span. What the trainer counts and the model reads.
pub fn occurrences(doc: &Document, mut each: impl FnMut(&str, Span)) {
    let units: Vec<(&str, Span)> = doc
        .tokens
        .iter()
        .filter_map(|t| unit(t).map(|u| (u, t.span)))
        .collect();
    let mut pair = String::new();
    for (i, &(u, span)) in units.iter().enumerate() {
        each(u, span);
        if let Some(&(next, next_span)) = units.get(i + 1) {
            pair.clear();
            pair.push_str(u);
            pair.push(' ');
            pair.push_str(next);
            each(&pair, span.join(next_span));
        }
    }
}

/// A feature's value before normalisation: sublinear term frequency times its idf.
pub fn tf_idf(count: usize, idf: f32) -> f32 {
    (1.0 + (count as f32).ln()) * idf
}

/// The row of a feature in the model, if it has one.
fn row(name: &str) -> Option<usize> {
    let name_at =
        |i: usize| &PROMO_NAMES[usize::from(PROMO_STARTS[i])..usize::from(PROMO_STARTS[i + 1])];
    let (mut lo, mut hi) = (0, PROMO_STARTS.len() - 1);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match name_at(mid).cmp(name) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// The model's reading of a comment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Promo {
    /// Probability that the comment is spam or self-promotion, 0..1.
    pub probability: f32,
    /// The features that pushed it towards spam: their spans and contribution, strongest first.
    pub evidence: Vec<(Vec<Span>, f32)>,
}

/// Reads a comment.
pub fn read(doc: &Document) -> Promo {
    // The model's features found, by row, with their spans; `slot[row]` is the row's place in
    // `found` plus one (0: not found yet).
    let mut found: Vec<(usize, Vec<Span>)> = Vec::new();
    let mut slot = super::filled(PROMO_IDF.len(), 0u32);
    occurrences(doc, |name, span| {
        if let Some(r) = row(name) {
            match slot[r] {
                0 => {
                    found.push((r, vec![span]));
                    slot[r] = found.len() as u32;
                }
                at => found[at as usize - 1].1.push(span),
            }
        }
    });
    let values: Vec<f32> = found
        .iter()
        .map(|(r, spans)| tf_idf(spans.len(), f32::from(PROMO_IDF[*r]) * PROMO_IDF_STEP))
        .collect();
    let norm = values
        .iter()
        .map(|v| v * v)
        .sum::<f32>()
        .sqrt()
        .max(f32::MIN_POSITIVE);
    let weight = |r: usize| f32::from(PROMO_WEIGHT[r]) * PROMO_WEIGHT_STEP;
    let contributions: Vec<f32> = found
        .iter()
        .zip(&values)
        .map(|((r, _), v)| v / norm * weight(*r))
        .collect();
    let z = PROMO_BIAS + contributions.iter().sum::<f32>();
    let mut evidence: Vec<(Vec<Span>, f32)> = found
        .into_iter()
        .zip(contributions)
        .filter(|(_, c)| *c > 0.0)
        .map(|((_, spans), c)| (spans, c))
        .collect();
    crate::sort::by_key(&mut evidence, |(_, c)| !crate::sort::f32_key(*c));
    Promo {
        probability: 1.0 / (1.0 + (-z).exp()),
        evidence,
    }
}
