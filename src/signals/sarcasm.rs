//! Sarcasm: praise said for the opposite ("Wow, truly a genius move to ship on a Friday night.
//! Bravo. 👏"). A word lexicon reads it as warm; the markers around the praise say otherwise
//! (the rule set that shows it: `rules::tone`).

use crate::data::{lists, PhraseHit};
use crate::kinds::Span;
use crate::signals::tone::Tone;
use crate::text::Document;

/// Markers that say sarcasm on their own ("/s", "living the dream", "truly a genius move").
const STRONG: &[&str] = &[
    "/s",
    "said no one",
    "said nobody",
    "said no one ever",
    "living the dream",
    "love that for me",
    "love that for us",
    "love this for me",
    "slow clap",
    "thanks for nothing",
    "sure, jan",
    "truly a genius",
    "what a genius",
    "genius move",
    "truly brilliant",
    "brilliant planning",
    "a masterclass in",
    "well done, geniuses",
    "wow, truly",
    "because that always works",
    "because that's worked so well",
];
/// Praise from this valence up (VADER's scale: "great" 3.1, "nice" 1.8) is what sarcasm inverts.
const PRAISE: f32 = 1.5;
/// Weaker markers (an eye-roll, "oh great", "yeah, because") need this many, or one beside
/// praise.
const WEAK_ALONE: usize = 2;

/// The sarcasm of a post: its markers and the praise they turn, in text order; empty when the
/// post is not sarcastic.
pub fn find(doc: &Document, hits: &[PhraseHit], tone: &Tone) -> Vec<Span> {
    let markers: Vec<Span> = hits
        .iter()
        .filter(|h| h.list == lists::SARCASM)
        .map(|h| h.span)
        .collect();
    if markers.is_empty() {
        return Vec::new();
    }
    let strong = markers.iter().any(|m| {
        let said = doc.slice(*m).to_lowercase().replace('’', "'");
        STRONG.contains(&said.as_str())
    });
    let praise: Vec<Span> = tone
        .evidence
        .iter()
        .filter(|(span, v)| {
            *v >= PRAISE
                && !markers
                    .iter()
                    .any(|m| m.start <= span.start && span.end <= m.end)
        })
        .map(|(span, _)| *span)
        .collect();
    if !(strong || markers.len() >= WEAK_ALONE || !praise.is_empty()) {
        return Vec::new();
    }
    let mut spans: Vec<Span> = markers.into_iter().chain(praise).collect();
    crate::sort::by_key(&mut spans, |&s| crate::sort::span_key(s));
    spans
}
