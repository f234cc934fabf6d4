//! Rule sets, the registry of rules, and the pass that turns a document into signals and hints.
//!
//! One rule set per file, named by its id. Phrase-style rules are data (`src/data/phrases.json`);
//! heuristic rules are registered in their file's `rules()`. Every rule has a description, a
//! default and `flag`/`allow` examples; `tests/rules.rs` runs every example.

pub mod aggression;
pub mod custom;
pub mod figures;
pub mod invites_reply;
pub mod language;
pub mod pitch;
pub mod platform;
pub mod self_focus;
pub mod shouting;
pub mod tone;

use crate::config::{Config, Context, Platform, Severity, Strictness};
use crate::data::{Data, List, PhraseHit};
use crate::platform::Counter;
use crate::report::Hint;
use crate::text::{Document, Span};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleSet {
    Tone,
    Aggression,
    Shouting,
    SelfFocus,
    InvitesReply,
    Pitch,
    Figures,
    Platform,
    Custom,
}

impl RuleSet {
    pub const ALL: [RuleSet; 9] = [
        RuleSet::Tone,
        RuleSet::Aggression,
        RuleSet::Shouting,
        RuleSet::SelfFocus,
        RuleSet::InvitesReply,
        RuleSet::Pitch,
        RuleSet::Figures,
        RuleSet::Platform,
        RuleSet::Custom,
    ];

    pub fn id(self) -> &'static str {
        match self {
            RuleSet::Tone => "tone",
            RuleSet::Aggression => "aggression",
            RuleSet::Shouting => "shouting",
            RuleSet::SelfFocus => "self_focus",
            RuleSet::InvitesReply => "invites_reply",
            RuleSet::Pitch => "pitch",
            RuleSet::Figures => "figures",
            RuleSet::Platform => "platform",
            RuleSet::Custom => "custom",
        }
    }

    pub fn from_id(id: &str) -> Option<RuleSet> {
        RuleSet::ALL.into_iter().find(|s| s.id() == id)
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
            });
        }
        // Display order: by rule set, stable within a set.
        crate::sort::by_key(&mut all, |r| r.rule_set as u128);
        all
    })
}

/// A rule's position in [`registry`], by id (one hash, not a scan of every id).
pub fn rule_index(id: &str) -> Option<usize> {
    static INDEX: OnceLock<crate::lexicon::FastMap<&'static str, usize>> = OnceLock::new();
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

/// `vec![value; n]` through a plain allocation: for zeros `vec!` asks for zeroed memory
/// (calloc), which costs several times more than malloc for the small lists of one analysis.
pub(crate) fn filled<T: Clone>(n: usize, value: T) -> Vec<T> {
    let mut v = Vec::with_capacity(n);
    v.resize(n, value);
    v
}

/// Picks a threshold by strictness.
pub fn by_strictness<T>(s: Strictness, low: T, medium: T, high: T) -> T {
    match s {
        Strictness::Low => low,
        Strictness::Medium => medium,
        Strictness::High => high,
    }
}

/// What the engine compiles once per settings change.
#[derive(Clone, Default)]
pub struct Compiled {
    /// Whether each rule of [`registry`] is on, by its index there.
    pub enabled: Vec<bool>,
    /// Whether each phrase rule of the data (`Data::rules`) is on, by its index there.
    pub data_rules: Vec<bool>,
    pub brands: Option<aho_corasick::AhoCorasick>,
    /// Lower-cased acronyms the user allows in capitals.
    pub acronyms: std::collections::HashSet<String>,
    pub custom: Vec<custom::CustomMatcher>,
}

// By hand, for the same reason as custom::Matcher: no automaton Debug code in the wasm.
impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.debug_struct("Compiled")
            .field("enabled", &self.enabled)
            .field("data_rules", &self.data_rules)
            .field("brands", &self.brands.is_some())
            .field("acronyms", &self.acronyms)
            .field("custom", &self.custom)
            .finish()
    }
}

impl Compiled {
    pub fn new(config: &Config) -> Result<Compiled, crate::ConfigError> {
        let brands = if config.brands.is_empty() {
            None
        } else {
            let names: Vec<&str> = config.brands.iter().map(|b| b.trim()).collect();
            Some(
                aho_corasick::AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                    // One automaton kind everywhere (see data.rs): the others stay out of the wasm.
                    .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
                    .build(&names)
                    .map_err(|e| crate::ConfigError {
                        path: "brands".into(),
                        message: e.to_string(),
                    })?,
            )
        };
        let acronyms = config
            .acronyms
            .iter()
            .map(|a| a.trim().to_lowercase())
            .collect();
        let custom = config
            .custom_rules
            .iter()
            .enumerate()
            .map(|(i, r)| custom::CustomMatcher::new(r, i))
            .collect::<Result<_, _>>()?;
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
            custom,
        })
    }
}

/// Everything the rules read: the document, the settings, and every signal computed once.
pub struct Analysis<'a> {
    pub doc: &'a Document<'a>,
    pub config: &'a Config,
    pub compiled: &'a Compiled,
    pub data: &'static Data,
    pub platform: Platform,
    pub context: Context,
    pub hits: Vec<PhraseHit>,
    pub language: language::Language,
    pub tone: tone::Tone,
    pub pronouns: self_focus::Pronouns,
    pub questions: invites_reply::Questions,
    pub shouting: shouting::Shouting,
    pub figures: figures::Figures,
    pub aggression: aggression::Aggression,
    pub pitch: pitch::Pitch,
    pub counter: Counter,
}

impl<'a> Analysis<'a> {
    pub fn new(
        doc: &'a Document<'a>,
        config: &'a Config,
        compiled: &'a Compiled,
        platform: Platform,
        context: Context,
        counter: Counter,
    ) -> Analysis<'a> {
        let data = Data::get();
        let hits = data.phrase_hits(doc);
        let language = language::detect(doc, data);
        let tone = tone::score(doc);
        let pronouns = self_focus::find(doc, compiled.brands.as_ref());
        let mut questions = invites_reply::find(doc, data, &hits, context);
        let shouting = shouting::find(doc, data, &compiled.acronyms);
        let figures = figures::find(doc);
        let aggression = aggression::find(doc, data, &hits);
        let pitch = pitch::find(doc, data, &hits, platform);
        invites_reply::without_pitch(&mut questions, &pitch);
        Analysis {
            doc,
            config,
            compiled,
            data,
            platform,
            context,
            hits,
            language,
            tone,
            pronouns,
            questions,
            shouting,
            figures,
            aggression,
            pitch,
            counter,
        }
    }

    pub fn strictness(&self) -> Strictness {
        self.config.strictness
    }

    /// Whether a registered rule is on.
    pub fn enabled(&self, rule: RuleRef) -> bool {
        self.compiled.enabled[rule.0]
    }

    /// A hint for a registered rule with its registry severity.
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
            message: message.into(),
            why: Cow::Borrowed(why),
            suggestion: None,
        }
    }

    /// The English rule sets stay quiet on a draft in another language.
    pub fn english(&self) -> bool {
        self.language.english
    }
}

/// Most hints one rule may add: a post with 40 "I"s needs one look, not 40 cards.
pub const MAX_HINTS_PER_RULE: usize = 12;

/// Runs every enabled rule, in rule-set order.
pub fn run(a: &Analysis, hints: &mut Vec<Hint>) {
    if a.english() {
        tone::check(a, hints);
        aggression::check(a, hints);
        shouting::check(a, hints);
        self_focus::check(a, hints);
        invites_reply::check(a, hints);
        pitch::check(a, hints);
        figures::check(a, hints);
    }
    platform::check(a, hints);
    custom::check(a, hints);
}

/// Adds phrase-rule hints (from `phrases.json`) for the given rule set, with their data text.
pub fn phrase_rule_hints(a: &Analysis, set: RuleSet, hints: &mut Vec<Hint>) {
    for (i, rule) in a.data.rules.iter().enumerate() {
        if rule.rule_set != set || !a.compiled.data_rules[i] {
            continue;
        }
        let spans = a
            .hits
            .iter()
            .filter(|h| h.list == List::Rule(i))
            .take(MAX_HINTS_PER_RULE);
        for h in spans {
            hints.push(Hint {
                rule: Cow::Borrowed(rule.id),
                rule_set: set,
                severity: rule.severity,
                span: h.span,
                message: Cow::Borrowed(rule.message),
                why: Cow::Borrowed(rule.why),
                suggestion: rule.suggestion.map(str::to_string),
            });
        }
    }
}
