//! `pitch`: selling instead of talking — urgency, discounts, calls to buy, "link in bio",
//! "DM me", self-promotion (phrase lists in `src/data/phrases.json`), plus prices and
//! "% off" found from the tokens.

use super::{by_strictness, phrase_rule_hints, Analysis, RuleInfo, RuleSet, MAX_HINTS_PER_RULE};
use crate::config::{Platform, Severity};
use crate::data::{Data, List, PhraseHit};
use crate::report::Hint;
use crate::text::{Document, Span, TokenKind};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pitch {
    /// (rule id, span) for every pitch cue found, phrase lists and heuristics alike.
    pub cues: Vec<(&'static str, Span)>,
    /// Sum of the weights of the distinct kinds of cue present.
    pub score: f32,
}

/// How much each kind of cue says "this is an ad". A kind counts once however often it appears.
/// Weights of the kinds of cue, in id order (the score adds them in this order; a test checks it).
const WEIGHTS: &[(&str, f32)] = &[
    ("pitch.call_to_action", 1.0),
    ("pitch.comment_link", 1.0),
    ("pitch.discount", 1.0),
    ("pitch.dm_me", 0.6),
    ("pitch.link_in_bio", 0.6),
    ("pitch.percent_off", 1.0),
    ("pitch.price", 0.6),
    ("pitch.self_promo", 1.0),
    ("pitch.urgency", 1.0),
];
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
    let mut cues: Vec<(&'static str, Span)> = Vec::new();
    for h in hits {
        if let List::Rule(i) = h.list {
            let id = data.rules[i].id;
            if let Some(&(known, _)) = WEIGHTS.iter().find(|(w, _)| *w == id) {
                cues.push((known, h.span));
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
                cues.push(("pitch.percent_off", t.span.join(toks[i + 1].span)));
            }
            TokenKind::Money
                if prev_word.is_some_and(|w| PRICE_LEADS.contains(&w))
                    || next_word == Some("off") =>
            {
                cues.push(("pitch.price", t.span));
            }
            // A link in a video comment is the classic spam move, spaced out ("site . com") or not.
            TokenKind::Url if platform == Platform::Youtube => {
                cues.push(("pitch.comment_link", t.span))
            }
            TokenKind::Word
                if platform == Platform::Youtube
                    && SPACED_TLDS.contains(&t.lower.as_ref())
                    && i >= 2
                    && doc.slice(toks[i - 1].span) == "."
                    && toks[i - 2].kind == TokenKind::Word =>
            {
                cues.push(("pitch.comment_link", toks[i - 2].span.join(t.span)));
            }
            _ => {}
        }
    }
    crate::sort::by_key(&mut cues, |c| crate::sort::span_key(c.1));
    // Each kind present counts once.
    let score = WEIGHTS
        .iter()
        .filter(|(kind, _)| cues.iter().any(|c| c.0 == *kind))
        // From +0.0: `sum()` starts from −0.0, which a post with no cue would report.
        .fold(0.0, |acc, (_, w)| acc + w);
    Pitch { cues, score }
}

impl Pitch {
    pub fn is_pitch(&self, s: crate::Strictness) -> bool {
        self.score >= by_strictness(s, PITCH_MIN_LOW, PITCH_MIN, PITCH_MIN_HIGH)
    }

    /// Whether a span lies inside a pitch cue (a "buy now" is not an invitation to talk).
    pub fn covers(&self, span: Span) -> bool {
        self.cues
            .iter()
            .any(|(_, c)| c.start <= span.start && span.end <= c.end)
    }
}

#[cfg(test)]
#[test]
fn weights_are_in_id_order_and_cover_every_cue() {
    assert!(WEIGHTS.windows(2).all(|w| w[0].0 < w[1].0));
    for rule in rules() {
        assert!(
            WEIGHTS.iter().any(|(id, _)| *id == rule.id),
            "{} has no weight",
            rule.id
        );
    }
}

pub fn rules() -> Vec<RuleInfo> {
    vec![
        RuleInfo {
            id: "pitch.percent_off",
            rule_set: RuleSet::Pitch,
            severity: Severity::Warning,
            description: "\"50% off\" and other percentage discounts.",
            default_on: true,
            flag: vec!["Everything 50% off this weekend"],
            allow: vec!["Turnout was 50% higher than last year"],
            example_platform: None,
        },
        RuleInfo {
            id: "pitch.price",
            rule_set: RuleSet::Pitch,
            severity: Severity::Suggestion,
            description: "Prices pitched as offers (\"only $19\", \"from €5\").",
            default_on: true,
            flag: vec!["Get the course for only $19"],
            allow: vec!["The coffee cost me $5 and it was worth it"],
            example_platform: None,
        },
        RuleInfo {
            id: "pitch.comment_link",
            rule_set: RuleSet::Pitch,
            severity: Severity::Suggestion,
            description: "Links in YouTube comments (the usual spam pattern).",
            default_on: true,
            flag: vec!["Nice video! https://example.com/win-a-phone"],
            allow: vec!["Great video, thanks"],
            example_platform: Some(Platform::Youtube),
        },
    ]
}

pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    for (rule, message, why) in [
        (
            crate::rule!("pitch.percent_off"),
            "A discount",
            "Price cuts turn a conversation into an ad; save them for the shop page.",
        ),
        (
            crate::rule!("pitch.price"),
            "A price pitch",
            "Quoting a price makes the post an offer; people scroll past offers.",
        ),
        (
            crate::rule!("pitch.comment_link"),
            "A link in a comment",
            "Links in comments read as spam; say what you think instead.",
        ),
    ] {
        if !a.enabled(rule) {
            continue;
        }
        for &(_, span) in a
            .pitch
            .cues
            .iter()
            .filter(|c| c.0 == rule.id())
            .take(MAX_HINTS_PER_RULE)
        {
            hints.push(a.hint(rule, span, message, why));
        }
    }
    phrase_rule_hints(a, RuleSet::Pitch, hints);
}
