//! # Rapport's engine
//!
//! Rapport reads a social media draft and says, while it is still a draft, whether it is likely
//! to start a conversation: its tone, how much it talks about "me, my brand, our product",
//! whether it pitches or shouts, whether it asks the reader anything, and whether it fits the
//! platform. Everything runs locally; this crate has no I/O and no browser code.
//!
//! ## Layers
//!
//! Each layer uses only those below it (`tests/layers.rs` checks the imports):
//!
//! ```text
//! facades   wasm (translates only; reports cross as JSON), the CLI (src/cli, src/main.rs)
//! engine    settings checked and compiled once; analyze(text, options) → Report
//! report    the Report, its verdicts and the score with every point's reason
//! rules     the registry; each rule set turns signals into hints; phrase rules are data
//! signals   pure models: tone, questions, pronouns, shouting, figures, aggression, pitch,
//!           language, the platform counters
//! config    the settings as stored (types and the checks the settings alone can make)
//! data      vocabulary, lexicon, phrase lists, the one phrase matcher (PhraseIndex)
//! text      the document model: tokens, sentences, quotes (knows nothing of the vocabulary)
//! kinds     RuleSet, Severity, Platform, Context, Strictness (from lists.json), Span; sort
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

#![forbid(unsafe_code)]

pub mod config;
pub mod data;
mod engine;
pub mod kinds;
pub mod report;
pub mod rules;
pub mod signals;
mod sort;
pub mod text;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use config::{Config, ConfigError, Ignored, IgnoredKind, Options};
pub use engine::{Engine, MAX_ANALYZED_BYTES};
pub use kinds::{Context, Platform, RuleSet, Severity, Strictness};
pub use report::{Report, MAX_EVIDENCE};
pub use text::{Document, Span};
