//! Pitch: selling instead of talking — urgency, discounts, calls to buy, "link in bio",
//! "DM me", self-promotion (the phrase rules of the `pitch` set in `src/data/phrases.json`,
//! each with its weight), plus prices, "% off" and links in video comments found from the
//! tokens (the rule set that shows them: `rules::pitch`).

use crate::data::{Data, PhraseHit};
use crate::kinds::{by_strictness, Platform, RuleSet, Span, Strictness};
use crate::text::{Document, TokenKind};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pitch {
    /// Every pitch cue found, phrase lists and heuristics alike, in text order.
    pub cues: Vec<Cue>,
    /// Sum of the weights of the distinct kinds of cue present.
    pub score: f32,
}

/// One pitch cue: its kind (the id of the rule that shows it), where, and how much its kind
/// says "this is an ad" (a kind counts once however often it appears).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cue {
    pub kind: &'static str,
    pub span: Span,
    pub weight: f32,
}

/// The heuristic cues and their weights (the phrase rules' weights are in their data): a
/// percentage discount and a link in a video comment say "ad" as plainly as "buy now"; a
/// price alone is an offer, but also what a recommendation quotes.
pub const PERCENT_OFF: (&str, f32) = ("pitch.percent_off", 1.0);
pub const PRICE: (&str, f32) = ("pitch.price", 0.6);
pub const COMMENT_LINK: (&str, f32) = ("pitch.comment_link", 1.0);
/// Score from which the post is a pitch, by strictness.
const PITCH_MIN_LOW: f32 = 1.5;
const PITCH_MIN: f32 = 1.0;
const PITCH_MIN_HIGH: f32 = 0.6;

/// Top-level domains of links spaced out to dodge link filters ("site . com").
const SPACED_TLDS: &[&str] = &["com", "net", "org", "tv", "co", "ly", "io"];

/// Words before a price that make it an offer ("only $9", "from €20").
const PRICE_LEADS: &[&str] = &[
    "only", "just", "from", "for", "starting", "at", "now", "price", "priced", "costs", "save",
];

pub fn find(doc: &Document, data: &Data, hits: &[PhraseHit], platform: Platform) -> Pitch {
    let mut cues: Vec<Cue> = Vec::new();
    let cue = |(kind, weight): (&'static str, f32), span: Span| Cue { kind, span, weight };
    for h in hits {
        if let Some(rule) = data.rule_of(h.list) {
            if rule.rule_set == RuleSet::Pitch && rule.weight > 0.0 {
                cues.push(cue((rule.id, rule.weight), h.span));
            }
        }
    }
    let toks = &doc.tokens;
    for (i, t) in toks.iter().enumerate() {
        if t.quoted {
            continue;
        }
        let next_word = toks
            .get(i + 1)
            .filter(|n| n.kind == TokenKind::Word)
            .map(|n| n.lower.as_ref());
        let prev_word = i
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .filter(|p| p.kind == TokenKind::Word)
            .map(|p| p.lower.as_ref());
        match t.kind {
            TokenKind::Percent
                if matches!(
                    next_word,
                    Some("off" | "discount" | "sale" | "savings" | "cashback")
                ) =>
            {
                cues.push(cue(PERCENT_OFF, t.span.join(toks[i + 1].span)));
            }
            TokenKind::Money
                if prev_word.is_some_and(|w| PRICE_LEADS.contains(&w))
                    || next_word == Some("off") =>
            {
                cues.push(cue(PRICE, t.span));
            }
            // A link in a video comment is the classic spam move, spaced out ("site . com") or not.
            TokenKind::Url if platform == Platform::Youtube => cues.push(cue(COMMENT_LINK, t.span)),
            TokenKind::Word
                if platform == Platform::Youtube
                    && SPACED_TLDS.contains(&t.lower.as_ref())
                    && i >= 2
                    && doc.slice(toks[i - 1].span) == "."
                    && toks[i - 2].kind == TokenKind::Word =>
            {
                cues.push(cue(COMMENT_LINK, toks[i - 2].span.join(t.span)));
            }
            _ => {}
        }
    }
    crate::sort::by_key(&mut cues, |c| crate::sort::span_key(c.span));
    // Each kind present counts once, added in the order of the kinds' ids.
    let mut kinds: Vec<(&str, f32)> = cues.iter().map(|c| (c.kind, c.weight)).collect();
    kinds.sort_unstable_by(|a, b| a.0.cmp(b.0));
    kinds.dedup_by(|a, b| a.0 == b.0);
    // From +0.0: `sum()` starts from −0.0, which a post with no cue would report.
    let score = kinds.iter().fold(0.0, |acc, (_, w)| acc + w);
    Pitch { cues, score }
}

impl Pitch {
    pub fn is_pitch(&self, s: Strictness) -> bool {
        self.score >= by_strictness(s, PITCH_MIN_LOW, PITCH_MIN, PITCH_MIN_HIGH)
    }

    /// Whether a span lies inside a pitch cue (a "buy now" is not an invitation to talk).
    pub fn covers(&self, span: Span) -> bool {
        self.cues
            .iter()
            .any(|c| c.span.start <= span.start && span.end <= c.span.end)
    }
}
