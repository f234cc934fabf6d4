//! `self_focus`: "me, my brand, our product" against "you".

use super::{by_strictness, Analysis, RuleInfo, RuleSet, MAX_HINTS_PER_RULE};
use crate::config::Severity;
use crate::data::class;
use crate::report::Hint;
use crate::text::{Document, Span, TokenKind};

/// Who the draft talks about. Mentions (`@you`) and quotes do not count.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pronouns {
    pub i: Vec<Span>,
    pub we: Vec<Span>,
    /// The user's own brand names (settings), counted with "we".
    pub brand: Vec<Span>,
    pub you: Vec<Span>,
    /// Boast words ("thrilled to announce", "proud") in sentences about the writer.
    pub boasts: Vec<Span>,
}

impl Pronouns {
    pub fn self_count(&self) -> usize {
        self.i.len() + self.we.len() + self.brand.len()
    }

    /// Self-references plus boasts: what makes a post read as broadcast.
    pub fn self_points(&self) -> usize {
        self.self_count() + self.boasts.len()
    }

    pub fn you_count(&self) -> usize {
        self.you.len()
    }

    /// Self-focused: enough self-reference, and the reader mentioned less than half as often.
    pub fn focused(&self, strictness: crate::Strictness) -> bool {
        let min = by_strictness(strictness, SELF_MIN_LOW, SELF_MIN, SELF_MIN_HIGH);
        self.self_points() >= min && self.you_count() * 2 < self.self_points()
    }
}

/// Self-references (plus boasts) that make a post self-focused, by strictness.
const SELF_MIN_LOW: usize = 5;
const SELF_MIN: usize = 3;
const SELF_MIN_HIGH: usize = 2;

fn brand_spans(doc: &Document, brands: &aho_corasick::AhoCorasick) -> Vec<Span> {
    let text = doc.text;
    let in_url = |s: usize| {
        let i = doc.tokens.partition_point(|t| t.span.end <= s);
        doc.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Url && t.span.start <= s)
    };
    brands
        .find_iter(text)
        .filter(|m| {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
                && !in_url(m.start())
        })
        .map(|m| Span::new(m.start(), m.end()))
        .collect()
}

pub fn find(doc: &Document, brands: Option<&aho_corasick::AhoCorasick>) -> Pronouns {
    let mut p = Pronouns::default();
    let mut about_self = super::filled(doc.sentences.len(), false);
    for t in doc.tokens.iter().filter(|t| t.is_own_word()) {
        let c = t.info.class;
        if c & class::SELF_I != 0 {
            p.i.push(t.span);
            about_self[t.sentence] = true;
        } else if c & class::SELF_WE != 0 {
            p.we.push(t.span);
            about_self[t.sentence] = true;
        } else if c & class::YOU != 0 {
            p.you.push(t.span);
        }
    }
    if let Some(b) = brands {
        p.brand = brand_spans(doc, b);
        for s in &p.brand {
            let i = doc.tokens.partition_point(|t| t.span.end <= s.start);
            if let Some(t) = doc.tokens.get(i) {
                about_self[t.sentence] = true;
            }
        }
    }
    p.boasts = doc
        .tokens
        .iter()
        .filter(|t| t.is_own_word() && about_self[t.sentence] && t.info.class & class::BOAST != 0)
        .map(|t| t.span)
        .collect();
    p
}

pub fn rules() -> Vec<RuleInfo> {
    vec![RuleInfo {
        id: "self_focus.pronouns",
        rule_set: RuleSet::SelfFocus,
        severity: Severity::Suggestion,
        description: "Underlines I/me/my, we/our and your brand names when the post talks about you far more than about the reader.",
        default_on: true,
        flag: vec!["We are thrilled to announce our new product!", "I am proud of my team and my results this year."],
        allow: vec!["I love how you explained this. What made you try it?", "Thanks for the tip!"],
        example_platform: None,
    }]
}

pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    let p = &a.pronouns;
    if !a.enabled(crate::rule!("self_focus.pronouns")) || !p.focused(a.strictness()) {
        return;
    }
    let message = format!(
        "About you, not the reader: {} self-references, {} to the reader",
        p.self_count(),
        p.you_count()
    );
    let mut spans: Vec<Span> =
        p.i.iter()
            .chain(&p.we)
            .chain(&p.brand)
            .chain(&p.boasts)
            .copied()
            .collect();
    crate::sort::by_key(&mut spans, |&s| crate::sort::span_key(s));
    for span in spans.into_iter().take(MAX_HINTS_PER_RULE) {
        hints.push(a.hint(
            crate::rule!("self_focus.pronouns"),
            span,
            message.clone(),
            "Posts about \"me, my brand, our product\" broadcast; write from the reader's side and they answer.",
        ));
    }
}
