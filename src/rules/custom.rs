//! `custom`: the user's own rules — a phrase list or a regex, with their message. Phrase rules
//! are the same schema as the built-in ones (`data::schema`) and are matched by the same
//! matcher with the same policy (`data::PhraseIndex`); a regex sees the raw text.
//!
//! A regex's cost is bounded, since a user's regex can be slow on some text (`.*z|a` over a
//! run of `a` re-reads the rest of the text at every match): at most [`MAX_SPANS`] searches
//! per rule, each reading at most a window of the text, and [`REGEX_BUDGET_MS`] for all the
//! regexes of one analysis together. A rule that runs out says so in a finding.

use super::{finding_spans, Analysis, Hint, MAX_SPANS};
use crate::config::{compile_custom_regex, custom_severity, Config, ConfigError};
use crate::data::{List, UserPhrases};
use crate::kinds::{RuleSet, Severity, Span};

/// One custom rule compiled once per settings change.
#[derive(Debug, Clone)]
struct CustomMatcher {
    /// `custom.<id>`.
    id: String,
    regex: Option<regex_lite::Regex>,
    message: String,
    why: String,
    severity: Severity,
    /// After the rule's own `enabled`, a switch in `rules` and the `custom` set's switch.
    enabled: bool,
}

/// Every custom rule, with one phrase index for all the phrase rules (`List(i)` is rule `i`).
#[derive(Debug, Clone, Default)]
pub struct CustomRules {
    rules: Vec<CustomMatcher>,
    phrases: Option<UserPhrases>,
    /// The clock of the regexes' time budget (none: only the search limit applies).
    pub clock: Option<Clock>,
}

/// Milliseconds since any fixed moment. Natively `Instant`; wasm has no clock of its own
/// (`Instant` panics on wasm32-unknown-unknown), so the facade passes `Date.now`.
pub type Clock = fn() -> f64;

/// The clock a new engine has: `Instant` natively, none in wasm.
pub fn default_clock() -> Option<Clock> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        Some(|| {
            static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
            START
                .get_or_init(std::time::Instant::now)
                .elapsed()
                .as_secs_f64()
                * 1000.0
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        None
    }
}

/// Time all custom regexes of one analysis may take together. A draft is re-analysed per
/// keystroke (one request per frame), and a draft's built-in rules take 0.1-1 ms in wasm; past
/// this the regex rules that have not finished stop. A search already begun runs on: it reads
/// at most twice the text of the one before it, so an analysis takes at most about three times
/// this, or the first window's search.
pub const REGEX_BUDGET_MS: f64 = 25.0;

/// Bytes of text a regex search reads past where it starts, at first. A longer text is searched
/// in windows: one with no match, or a match that reaches its end, is searched again twice as
/// wide from the same place, and the next search gets twice what the last match took to find.
/// So one search of a slow regex cannot run through 256 KB, the slowest regexes the size
/// limits allow (~30 µs a byte natively) spend ~30 ms on their first window, and a window
/// changes what is found only where a match that would run past the window's end (one that
/// starts earlier, or a longer alternative the regex prefers) loses to one inside it.
pub const REGEX_WINDOW: usize = 1024;

/// The `why` of a custom rule's finding when its regex stopped before the end of the text.
pub const STOPPED_WHY: &str =
    "This rule took too long on this draft and stopped early: the rest of the text is not checked.";

/// Whether a hint says a custom rule stopped (shown at every strictness).
pub fn stopped(hint: &Hint) -> bool {
    hint.rule_set == RuleSet::Custom && hint.why == STOPPED_WHY
}

impl CustomRules {
    pub fn new(config: &Config) -> Result<CustomRules, ConfigError> {
        let set_on = config.set_enabled(RuleSet::Custom);
        let mut rules = Vec::with_capacity(config.custom_rules.len());
        for (index, rule) in config.custom_rules.iter().enumerate() {
            let regex = match &rule.regex {
                Some(re) => Some(compile_custom_regex(re).map_err(|m| {
                    ConfigError::at(
                        format!("custom_rules[{index}].regex"),
                        format!("custom rule `{}`: {m}", rule.id),
                    )
                })?),
                None => None,
            };
            let id = format!("custom.{}", rule.id);
            let enabled = set_on
                && config
                    .rules
                    .get(&id)
                    .copied()
                    .unwrap_or(rule.enabled.unwrap_or(true));
            rules.push(CustomMatcher {
                id,
                regex,
                message: rule.message.clone(),
                why: rule.why.clone().unwrap_or_else(|| "Your own rule.".into()),
                severity: custom_severity(rule),
                enabled,
            });
        }
        let phrases = if config.custom_rules.iter().any(|r| !r.phrases.is_empty()) {
            let quoted = (0..config.custom_rules.len())
                .filter(|&i| config.custom_rules[i].quoted)
                .map(|i| List(i as u16))
                .collect();
            let lists = config
                .custom_rules
                .iter()
                .map(|r| r.phrases.iter().map(String::as_str));
            Some(
                UserPhrases::build(lists, quoted)
                    .map_err(|e| ConfigError::at("custom_rules", e))?,
            )
        } else {
            None
        };
        Ok(CustomRules {
            rules,
            phrases,
            clock: default_clock(),
        })
    }
}

pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    let custom = &a.compiled.custom;
    if !custom.rules.iter().any(|r| r.enabled) {
        return;
    }
    let phrase_hits = custom
        .phrases
        .as_ref()
        .map(|p| p.hits(a.doc))
        .unwrap_or_default();
    let mut budget = Budget::new(custom.clock);
    for (i, rule) in custom.rules.iter().enumerate() {
        if !rule.enabled {
            continue;
        }
        let (spans, stopped_at) = match &rule.regex {
            Some(re) => regex_spans(re, a.doc.text, &mut budget),
            None => (
                phrase_hits
                    .iter()
                    .filter(|h| h.list == List(i as u16))
                    .map(|h| h.span)
                    .collect(),
                None,
            ),
        };
        let spans = finding_spans(spans);
        let (span, related, message, why, severity) = match (spans.split_first(), stopped_at) {
            (Some((&span, related)), stopped) => (
                span,
                related.to_vec(),
                rule.message.clone(),
                match stopped {
                    Some(_) => STOPPED_WHY.to_string(),
                    None => rule.why.clone(),
                },
                rule.severity,
            ),
            // Nothing found before it stopped: a calm note on the text it did not check.
            (None, Some(at)) => (
                Span::new(at, a.doc.text.len()),
                Vec::new(),
                format!(
                    "Stopped: your rule “{}” took too long on this draft",
                    rule.id.strip_prefix("custom.").unwrap_or(&rule.id)
                ),
                STOPPED_WHY.to_string(),
                Severity::Info,
            ),
            (None, None) => continue,
        };
        hints.push(Hint {
            rule: rule.id.clone().into(),
            rule_set: RuleSet::Custom,
            severity,
            span,
            related,
            message: message.into(),
            why: why.into(),
            fixes: Vec::new(),
        });
    }
}

/// The time left to the regexes of one analysis.
struct Budget {
    clock: Option<Clock>,
    /// When the first search began (ms of `clock`).
    start: Option<f64>,
    spent: bool,
}

impl Budget {
    fn new(clock: Option<Clock>) -> Budget {
        Budget {
            clock,
            start: None,
            spent: false,
        }
    }

    /// Whether the budget is spent; starts it on the first call.
    fn spent(&mut self) -> bool {
        if let (false, Some(clock)) = (self.spent, self.clock) {
            let now = clock();
            let start = *self.start.get_or_insert(now);
            self.spent = now - start > REGEX_BUDGET_MS;
        }
        self.spent
    }
}

/// A regex's matches in `text` (empty ones skipped) in at most [`MAX_SPANS`] searches, and
/// where it stopped if the searches or the time ran out before the end of the text.
///
/// Each search reads `text[..end]` from `pos`, `end` a window past `pos` (see
/// [`REGEX_WINDOW`]): a match that ends before `end` is taken (look-around sees the text
/// before `pos`, and nothing it checks lies past the match).
fn regex_spans(
    re: &regex_lite::Regex,
    text: &str,
    budget: &mut Budget,
) -> (Vec<Span>, Option<usize>) {
    let mut spans = Vec::new();
    let mut pos = 0;
    let mut window = REGEX_WINDOW;
    for _ in 0..MAX_SPANS {
        if pos >= text.len() || spans.len() == MAX_SPANS {
            return (spans, None);
        }
        if budget.spent() {
            return (spans, Some(pos));
        }
        let end = floor_boundary(text, pos.saturating_add(window));
        let whole = end == text.len();
        match re.find_at(&text[..end], pos) {
            Some(m) if whole || m.end() < end => {
                if !m.is_empty() {
                    spans.push(Span::new(m.start(), m.end()));
                }
                window = (2 * (m.end() - pos)).max(REGEX_WINDOW);
                pos = match text[m.end()..].chars().next() {
                    Some(c) if m.is_empty() => m.end() + c.len_utf8(),
                    _ => m.end(),
                };
            }
            // Nothing, or a match that may be cut short by the window: read further.
            _ if !whole => window = window.saturating_mul(2),
            _ => return (spans, None),
        }
    }
    match pos < text.len() && spans.len() < MAX_SPANS {
        true => (spans, Some(pos)),
        false => (spans, None),
    }
}

/// The char boundary at or before `i` (the text's end past it).
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
