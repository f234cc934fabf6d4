//! `custom`: the user's own rules — a phrase list or a regex, with their message. Phrase rules
//! are the same schema as the built-in ones (`data::schema`) and are matched by the same
//! matcher with the same policy (`data::PhraseIndex`); a regex sees the raw text.

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
        Ok(CustomRules { rules, phrases })
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
    for (i, rule) in custom.rules.iter().enumerate() {
        if !rule.enabled {
            continue;
        }
        let spans: Vec<Span> = match &rule.regex {
            Some(re) => re
                .find_iter(a.doc.text)
                .filter(|m| !m.is_empty())
                .map(|m| Span::new(m.start(), m.end()))
                .take(MAX_SPANS)
                .collect(),
            None => phrase_hits
                .iter()
                .filter(|h| h.list == List(i as u16))
                .map(|h| h.span)
                .collect(),
        };
        let spans = finding_spans(spans);
        let Some((&span, related)) = spans.split_first() else {
            continue;
        };
        hints.push(Hint {
            rule: rule.id.clone().into(),
            rule_set: RuleSet::Custom,
            severity: rule.severity,
            span,
            related: related.to_vec(),
            message: rule.message.clone().into(),
            why: rule.why.clone().into(),
            fixes: Vec::new(),
        });
    }
}
