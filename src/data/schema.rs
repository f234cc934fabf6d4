//! The one schema of a phrase rule: the built-in rules of `src/data/phrases.json` (checked by
//! `build.rs`, which includes this file) and the user's custom rules in the settings are the same
//! object, checked by the same function. What differs by origin is said in [`Origin`].
//!
//! Matching is the same for both (see `PhraseIndex`): whole words, ASCII case folded, straight
//! and curly apostrophes alike, a letter stretched three times or more read as one, never inside
//! links, @mentions or #hashtags, and not inside quotes unless the rule says `"quoted": true`.

use serde::{Deserialize, Serialize};

/// Longest phrase, and most phrases in one rule.
pub const MAX_PHRASE_CHARS: usize = 100;
pub const MAX_PHRASES: usize = 500;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PhraseRuleSpec {
    /// Built-in: `<rule set>.<name>`. Custom: 1 to 40 letters, digits, `_` or `-`; the hint's
    /// rule id is then `custom.<id>`.
    pub id: String,
    /// Built-in: the rule set the rule belongs to. Custom rules belong to `custom`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_set: Option<String>,
    /// `info`, `suggestion` (when absent) or `warning`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<String>,
    /// What the rule looks for, for the options page (built-in: required).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The card's title.
    pub message: String,
    /// One line on why it matters (built-in: required).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// A replacement for the matched words, where one fits every match.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// On unless switched off (built-in: its default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phrases: Vec<String>,
    /// Custom only: one regular expression instead of phrases (it sees the raw text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regex: Option<String>,
    /// Built-in: the phrase signals (`phrases.json` `signals` ids) in whose company the rule
    /// stays quiet — context the words alone do not carry ("DM us" is service, not a sales
    /// opener, beside "your order number": `"unless": ["support_detail"]`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unless: Vec<String>,
    /// Match inside quotes too (by default a quote is someone else's words).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub quoted: bool,
    /// Built-in, in the rule sets whose verdict adds up its cues (`pitch`, `aggression`): how
    /// much one kind of cue counts toward the verdict (see `signals::pitch`,
    /// `signals::aggression`). Absent: the rule only shows its hint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<f32>,
    /// Drafts the rule must fire on, and drafts it must leave alone (built-in: required; run by
    /// a test).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub flag: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<String>,
}

/// Where a phrase rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `src/data/phrases.json`, checked when the crate is built.
    BuiltIn,
    /// The user's settings, checked when they are loaded.
    Custom,
}

/// Rule sets whose verdict reads the weights of its phrase rules.
pub const WEIGHTED_SETS: &[&str] = &["pitch", "aggression"];

impl PhraseRuleSpec {
    /// Checks the rule against the schema for its origin; `Err((field, message))`. The regex of
    /// a custom rule is compiled by the settings (the build has no regex engine).
    pub fn check(
        &self,
        origin: Origin,
        rule_sets: &[&str],
        severities: &[&str],
    ) -> Result<(), (&'static str, String)> {
        match origin {
            Origin::BuiltIn => self.check_built_in(rule_sets)?,
            Origin::Custom => self.check_custom()?,
        }
        if let Some(s) = &self.severity {
            if !severities.contains(&s.as_str()) {
                let known: Vec<String> = severities.iter().map(|s| format!("`{s}`")).collect();
                return Err((
                    "severity",
                    format!(
                        "unknown variant `{s}`, expected one of {}",
                        known.join(", ")
                    ),
                ));
            }
        }
        if self.phrases.len() > MAX_PHRASES {
            return Err(("phrases", format!("at most {MAX_PHRASES} phrases")));
        }
        if let Some(i) = self
            .phrases
            .iter()
            .position(|p| p.trim().is_empty() || p.chars().count() > MAX_PHRASE_CHARS)
        {
            return Err((
                "phrases",
                format!(
                    "phrase {} must be 1 to {MAX_PHRASE_CHARS} characters",
                    i + 1
                ),
            ));
        }
        Ok(())
    }

    fn check_built_in(&self, rule_sets: &[&str]) -> Result<(), (&'static str, String)> {
        let set = self.rule_set.as_deref().unwrap_or("");
        if !rule_sets.contains(&set) || set == "custom" {
            return Err((
                "rule_set",
                format!(
                    "unknown rule set {set:?} (one of: {})",
                    rule_sets.join(", ")
                ),
            ));
        }
        if self.message.trim().is_empty() {
            return Err(("message", format!("rule {:?} needs a message", self.id)));
        }
        if !self.id.starts_with(&format!("{set}.")) {
            return Err(("id", format!("{:?} is not under its rule set", self.id)));
        }
        for (field, value) in [
            ("severity", &self.severity),
            ("description", &self.description),
            ("why", &self.why),
        ] {
            if value.is_none() {
                return Err((field, format!("rule {:?} needs a {field}", self.id)));
            }
        }
        if self.flag.is_empty() || self.allow.is_empty() {
            return Err((
                "flag",
                format!("rule {:?} needs flag and allow examples", self.id),
            ));
        }
        if self.phrases.is_empty() || self.regex.is_some() {
            return Err((
                "phrases",
                format!("rule {:?} needs phrases (and no regex)", self.id),
            ));
        }
        if self.weight.is_some() && !WEIGHTED_SETS.contains(&set) {
            return Err((
                "weight",
                format!(
                    "rule {:?}: only the verdicts of {} read weights",
                    self.id,
                    WEIGHTED_SETS.join(" and ")
                ),
            ));
        }
        if self.weight.is_some_and(|w| !(w > 0.0 && w <= 10.0)) {
            return Err((
                "weight",
                format!("rule {:?}: weight must be in (0, 10]", self.id),
            ));
        }
        Ok(())
    }

    fn check_custom(&self) -> Result<(), (&'static str, String)> {
        let id_ok = !self.id.is_empty()
            && self.id.len() <= 40
            && self
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !id_ok {
            return Err((
                "id",
                "id must be 1 to 40 letters, digits, `_` or `-`".into(),
            ));
        }
        if self.message.trim().is_empty() || self.message.chars().count() > 200 {
            return Err(("message", "message must be 1 to 200 characters".into()));
        }
        if self.rule_set.as_deref().is_some_and(|s| s != "custom") {
            return Err((
                "rule_set",
                "custom rules belong to the `custom` rule set".into(),
            ));
        }
        if self.weight.is_some() {
            return Err((
                "weight",
                "custom rules show hints; they do not weigh in a verdict".into(),
            ));
        }
        if !self.unless.is_empty() {
            return Err((
                "unless",
                "custom rules do not name the built-in signal lists".into(),
            ));
        }
        match (&self.regex, self.phrases.is_empty()) {
            (Some(_), false) => Err(("regex", "give either `phrases` or `regex`, not both".into())),
            (None, true) => Err(("phrases", "give a phrase list or a regex".into())),
            _ => Ok(()),
        }
    }
}
