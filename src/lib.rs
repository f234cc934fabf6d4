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
pub mod data;
mod engine;
pub mod lexicon;
pub mod platform;
pub mod report;
pub mod rules;
mod score;
mod sort;
pub mod tape;
pub mod text;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use config::{Config, ConfigError, Context, Options, Platform, Severity, Strictness};
pub use engine::{Engine, MAX_ANALYZED_BYTES, MAX_EVIDENCE};
pub use report::Report;
pub use text::{Document, Span};
