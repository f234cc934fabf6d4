//! The engine: settings checked and compiled once, then `analyze` per keystroke — the text
//! parsed and annotated, the platform counted, every signal read, the rules run, the report
//! built.

use crate::config::{Config, ConfigError, Ignored, Options};
use crate::kinds::{Severity, Span, Strictness};
use crate::report::{self, Report};
use crate::rules::custom::{self, Clock};
use crate::rules::{self, Analysis, Compiled};
use crate::signals::counters;
use crate::text::Document;

/// Texts longer than this are analysed up to here (at a whitespace); the counters still count
/// the whole text, and a `platform.truncated` hint says so. 256 KiB is ~40,000 words, far past
/// any platform's limit, and keeps one analysis within ~25 ms in wasm.
pub const MAX_ANALYZED_BYTES: usize = 256 * 1024;

/// A configured analyser. Cheap to call per keystroke; build it once per settings change.
#[derive(Debug, Clone)]
pub struct Engine {
    config: Config,
    compiled: Compiled,
}

fn analysed_prefix(text: &str) -> &str {
    if text.len() <= MAX_ANALYZED_BYTES {
        return text;
    }
    let mut end = MAX_ANALYZED_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // Cut at the last whitespace so no word is split (unless there is none near).
    match text[..end].rfind(char::is_whitespace) {
        Some(ws) if end - ws < 1024 => &text[..ws],
        _ => &text[..end],
    }
}

impl Engine {
    /// Validates and compiles the settings; an error names the offending field.
    pub fn new(config: Config) -> Result<Engine, ConfigError> {
        Engine::check(&config)?;
        let compiled = Compiled::new(&config)?;
        Ok(Engine { config, compiled })
    }

    pub fn from_json(json: &str) -> Result<Engine, ConfigError> {
        Engine::new(Config::from_json(json)?)
    }

    /// Builds an engine from stored settings tolerantly ([`Config::from_json_tolerant`], then
    /// every switch of a rule that does not exist left out): everything that can apply does,
    /// and what does not is listed. An error only when the JSON is unreadable or not an object.
    pub fn from_json_tolerant(json: &str) -> Result<(Engine, Vec<Ignored>), ConfigError> {
        let (mut config, mut ignored) = Config::from_json_tolerant(json)?;
        let custom_ids: std::collections::HashSet<&str> =
            config.custom_rules.iter().map(|r| r.id.as_str()).collect();
        config.rules.retain(|id, _| {
            let known = rules::rule_index(id).is_some()
                || id
                    .strip_prefix("custom.")
                    .is_some_and(|c| custom_ids.contains(c));
            if !known {
                let reason = format!("unknown rule `{id}`{}", crate::config::NOT_USED);
                ignored.push(Ignored::unknown(format!("rules.{id}"), reason));
            }
            known
        });
        Ok((Engine::new(config)?, ignored))
    }

    /// The clock of the custom regexes' time budget (milliseconds from any fixed moment):
    /// `Instant` natively by default; wasm has none unless the facade passes one. `None`: only
    /// the search limit bounds them.
    pub fn set_clock(&mut self, clock: Option<Clock>) {
        self.compiled.custom.clock = clock;
    }

    /// Checks settings as [`Engine::new`] does, without compiling them: what the settings alone
    /// can tell, and that every rule they name exists.
    pub fn check(config: &Config) -> Result<(), ConfigError> {
        config.validate()?;
        rules::check_rule_ids(config)
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Analyses one draft. Spans in the report are byte offsets into `text`.
    pub fn analyze(&self, text: &str, options: &Options) -> Report {
        let platform = options.platform.unwrap_or(self.config.platform);
        let context = options.context.unwrap_or(self.config.context);
        let data = crate::data::Data::get();
        // One lower-cased copy of the text per analysis (none without a capital), which the
        // tokens' lower case borrows from, rather than a string per capitalised word.
        let folded: std::borrow::Cow<str> = if text.bytes().any(|b| b.is_ascii_uppercase()) {
            text.to_ascii_lowercase().into()
        } else {
            text.into()
        };
        let mut full = Document::parse_folded(text, &folded);
        let counters = if options.brief {
            vec![counters::count(&full, platform, self.config.mastodon_limit)]
        } else {
            counters::count_all(&full, self.config.mastodon_limit)
        };
        let counter = *counters
            .iter()
            .find(|c| c.platform == platform)
            .expect("every platform is counted");

        let analysed = analysed_prefix(text);
        let doc = if analysed.len() == text.len() {
            data.annotate(&mut full);
            full
        } else {
            data.document(analysed)
        };
        let a = Analysis::new(&doc, &self.compiled, platform, context, counter);

        let mut hints = Vec::new();
        rules::run(&a, &mut hints);
        if analysed.len() < text.len() && a.enabled(crate::rule!("platform.truncated")) {
            hints.push(a.hint(
                crate::rule!("platform.truncated"),
                Span::new(analysed.len(), text.len()),
                format!("Only the first {} KB are checked", MAX_ANALYZED_BYTES / 1024),
                "A text this long is past every platform's limit; the counter still counts all of it.",
            ));
        }
        if a.strictness() == Strictness::Low {
            // A rule that stopped says so at every strictness: it must never stop silently.
            hints.retain(|h| h.severity != Severity::Info || custom::stopped(h));
        }
        report::build(&a, hints, counter, counters, analysed.len(), options.brief)
    }
}
