//! Settings, as stored by the extension and passed to the engine. Absent = the default.
//!
//! Two readings of the same JSON:
//! - **strict** ([`Config::from_json`], the CLI's `--config`, `new Engine` in wasm): every field
//!   is optional, unknown fields are errors (a typo must not silently turn a rule back on), and
//!   errors name the path of the offending field and, for custom rules, the rule;
//! - **tolerant** ([`Config::from_json_tolerant`], for settings the extension has stored, which
//!   may come from a newer or older version through sync): whatever this version can use
//!   applies, and every unknown field, rule set or value, and every invalid entry, is left out
//!   and listed as [`Ignored`] with its path, so the options page can say so.
//!
//! This module checks what the settings alone can tell; that every rule id they name exists is
//! checked by the engine, which knows the rules (`Engine::new`, `Engine::from_json_tolerant`).

use crate::data::schema::Origin;
pub use crate::data::schema::PhraseRuleSpec as CustomRule;
use crate::kinds::{Context, Platform, RuleSet, Severity, Strictness};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

mod tolerant;
pub(crate) use tolerant::NOT_USED;
pub use tolerant::{Ignored, IgnoredKind};

/// Longest regex source accepted in a custom rule, in bytes.
pub const MAX_CUSTOM_REGEX_LEN: usize = 500;
/// Compiled size limit for one custom regex (regex-lite's own limit is 10 MB).
pub const MAX_CUSTOM_REGEX_SIZE: usize = 256 * 1024;
pub const MAX_CUSTOM_RULES: usize = 100;
pub const MAX_LIST_ENTRIES: usize = 500;

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Config {
    /// Rule set id → on/off; absent = on.
    pub rule_sets: BTreeMap<String, bool>,
    /// Rule id → on/off; absent = the rule's default.
    pub rules: BTreeMap<String, bool>,
    pub strictness: Strictness,
    pub platform: Platform,
    pub context: Context,
    /// The character limit of the user's Mastodon instance (default 500).
    pub mastodon_limit: Option<u32>,
    /// The user's own brand or product names: counted as self-reference ("we").
    pub brands: Vec<String>,
    /// Words allowed in capitals without counting as shouting (`NASA`, `ROI`).
    pub acronyms: Vec<String>,
    pub custom_rules: Vec<CustomRule>,
}

/// Per-analysis overrides (the extension knows the site and whether the box is a reply).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Options {
    pub platform: Option<Platform>,
    pub context: Option<Context>,
    /// A brief report, for a caller that redraws on every keystroke: no evidence spans in the
    /// signals and only the active platform's counter in `counters`. Every hint, count,
    /// verdict and the score are the same as in the full report.
    pub brief: bool,
}

/// An invalid setting: where it is and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// Dotted path of the field, e.g. `custom_rules[2].regex` or `rules.pitch.urgency`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            write!(f, "invalid settings: {}", self.message)
        } else {
            write!(f, "invalid settings at `{}`: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        ConfigError {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// serde_json's message without its " at line L column C"; the path says more.
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    }
}

/// A kind named by its id (`null`: the default), or why the value is not one.
fn kind_of<T>(
    value: &serde_json::Value,
    what: &str,
    ids: &[&str],
    from_id: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, String> {
    match value {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::String(id) => from_id(id)
            .map(Some)
            .ok_or_else(|| format!("unknown {what} {id:?} (known: {})", ids.join(", "))),
        _ => Err(format!("must be one of: {}", ids.join(", "))),
    }
}

impl Options {
    /// Reads per-analysis options strictly (a caller's mistake, not stored data): an unknown
    /// field or value is an error naming it.
    pub fn from_json(json: &str) -> Result<Options, ConfigError> {
        use serde_json::Value;
        let at = |field: &str, message: String| ConfigError::at(format!("options{field}"), message);
        let value: Value = serde_json::from_str(json).map_err(|e| at("", without_position(&e)))?;
        let Value::Object(fields) = value else {
            return Err(at("", "must be a JSON object".into()));
        };
        let mut options = Options::default();
        for (key, value) in fields {
            let field = format!(".{key}");
            match key.as_str() {
                "platform" => {
                    let ids = Platform::ALL.map(Platform::id);
                    options.platform = kind_of(&value, "platform", &ids, Platform::from_id)
                        .map_err(|m| at(&field, m))?;
                }
                "context" => {
                    let ids = Context::ALL.map(Context::id);
                    options.context = kind_of(&value, "context", &ids, Context::from_id)
                        .map_err(|m| at(&field, m))?;
                }
                "brief" => match value {
                    Value::Bool(b) => options.brief = b,
                    _ => return Err(at(&field, "must be true or false".into())),
                },
                _ => return Err(at(&field, "unknown option".into())),
            }
        }
        Ok(options)
    }
}

impl Config {
    /// Reads settings strictly: the tolerant reading, refused at the first thing it would
    /// leave out (one reader, so the two can never disagree on what a setting means).
    pub fn from_json(json: &str) -> Result<Config, ConfigError> {
        let (config, ignored) = Config::from_json_tolerant(json)?;
        match ignored.into_iter().next() {
            Some(first) => Err(ConfigError::at(first.strict_path(), first.strict_reason())),
            None => Ok(config),
        }
    }

    /// Checks what types alone cannot: rule set ids that exist, list sizes, custom rules that
    /// compile. Rule ids are checked by the engine (`Engine::new`).
    pub fn validate(&self) -> Result<(), ConfigError> {
        for id in self.rule_sets.keys() {
            check_rule_set_id(id).map_err(|m| ConfigError::at(format!("rule_sets.{id}"), m))?;
        }
        if let Some(n) = self.mastodon_limit {
            check_mastodon_limit(n).map_err(|m| ConfigError::at("mastodon_limit", m))?;
        }
        for (field, list) in [("brands", &self.brands), ("acronyms", &self.acronyms)] {
            if list.len() > MAX_LIST_ENTRIES {
                return Err(ConfigError::at(
                    field,
                    format!("at most {MAX_LIST_ENTRIES} entries"),
                ));
            }
            for (i, entry) in list.iter().enumerate() {
                check_list_entry(entry).map_err(|m| ConfigError::at(format!("{field}[{i}]"), m))?;
            }
        }
        if self.custom_rules.len() > MAX_CUSTOM_RULES {
            return Err(ConfigError::at(
                "custom_rules",
                format!("at most {MAX_CUSTOM_RULES} custom rules"),
            ));
        }
        for (i, rule) in self.custom_rules.iter().enumerate() {
            check_custom_rule(rule).map_err(|(field, msg)| {
                ConfigError::at(
                    format!("custom_rules[{i}].{field}"),
                    format!("custom rule {}: {msg}", custom_rule_name(rule, i)),
                )
            })?;
            if self.custom_rules[..i].iter().any(|r| r.id == rule.id) {
                return Err(ConfigError::at(
                    format!("custom_rules[{i}].id"),
                    format!("custom rule `{}`: id used twice", rule.id),
                ));
            }
        }
        Ok(())
    }

    /// Whether a rule is on, after its set's switch, its own switch and its default.
    pub fn rule_enabled(&self, id: &str, set: RuleSet, default_on: bool) -> bool {
        self.rule_sets.get(set.id()).copied().unwrap_or(true)
            && self.rules.get(id).copied().unwrap_or(default_on)
    }

    pub fn set_enabled(&self, set: RuleSet) -> bool {
        self.rule_sets.get(set.id()).copied().unwrap_or(true)
    }
}

fn check_rule_set_id(id: &str) -> Result<(), String> {
    if RuleSet::from_id(id).is_some() {
        return Ok(());
    }
    let known: Vec<&str> = RuleSet::ALL.iter().map(|s| s.id()).collect();
    Err(format!(
        "unknown rule set `{id}` (known: {})",
        known.join(", ")
    ))
}

fn check_mastodon_limit(n: u32) -> Result<(), &'static str> {
    match n {
        1..=100_000 => Ok(()),
        _ => Err("must be between 1 and 100000"),
    }
}

/// A brand name or an acronym.
fn check_list_entry(entry: &str) -> Result<(), &'static str> {
    if entry.trim().is_empty() || entry.chars().count() > 100 {
        return Err("must be 1 to 100 characters");
    }
    Ok(())
}

/// How an error names a custom rule: by its id, or by its place when it has none.
fn custom_rule_name(rule: &CustomRule, index: usize) -> String {
    if rule.id.is_empty() {
        format!("#{}", index + 1)
    } else {
        format!("`{}`", rule.id)
    }
}

/// The severity ids, for checking a custom rule's.
fn severity_ids() -> Vec<&'static str> {
    Severity::ALL.iter().map(|s| s.id()).collect()
}

/// A custom rule checked against the one phrase rule schema, and its regex compiled.
fn check_custom_rule(rule: &CustomRule) -> Result<(), (&'static str, String)> {
    let sets: Vec<&str> = RuleSet::ALL.iter().map(|s| s.id()).collect();
    rule.check(Origin::Custom, &sets, &severity_ids())?;
    if let Some(re) = &rule.regex {
        compile_custom_regex(re).map_err(|m| ("regex", m))?;
    }
    Ok(())
}

/// A custom rule's severity (checked by [`Config::validate`]; the default when absent).
pub fn custom_severity(rule: &CustomRule) -> Severity {
    rule.severity
        .as_deref()
        .and_then(Severity::from_id)
        .unwrap_or_default()
}

/// Compiles a user regex case-insensitively with a size limit; the error is one readable line.
///
/// The engine is `regex-lite` (small in wasm, same syntax as `regex`): `\w`, `\d`, `\s`, `\b`
/// and case-insensitivity are ASCII-only, `\p{…}` classes are refused. Non-ASCII letters still
/// match as written (`café` matches `café`, not `CAFÉ`).
pub fn compile_custom_regex(source: &str) -> Result<regex_lite::Regex, String> {
    if source.is_empty() {
        return Err("regex is empty".into());
    }
    if source.len() > MAX_CUSTOM_REGEX_LEN {
        return Err(format!(
            "regex is longer than {MAX_CUSTOM_REGEX_LEN} characters"
        ));
    }
    let re = regex_lite::RegexBuilder::new(source)
        .case_insensitive(true)
        .size_limit(MAX_CUSTOM_REGEX_SIZE)
        .build()
        .map_err(|e| {
            let e = e.to_string();
            if e.contains("size limit") {
                "regex is too complex (compiled size limit)".to_string()
            } else {
                format!("regex does not compile: {e}")
            }
        })?;
    if re.is_match("") {
        return Err("regex matches empty text; it would underline nothing".into());
    }
    Ok(re)
}

#[cfg(test)]
mod custom_regex_tests {
    use super::compile_custom_regex;

    #[test]
    fn custom_regexes_compile_match_and_fail_readably() {
        let re = compile_custom_regex(r"\bsynerg(y|ies)\b").unwrap();
        assert!(re.is_match("Such SYNERGY here"));
        assert!(!re.is_match("synergyx"));
        assert!(compile_custom_regex("café").unwrap().is_match("un café"));
        let err = |s: &str| compile_custom_regex(s).unwrap_err();
        assert!(
            err("(").starts_with("regex does not compile: "),
            "{}",
            err("(")
        );
        assert!(err("a{1000}{1000}").contains("too complex"));
        assert!(err("x*").contains("matches empty text"));
        assert_eq!(err(""), "regex is empty");
    }
}
