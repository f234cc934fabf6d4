//! What the engine returns for a draft: the hints, the signals with their evidence, the
//! platform counters, the verdicts and the score with every point's reason ([`score`]), built
//! from an analysis by [`build`].
//!
//! Spans are **byte offsets** into the analysed text when a [`Report`] leaves
//! [`crate::Engine::analyze`]; the wasm facade rewrites every span to **UTF-16 code units** with
//! [`Report::map_spans`] before JavaScript sees it.

mod build;
pub mod score;

use crate::kinds::{Context, Platform, Span};
pub use crate::rules::Hint;
use crate::signals::counters::Counter;
use crate::signals::language::Language;
pub use build::{build, MAX_EVIDENCE};
use serde::Serialize;
use std::borrow::Cow;

/// A piece of text that moved a signal, and by how much.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// Bytes in the engine, UTF-16 in JavaScript.
    pub span: Span,
    /// Signed contribution in the signal's own unit (tone: VADER valence after modifiers;
    /// elsewhere 1 per occurrence).
    pub weight: f32,
    /// What kind of evidence, e.g. `i`, `we`, `you`, `brand`, `open`, `closed`, a rule id.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub kind: &'static str,
}

impl Evidence {
    pub fn of(kind: &'static str, span: Span) -> Evidence {
        Evidence {
            span,
            weight: 1.0,
            kind,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ToneSignal {
    /// −1..1.
    pub score: f32,
    pub label: &'static str,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SelfFocusSignal {
    pub i: u32,
    pub we: u32,
    pub brand: u32,
    pub you: u32,
    pub boasts: u32,
    /// Self-references / (self-references + you); 0 when there are neither.
    pub self_share: f32,
    pub focused: bool,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionSignal {
    pub open: u32,
    pub closed: u32,
    pub rhetorical: u32,
    /// Either/or questions (an open choice).
    pub choice: u32,
    /// Engagement bait ("tag 3 friends"): not an invitation.
    pub bait: u32,
    pub invitations: u32,
    pub requests: u32,
    /// The last sentence asks the reader something.
    pub ends_with_invitation: bool,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PitchSignal {
    /// Sum of the weights of the kinds of pitch cue present (see `rules::pitch`).
    pub score: f32,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FiguresSignal {
    pub count: u32,
    pub per_100_words: f32,
    pub max_in_sentence: u32,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShoutingSignal {
    pub caps_words: u32,
    pub mark_runs: u32,
    pub stretched: u32,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AggressionSignal {
    pub insults: u32,
    pub profanity: u32,
    /// Mild swearing ("damn", "hell", "sucks"), counted apart from `profanity`.
    pub mild_profanity: u32,
    pub hostile_phrases: u32,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signals {
    pub language: Language,
    pub tone: ToneSignal,
    pub self_focus: SelfFocusSignal,
    pub questions: QuestionSignal,
    pub pitch: PitchSignal,
    pub figures: FiguresSignal,
    pub shouting: ShoutingSignal,
    pub aggression: AggressionSignal,
    pub words: u32,
    pub sentences: u32,
    /// Bytes of the text that were analysed (all of it unless it exceeded the analysis cap).
    pub analyzed_bytes: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentiment {
    pub score: f32,
    pub label: &'static str,
}

/// The stable, post-level summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdicts {
    pub sentiment: Sentiment,
    pub question: bool,
    pub invites_reply: bool,
    pub pitch: bool,
    pub aggressive: bool,
    pub shouting: bool,
    pub self_focused: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreFactor {
    pub factor: &'static str,
    pub points: i32,
    pub why: Cow<'static, str>,
    /// The words the factor is about (bytes in the engine, UTF-16 in JavaScript): every point
    /// of the score names its words.
    pub spans: Vec<Span>,
}

/// The 0–100 relationship score and how it was reached.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub value: u8,
    /// Starting points; `value` = base + the factors' points, clamped to 0..=100.
    pub base: i32,
    pub breakdown: Vec<ScoreFactor>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub platform: Platform,
    pub context: Context,
    pub hints: Vec<Hint>,
    pub signals: Signals,
    /// The active platform's counter.
    pub counter: Counter,
    /// Every platform's counter, for the panel.
    pub counters: Vec<Counter>,
    pub score: Score,
    pub verdicts: Verdicts,
}

impl Report {
    /// Rewrites every span from byte offsets into `text` to UTF-16 code units, with one walk
    /// over the text (what JavaScript's string indices count). `text` must be the analysed text.
    pub fn spans_to_utf16(&mut self, text: &str) {
        let mut offsets = Vec::new();
        self.map_spans(|s| {
            offsets.push(s.start);
            offsets.push(s.end);
        });
        offsets.sort_unstable();
        offsets.dedup();
        let mut table = Vec::with_capacity(offsets.len());
        let mut units = 0usize;
        let mut next = offsets.iter().peekable();
        for (byte, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), '\0')))
        {
            while next.peek().is_some_and(|&&o| o <= byte) {
                table.push((*next.next().expect("peeked"), units));
            }
            units += c.len_utf16();
        }
        let lookup = |b: usize| {
            table[table
                .binary_search_by_key(&b, |&(k, _)| k)
                .expect("every span offset was collected")]
            .1
        };
        self.map_spans(|s: &mut Span| *s = Span::new(lookup(s.start), lookup(s.end)));
    }

    /// Calls `f` on every span in the report (hints and all evidence), for unit conversion.
    pub fn map_spans(&mut self, mut f: impl FnMut(&mut Span)) {
        for h in &mut self.hints {
            f(&mut h.span);
            for s in &mut h.related {
                f(s);
            }
            for x in &mut h.fixes {
                f(&mut x.span);
            }
        }
        for factor in &mut self.score.breakdown {
            for s in &mut factor.spans {
                f(s);
            }
        }
        let s = &mut self.signals;
        for e in s
            .tone
            .evidence
            .iter_mut()
            .chain(s.self_focus.evidence.iter_mut())
            .chain(s.questions.evidence.iter_mut())
            .chain(s.pitch.evidence.iter_mut())
            .chain(s.figures.evidence.iter_mut())
            .chain(s.shouting.evidence.iter_mut())
            .chain(s.aggression.evidence.iter_mut())
        {
            f(&mut e.span);
        }
    }
}
