//! # Rapport's engine
//!
//! Rapport reads a social media draft and says, while it is still a draft, whether it is likely
//! to start a conversation: its tone, how much it talks about "me, my brand, our product",
//! whether it pitches or shouts, whether it asks the reader anything, and whether it fits the
//! platform. Everything runs locally; this crate has no I/O and no browser code.
//!
//! ## Pipeline
//!
//! ```text
//! &str ──Document::parse──▶ tokens, sentences, quotes      (text)
//!      ──signals──────────▶ tone, questions, counters      (rules::*, platform)
//!      ──rules::run───────▶ hints on exact spans           (rules::*)
//!      ──────────────────▶ Report { hints, signals, counter(s), score, verdicts }
//! ```
//!
//! ## Offsets
//!
//! Inside the engine every span is a **byte offset** into the analysed `&str`, on a `char`
//! boundary. The wasm facade (`src/wasm.rs`) converts all spans of a report to **UTF-16 code
//! units** in one pass before JavaScript sees them.
//!
//! ```
//! let engine = rapport::Engine::new(rapport::Config::default()).unwrap();
//! let report = engine.analyze("Congrats on the launch! What was the hardest part?", &Default::default());
//! assert_eq!(report.verdicts.sentiment.label, "positive");
//! assert!(report.verdicts.question);
//! ```

pub mod config;
pub mod lexicon;
pub mod platform;
pub mod report;
pub mod rules;
pub mod text;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use config::{Config, ConfigError, Context, Options, Platform, Severity, Strictness};
pub use report::Report;
pub use text::{Document, Span};

use report::{Evidence, QuestionSignal, Score, ScoreFactor, Sentiment, Signals, ToneSignal, Verdicts};

/// A configured analyser. Cheap to call per keystroke; build it once per settings change.
#[derive(Debug, Clone)]
pub struct Engine {
    config: Config,
}

impl Engine {
    /// Validates the settings; an error names the offending field.
    pub fn new(config: Config) -> Result<Engine, ConfigError> {
        config.validate()?;
        Ok(Engine { config })
    }

    pub fn from_json(json: &str) -> Result<Engine, ConfigError> {
        Engine::new(Config::from_json(json)?)
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Analyses one draft. Spans in the report are byte offsets into `text`.
    pub fn analyze(&self, text: &str, options: &Options) -> Report {
        let lexicon = lexicon::Lexicon::get();
        let platform = options.platform.unwrap_or(self.config.platform);
        let context = options.context.unwrap_or(self.config.context);
        let doc = Document::parse(text);
        let tone = rules::tone::score(&doc, lexicon);
        let questions = rules::invites_reply::find(&doc);
        let counters: Vec<platform::Counter> =
            Platform::ALL.iter().map(|&p| platform::count(&doc, p, self.config.mastodon_limit)).collect();
        let counter = *counters.iter().find(|c| c.platform == platform).expect("every platform is counted");

        let mut hints = Vec::new();
        let ctx = rules::Ctx {
            doc: &doc,
            config: &self.config,
            lexicon,
            platform,
            context,
            tone: &tone,
            questions: &questions,
            counter: &counter,
        };
        rules::run(&ctx, &mut hints);
        hints.sort_by_key(|h| (h.span.start, h.span.end));

        let verdicts = Verdicts {
            sentiment: Sentiment { score: tone.compound, label: tone.label() },
            question: !questions.questions.is_empty(),
            invites_reply: !questions.questions.is_empty(),
            pitch: false,
            aggressive: false,
            shouting: false,
            self_focused: false,
        };
        let score = score(&verdicts, &counter);
        let signals = Signals {
            tone: ToneSignal {
                score: tone.compound,
                label: tone.label(),
                evidence: tone.evidence.iter().map(|&(span, weight)| Evidence { span, weight, kind: "" }).collect(),
            },
            questions: QuestionSignal {
                count: questions.questions.len() as u32,
                evidence: questions.questions.iter().map(|&span| Evidence { span, weight: 1.0, kind: "question" }).collect(),
            },
            words: doc.word_count() as u32,
            sentences: doc.sentences.len() as u32,
        };
        Report { platform, context, hints, signals, counter, counters, score, verdicts }
    }
}

/// Points start here and move with each factor; the result is clamped to 0..=100.
const SCORE_BASE: i32 = 50;

fn score(v: &Verdicts, counter: &platform::Counter) -> Score {
    let mut breakdown = Vec::new();
    let tone_points = (v.sentiment.score * 20.0).round() as i32;
    if tone_points != 0 {
        breakdown.push(ScoreFactor { factor: "tone", points: tone_points, why: format!("tone is {}", v.sentiment.label) });
    }
    if v.invites_reply {
        breakdown.push(ScoreFactor { factor: "invites_reply", points: 25, why: "asks the reader something".into() });
    }
    if counter.over {
        breakdown.push(ScoreFactor { factor: "platform", points: -15, why: "over the length limit".into() });
    }
    let value = (SCORE_BASE + breakdown.iter().map(|f| f.points).sum::<i32>()).clamp(0, 100) as u8;
    Score { value, breakdown }
}
