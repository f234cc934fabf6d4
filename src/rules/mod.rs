//! Rules: the registry of every rule, and the pass that turns the signals of a draft into
//! hints on exact spans.
//!
//! One rule set per file, named by its id; each file's `rules()` registers its heuristic rules
//! and `check()` turns its signals into hints. Phrase rules are data (`src/data/phrases.json`),
//! registered and run here for every rule set with no code of their own. Every rule has a
//! description, a default and `flag`/`allow` examples; `tests/rules.rs` runs every example.

pub mod aggression;
pub mod custom;
pub mod figures;
pub mod invites_reply;
pub mod pitch;
pub mod platform;
pub mod self_focus;
pub mod shouting;
pub mod tone;

use crate::config::{Config, ConfigError};
use crate::data::{Data, List, UserPhrases};
use crate::kinds::{Context, Platform, RuleSet, Severity, Span, Strictness};
use crate::signals::counters::Counter;
use crate::signals::Signals;
use crate::text::Document;
use serde::Serialize;
use std::borrow::Cow;
use std::sync::OnceLock;

/// One finding, shown as one card: one rule, all the words it is about, one message whose count
/// matches its spans, one line of why, and the offline rewrites that fit, if any.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hint {
    /// Stable rule id, e.g. `pitch.urgency`; `custom.<id>` for user rules.
    pub rule: Cow<'static, str>,
    pub rule_set: RuleSet,
    pub severity: Severity,
    /// The first words the finding is about, where its card opens (bytes in the engine, UTF-16
    /// in JavaScript).
    pub span: Span,
    /// Every other span of the finding, in text order (empty when it is about one place).
    pub related: Vec<Span>,
    pub message: Cow<'static, str>,
    /// One line on why it matters.
    pub why: Cow<'static, str>,
    /// Rewrites the user may apply, each replacing its span; none where none fits.
    pub fixes: Vec<Fix>,
}

/// One offline rewrite: the text that replaces a span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fix {
    pub span: Span,
    pub text: String,
}

impl Hint {
    /// Every span of the finding, the primary one first, then the rest in text order.
    pub fn spans(&self) -> impl Iterator<Item = Span> + '_ {
        std::iter::once(self.span).chain(self.related.iter().copied())
    }

    /// The finding with one rewrite of its primary span.
    pub fn with_fix(mut self, text: impl Into<String>) -> Hint {
        self.fixes.push(Fix {
            span: self.span,
            text: text.into(),
        });
        self
    }
}

/// A rule as the options page and the tests see it.
#[derive(Debug, Clone, Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub rule_set: RuleSet,
    pub severity: Severity,
    pub description: &'static str,
    pub default_on: bool,
    /// Drafts on which the rule must fire (default settings, a post, on `example_platform`).
    pub flag: Vec<&'static str>,
    /// Drafts on which it must stay quiet.
    pub allow: Vec<&'static str>,
    /// The platform the examples are written for (X when absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example_platform: Option<Platform>,
    /// Whether the examples are posts or replies (posts when absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example_context: Option<Context>,
}

/// Every built-in rule id a setting names must exist (custom rules' ids too): a typo must not
/// silently leave a rule on. The settings check everything else themselves
/// (`Config::validate`).
pub fn check_rule_ids(config: &Config) -> Result<(), ConfigError> {
    for id in config.rules.keys() {
        let custom = id
            .strip_prefix("custom.")
            .is_some_and(|c| config.custom_rules.iter().any(|r| r.id == c));
        if !custom && rule_index(id).is_none() {
            return Err(ConfigError::at(
                format!("rules.{id}"),
                format!("unknown rule `{id}`"),
            ));
        }
    }
    Ok(())
}

/// Every built-in rule, in display order: code rules, then phrase rules from the data.
pub fn registry() -> &'static [RuleInfo] {
    static REGISTRY: OnceLock<Vec<RuleInfo>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut all = Vec::new();
        all.extend(tone::rules());
        all.extend(aggression::rules());
        all.extend(shouting::rules());
        all.extend(self_focus::rules());
        all.extend(invites_reply::rules());
        all.extend(pitch::rules());
        all.extend(figures::rules());
        all.extend(platform::rules());
        for r in Data::get().rules {
            all.push(RuleInfo {
                id: r.id,
                rule_set: r.rule_set,
                severity: r.severity,
                description: r.description,
                default_on: r.default_on,
                flag: r.flag.to_vec(),
                allow: r.allow.to_vec(),
                example_platform: None,
                example_context: None,
            });
        }
        // Display order: by rule set, stable within a set.
        crate::sort::by_key(&mut all, |r| r.rule_set as u128);
        all
    })
}

/// A rule's position in [`registry`], by id (one hash, not a scan of every id).
pub fn rule_index(id: &str) -> Option<usize> {
    static INDEX: OnceLock<crate::data::lexicon::FastMap<&'static str, usize>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            registry()
                .iter()
                .enumerate()
                .map(|(i, r)| (r.id, i))
                .collect()
        })
        .get(id)
        .copied()
}

pub fn rule_info(id: &str) -> Option<&'static RuleInfo> {
    rule_index(id).map(|i| &registry()[i])
}

/// A registered rule resolved to its place in [`registry`]; made by [`rule!`](crate::rule), which
/// looks the id up once per call site, so a rule check per analysis is an array read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleRef(pub usize);

impl RuleRef {
    /// The rule `id`, looked up on the first call and remembered in `cache` (one per call site).
    /// Not generic and without a closure, so each call site adds only a call to the wasm.
    pub fn resolve(cache: &std::sync::atomic::AtomicUsize, id: &'static str) -> RuleRef {
        use std::sync::atomic::Ordering::Relaxed;
        let known = cache.load(Relaxed);
        if known != usize::MAX {
            return RuleRef(known);
        }
        let index = rule_index(id).unwrap_or_else(|| panic!("rule {id} is not registered"));
        cache.store(index, Relaxed);
        RuleRef(index)
    }

    pub fn info(self) -> &'static RuleInfo {
        &registry()[self.0]
    }

    pub fn id(self) -> &'static str {
        self.info().id
    }
}

/// `rule!("tone.negative")`: the [`RuleRef`] of a built-in rule, resolved on first use. An id
/// that is not registered panics on first use; `tests/rules.rs` runs every rule, so it is caught.
#[macro_export]
macro_rules! rule {
    ($id:literal) => {{
        static INDEX: std::sync::atomic::AtomicUsize =
            std::sync::atomic::AtomicUsize::new(usize::MAX);
        $crate::rules::RuleRef::resolve(&INDEX, $id)
    }};
}

/// What the engine compiles once per settings change.
#[derive(Debug, Clone, Default)]
pub struct Compiled {
    /// Whether each rule of [`registry`] is on, by its index there.
    pub enabled: Vec<bool>,
    /// Whether each phrase rule of the data (`Data::rules`) is on, by its index there.
    pub data_rules: Vec<bool>,
    /// The user's brand names, one list.
    pub brands: Option<UserPhrases>,
    /// Lower-cased acronyms the user allows in capitals.
    pub acronyms: std::collections::HashSet<String>,
    pub custom: custom::CustomRules,
    pub strictness: Strictness,
}

impl Compiled {
    pub fn new(config: &Config) -> Result<Compiled, ConfigError> {
        let brands = if config.brands.is_empty() {
            None
        } else {
            let names = config.brands.iter().map(|b| b.as_str());
            Some(
                UserPhrases::build([names], Vec::new())
                    .map_err(|e| ConfigError::at("brands", e))?,
            )
        };
        let acronyms = config
            .acronyms
            .iter()
            .map(|a| a.trim().to_lowercase())
            .collect();
        let enabled = registry()
            .iter()
            .map(|r| config.rule_enabled(r.id, r.rule_set, r.default_on))
            .collect();
        let data_rules = Data::get()
            .rules
            .iter()
            .map(|r| config.rule_enabled(r.id, r.rule_set, r.default_on))
            .collect();
        Ok(Compiled {
            enabled,
            data_rules,
            brands,
            acronyms,
            custom: custom::CustomRules::new(config)?,
            strictness: config.strictness,
        })
    }
}

/// Everything the rules read: the document, the compiled settings, and every signal computed
/// once.
pub struct Analysis<'a> {
    pub doc: &'a Document<'a>,
    pub compiled: &'a Compiled,
    pub data: &'static Data,
    pub platform: Platform,
    pub context: Context,
    pub signals: Signals,
    pub counter: Counter,
}

impl<'a> Analysis<'a> {
    pub fn new(
        doc: &'a Document<'a>,
        compiled: &'a Compiled,
        platform: Platform,
        context: Context,
        counter: Counter,
    ) -> Analysis<'a> {
        let data = Data::get();
        let inputs = crate::signals::Inputs {
            platform,
            context,
            brands: compiled.brands.as_ref(),
            acronyms: &compiled.acronyms,
        };
        Analysis {
            doc,
            compiled,
            data,
            platform,
            context,
            signals: crate::signals::read(doc, data, inputs),
            counter,
        }
    }

    pub fn strictness(&self) -> Strictness {
        self.compiled.strictness
    }

    /// Whether a registered rule is on.
    pub fn enabled(&self, rule: RuleRef) -> bool {
        self.compiled.enabled[rule.0]
    }

    /// A finding of a registered rule on one span, with its registry severity.
    pub fn hint(
        &self,
        rule: RuleRef,
        span: Span,
        message: impl Into<Cow<'static, str>>,
        why: &'static str,
    ) -> Hint {
        let info = rule.info();
        Hint {
            rule: Cow::Borrowed(info.id),
            rule_set: info.rule_set,
            severity: info.severity,
            span,
            related: Vec::new(),
            message: message.into(),
            why: Cow::Borrowed(why),
            fixes: Vec::new(),
        }
    }

    /// One finding of a registered rule on all of `spans` (sorted, repeats dropped, at most
    /// [`MAX_SPANS`]); `message` is given how many there are. `None` without spans.
    pub fn finding<M: Into<Cow<'static, str>>>(
        &self,
        rule: RuleRef,
        spans: impl IntoIterator<Item = Span>,
        message: impl FnOnce(usize) -> M,
        why: &'static str,
    ) -> Option<Hint> {
        let spans = finding_spans(spans);
        let (&first, rest) = spans.split_first()?;
        let mut h = self.hint(rule, first, message(spans.len()), why);
        h.related = rest.to_vec();
        Some(h)
    }

    /// The English rule sets stay quiet on a draft in another language.
    pub fn english(&self) -> bool {
        self.signals.language.english
    }
}

/// Most spans one finding lists: a long post with 40 "I"s gets one card with every one of them
/// underlined; a 250 KB paste does not get 40,000.
pub const MAX_SPANS: usize = 100;

/// A finding's spans: in text order, overlapping ones joined (one underline each), at most
/// [`MAX_SPANS`].
pub fn finding_spans(spans: impl IntoIterator<Item = Span>) -> Vec<Span> {
    let mut v: Vec<Span> = spans.into_iter().collect();
    crate::sort::by_key(&mut v, |&s| crate::sort::span_key(s));
    v.dedup_by(|next, kept| {
        let overlaps = next.start < kept.end;
        if overlaps {
            *kept = kept.join(*next);
        }
        overlaps
    });
    v.truncate(MAX_SPANS);
    v
}

/// Runs every enabled rule, in rule-set order, then the phrase rules of the data for every
/// rule set (English phrases: only on an English draft).
pub fn run(a: &Analysis, hints: &mut Vec<Hint>) {
    if a.english() {
        tone::check(a, hints);
        aggression::check(a, hints);
        shouting::check(a, hints);
        self_focus::check(a, hints);
        invites_reply::check(a, hints);
        pitch::check(a, hints);
        figures::check(a, hints);
        phrase_rule_hints(a, hints);
    }
    platform::check(a, hints);
    custom::check(a, hints);
}

/// Adds one finding per enabled phrase rule of `phrases.json` found, on all its phrases, with
/// its data text (and its suggestion for each, where it has one).
fn phrase_rule_hints(a: &Analysis, hints: &mut Vec<Hint>) {
    for (i, rule) in a.data.rules.iter().enumerate() {
        if !a.compiled.data_rules[i] {
            continue;
        }
        let list = List(i as u16);
        // The rule's phrases, and the cues of its kind a heuristic found where no phrase could
        // say it ("code SPRING20" for `pitch.discount`).
        let cues = a.signals.pitch.cues.iter().filter(|c| c.kind == rule.id);
        let spans = finding_spans(
            a.signals
                .hits
                .iter()
                .filter(|h| h.list == list)
                .map(|h| h.span)
                .chain(cues.map(|c| c.span)),
        );
        let Some((&span, related)) = spans.split_first() else {
            continue;
        };
        let fixes = match rule.suggestion {
            Some(text) => spans
                .iter()
                .map(|&span| Fix {
                    span,
                    text: text.to_string(),
                })
                .collect(),
            None => Vec::new(),
        };
        hints.push(Hint {
            rule: Cow::Borrowed(rule.id),
            rule_set: rule.rule_set,
            severity: rule.severity,
            span,
            related: related.to_vec(),
            message: Cow::Borrowed(rule.message),
            why: Cow::Borrowed(rule.why),
            fixes,
        });
    }
}
