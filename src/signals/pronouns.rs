//! Pronouns: "me, my brand, our product" against "you" (the rule set that shows a post about
//! the writer: `rules::self_focus`).

use crate::data::{class, UserPhrases};
use crate::kinds::{by_strictness, Span, Strictness};
use crate::text::Document;

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
    pub fn focused(&self, strictness: Strictness) -> bool {
        let min = by_strictness(strictness, SELF_MIN_LOW, SELF_MIN, SELF_MIN_HIGH);
        self.self_points() >= min && self.you_count() * 2 < self.self_points()
    }
}

/// Self-references (plus boasts) that make a post self-focused, by strictness.
const SELF_MIN_LOW: usize = 5;
const SELF_MIN: usize = 3;
const SELF_MIN_HIGH: usize = 2;

/// Who `doc` talks about; `brands` are the user's own brand names, matched as phrases are (see
/// `data::PhraseIndex`: whole words, not inside links, mentions, hashtags or quotes).
pub fn find(doc: &Document, brands: Option<&UserPhrases>) -> Pronouns {
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
        p.brand = b.hits(doc).into_iter().map(|h| h.span).collect();
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
