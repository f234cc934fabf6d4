//! `custom`: the user's own rules — a phrase list or a regex, with their message.

use super::{Analysis, RuleSet, MAX_HINTS_PER_RULE};
use crate::config::{compile_custom_regex, ConfigError, CustomRule, Severity};
use crate::report::Hint;
use crate::text::Span;

#[derive(Clone)]
enum Matcher {
    Phrases(aho_corasick::AhoCorasick),
    Regex(regex_lite::Regex),
}

// By hand: the derived form would print the compiled automaton and pull the automata's own
// Debug code (~7 KB) into the wasm.
impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Matcher::Phrases(_) => f.write_str("Phrases"),
            Matcher::Regex(r) => write!(f, "Regex({:?})", r.as_str()),
        }
    }
}

/// A custom rule compiled once per settings change.
#[derive(Debug, Clone)]
pub struct CustomMatcher {
    pub id: String,
    matcher: Matcher,
    message: String,
    why: String,
    severity: Severity,
    enabled: bool,
}

impl CustomMatcher {
    pub fn new(rule: &CustomRule, index: usize) -> Result<CustomMatcher, ConfigError> {
        let err = |field: &str, message: String| ConfigError {
            path: format!("custom_rules[{index}].{field}"),
            message,
        };
        let matcher = match &rule.regex {
            Some(re) => Matcher::Regex(
                compile_custom_regex(re)
                    .map_err(|m| err("regex", format!("custom rule `{}`: {m}", rule.id)))?,
            ),
            None => Matcher::Phrases(
                aho_corasick::AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                    // One automaton kind everywhere (see data.rs): the others stay out of the wasm.
                    .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
                    .build(rule.phrases.iter().map(|p| p.trim()))
                    .map_err(|e| err("phrases", format!("custom rule `{}`: {e}", rule.id)))?,
            ),
        };
        Ok(CustomMatcher {
            id: format!("custom.{}", rule.id),
            matcher,
            message: rule.message.clone(),
            why: rule.why.clone().unwrap_or_else(|| "Your own rule.".into()),
            severity: rule.severity,
            enabled: rule.enabled.unwrap_or(true),
        })
    }

    fn spans(&self, text: &str) -> Vec<Span> {
        let whole_word = |s: usize, e: usize| {
            text[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
                && text[e..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        };
        match &self.matcher {
            Matcher::Phrases(ac) => ac
                .find_iter(text)
                .filter(|m| whole_word(m.start(), m.end()))
                .map(|m| Span::new(m.start(), m.end()))
                .collect(),
            Matcher::Regex(re) => re
                .find_iter(text)
                .filter(|m| !m.is_empty())
                .map(|m| Span::new(m.start(), m.end()))
                .collect(),
        }
    }
}

pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    if !a.config.set_enabled(RuleSet::Custom) {
        return;
    }
    for rule in &a.compiled.custom {
        if !a
            .config
            .rules
            .get(&rule.id)
            .copied()
            .unwrap_or(rule.enabled)
        {
            continue;
        }
        for span in rule.spans(a.doc.text).into_iter().take(MAX_HINTS_PER_RULE) {
            hints.push(Hint {
                rule: rule.id.clone().into(),
                rule_set: RuleSet::Custom,
                severity: rule.severity,
                span,
                message: rule.message.clone().into(),
                why: rule.why.clone().into(),
                suggestion: None,
            });
        }
    }
}
