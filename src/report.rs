//! What the engine returns for a draft.
//!
//! Spans are **byte offsets** into the analysed text when a [`Report`] leaves
//! [`crate::Engine::analyze`]; the wasm facade rewrites every span to **UTF-16 code units** with
//! [`Report::map_spans`] before JavaScript sees it.

use crate::config::{Context, Platform, Severity};
use crate::platform::Counter;
use crate::rules::RuleSet;
use crate::text::Span;
use serde::Serialize;

/// One thing to show on the words it is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hint {
    /// Stable rule id, e.g. `pitch.urgency`; `custom.<id>` for user rules.
    pub rule: String,
    pub rule_set: RuleSet,
    pub severity: Severity,
    /// The words the hint is about (bytes in the engine, UTF-16 in JavaScript).
    pub span: Span,
    pub message: String,
    /// One line on why it matters.
    pub why: String,
    /// Replacement text the user may apply, where one exists offline.
    pub suggestion: Option<String>,
}

/// A piece of text that moved a signal, and by how much.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub span: Span,
    /// Signed contribution in the signal's own unit (tone: VADER valence after modifiers).
    pub weight: f32,
    /// What kind of evidence, e.g. `i`, `we`, `you`, `brand`, `open`, `closed`.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub kind: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ToneSignal {
    /// −1..1.
    pub score: f32,
    pub label: &'static str,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct QuestionSignal {
    pub count: u32,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signals {
    pub tone: ToneSignal,
    pub questions: QuestionSignal,
    pub words: u32,
    pub sentences: u32,
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
    pub why: String,
}

/// The 0–100 relationship score and how it was reached.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub value: u8,
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
    /// Calls `f` on every span in the report (hints and evidence), for unit conversion.
    pub fn map_spans(&mut self, mut f: impl FnMut(&mut Span)) {
        for h in &mut self.hints {
            f(&mut h.span);
        }
        for e in self.signals.tone.evidence.iter_mut().chain(self.signals.questions.evidence.iter_mut()) {
            f(&mut e.span);
        }
    }
}
