//! The tolerant reading of stored settings ([`Config::from_json_tolerant`]): everything this
//! version can use applies; every unknown field, rule set or value and every invalid entry is
//! left out and listed as an [`Ignored`] with its path. It uses the strict reading's own checks
//! (`check_*` in the parent module) entry by entry, so that what it keeps always passes them.

use super::{
    check_custom_rule, check_list_entry, check_mastodon_limit, check_rule_set_id, custom_rule_name,
    without_position, Config, ConfigError, CustomRule, MAX_CUSTOM_RULES, MAX_LIST_ENTRIES,
};
use crate::kinds::{Context, Platform, Strictness};
use serde::Serialize;
use serde_json::{Map, Value};

/// One setting the tolerant reading left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ignored {
    /// Dotted path of what is not applied, as in the stored JSON: `theme`, `rules.pitch.hype`,
    /// `rule_sets.memes`, `brands[3]`, `custom_rules[2]` (the whole rule) or
    /// `custom_rules[2].color` (one field of a rule that applies).
    pub path: String,
    /// One line on why.
    pub reason: String,
    pub kind: IgnoredKind,
    /// The field at fault when it is inside what is left out (`custom_rules[2].regex` for a
    /// rule left out whole because its regex does not compile).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// Why a setting is left out: the options page words the two differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IgnoredKind {
    /// A field, rule, rule set or value this version does not know: most likely settings
    /// written by a newer version (storage.sync brings them to every browser).
    Unknown,
    /// A setting this version knows, with a value it cannot use.
    Invalid,
}

impl Ignored {
    pub fn unknown(path: impl Into<String>, reason: impl AsRef<str>) -> Ignored {
        Ignored::new(path.into(), reason.as_ref(), IgnoredKind::Unknown)
    }

    pub fn invalid(path: impl Into<String>, reason: impl AsRef<str>) -> Ignored {
        Ignored::new(path.into(), reason.as_ref(), IgnoredKind::Invalid)
    }

    /// The reason on one line (a regex error spans several).
    fn new(path: String, reason: &str, kind: IgnoredKind) -> Ignored {
        let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
        Ignored {
            path,
            reason,
            kind,
            field: None,
        }
    }

    /// Where the strict reading points: the field at fault, else what is left out.
    pub(crate) fn strict_path(&self) -> &str {
        self.field.as_deref().unwrap_or(&self.path)
    }

    /// The reason as the strict reading words it, which applies nothing: without what the
    /// tolerant reading did about it.
    pub(crate) fn strict_reason(&self) -> String {
        let reason = self.reason.as_str();
        let reason = reason.strip_suffix(NOT_USED).unwrap_or(reason);
        reason
            .strip_suffix(APPLIES_WITHOUT)
            .unwrap_or(reason)
            .into()
    }
}

/// The tolerant reading's endings of a reason: what it did about the setting.
pub(crate) const NOT_USED: &str = ", not used here";
const APPLIES_WITHOUT: &str = "; the rule applies without it";

/// Most phrase variants the custom rules may have together: the phrase index numbers them in
/// 16 bits (`UserPhrases::build`), and a phrase with an apostrophe counts once per spelling.
const MAX_CUSTOM_PHRASE_VARIANTS: usize = u16::MAX as usize;

impl Config {
    /// Reads stored settings tolerantly: an error only when the JSON is unreadable or not an
    /// object; otherwise the settings with everything that could apply, and what was left out.
    /// Rule ids are checked by the engine, which knows them (`Engine::from_json_tolerant`).
    pub fn from_json_tolerant(json: &str) -> Result<(Config, Vec<Ignored>), ConfigError> {
        let value: Value = serde_json::from_str(json).map_err(|e| {
            ConfigError::at("", format!("unreadable settings: {}", without_position(&e)))
        })?;
        let Value::Object(fields) = value else {
            return Err(ConfigError::at("", "must be a JSON object"));
        };
        let mut reading = Reading::default();
        for (key, value) in fields {
            reading.field(key, value);
        }
        Ok((reading.config, reading.ignored))
    }
}

#[derive(Default)]
struct Reading {
    config: Config,
    ignored: Vec<Ignored>,
    /// Phrase variants of the custom rules kept so far.
    phrase_variants: usize,
}

impl Reading {
    fn field(&mut self, key: String, value: Value) {
        match key.as_str() {
            "rule_sets" => self.switches(key, value, true),
            "rules" => self.switches(key, value, false),
            // Each key comes once, so a value left out leaves the default.
            "strictness" => {
                let ids = Strictness::ALL.map(Strictness::id);
                self.config.strictness = self
                    .choice(key, value, Strictness::from_id, &ids)
                    .unwrap_or_default();
            }
            "platform" => {
                let ids = Platform::ALL.map(Platform::id);
                self.config.platform = self
                    .choice(key, value, Platform::from_id, &ids)
                    .unwrap_or_default();
            }
            "context" => {
                let ids = Context::ALL.map(Context::id);
                self.config.context = self
                    .choice(key, value, Context::from_id, &ids)
                    .unwrap_or_default();
            }
            "mastodon_limit" => {
                let limit = match &value {
                    Value::Null => Ok(None),
                    v => v
                        .as_u64()
                        .and_then(|n| u32::try_from(n).ok())
                        .ok_or("must be between 1 and 100000")
                        .and_then(|n| check_mastodon_limit(n).map(|()| Some(n))),
                };
                match limit {
                    Ok(limit) => self.config.mastodon_limit = limit,
                    Err(m) => self.ignored.push(Ignored::invalid(key, m)),
                }
            }
            "brands" | "acronyms" => self.list(key, value),
            "custom_rules" => self.custom_rules(key, value),
            _ => self
                .ignored
                .push(Ignored::unknown(key, format!("unknown setting{NOT_USED}"))),
        }
    }

    /// `rule_sets` and `rules`: id → on/off. Rule set ids are checked here, rule ids by the
    /// engine.
    fn switches(&mut self, key: String, value: Value, rule_sets: bool) {
        let Value::Object(entries) = value else {
            return self.ignored.push(Ignored::invalid(
                key,
                "must be an object of switches (id: true or false)",
            ));
        };
        for (id, on) in entries {
            let path = format!("{key}.{id}");
            if rule_sets {
                if let Err(m) = check_rule_set_id(&id) {
                    self.ignored.push(Ignored::unknown(path, m));
                    continue;
                }
            }
            let Value::Bool(on) = on else {
                self.ignored
                    .push(Ignored::invalid(path, "must be true or false"));
                continue;
            };
            match rule_sets {
                true => self.config.rule_sets.insert(id, on),
                false => self.config.rules.insert(id, on),
            };
        }
    }

    /// One of a list of ids (strictness, platform, context): an id this version does not know
    /// is `unknown` (a level added later), any other value `invalid`.
    fn choice<T>(
        &mut self,
        key: String,
        value: Value,
        from_id: fn(&str) -> Option<T>,
        ids: &[&str],
    ) -> Option<T> {
        let known = ids.join(", ");
        let (reason, ignored): (String, fn(String, String) -> Ignored) = match value {
            Value::String(id) => match from_id(&id) {
                Some(v) => return Some(v),
                None => (
                    format!("unknown {key} {id:?} (known: {known})"),
                    Ignored::unknown,
                ),
            },
            _ => (format!("must be one of: {known}"), Ignored::invalid),
        };
        self.ignored.push(ignored(key, reason));
        None
    }

    /// `brands` and `acronyms`: each valid entry applies, up to the limit.
    fn list(&mut self, key: String, value: Value) {
        let Value::Array(entries) = value else {
            return self
                .ignored
                .push(Ignored::invalid(key, "must be a list of names"));
        };
        let mut kept = Vec::new();
        for (i, entry) in entries.into_iter().enumerate() {
            let path = format!("{key}[{i}]");
            let Value::String(entry) = entry else {
                self.ignored.push(Ignored::invalid(path, "must be text"));
                continue;
            };
            if let Err(m) = check_list_entry(&entry) {
                self.ignored.push(Ignored::invalid(path, m));
            } else if kept.len() == MAX_LIST_ENTRIES {
                let reason = format!("past the limit of {MAX_LIST_ENTRIES} entries");
                self.ignored.push(Ignored::invalid(path, reason));
            } else {
                kept.push(entry);
            }
        }
        match key.as_str() {
            "brands" => self.config.brands = kept,
            _ => self.config.acronyms = kept,
        }
    }

    fn custom_rules(&mut self, key: String, value: Value) {
        let Value::Array(rules) = value else {
            return self
                .ignored
                .push(Ignored::invalid(key, "must be a list of rules"));
        };
        for (i, rule) in rules.into_iter().enumerate() {
            let path = format!("{key}[{i}]");
            let Some(rule) = custom_rule(&path, i, rule, &mut self.ignored) else {
                continue;
            };
            let variants: usize = rule
                .phrases
                .iter()
                .map(|p| 1 + usize::from(p.contains('\'')) + usize::from(p.contains('’')))
                .sum();
            let name = custom_rule_name(&rule, i);
            let reason = if self.config.custom_rules.len() == MAX_CUSTOM_RULES {
                format!("custom rule {name}: past the limit of {MAX_CUSTOM_RULES} custom rules")
            } else if self.config.custom_rules.iter().any(|r| r.id == rule.id) {
                format!("custom rule {name}: id used twice")
            } else if self.phrase_variants + variants > MAX_CUSTOM_PHRASE_VARIANTS {
                format!("custom rule {name}: too many phrases in all custom rules together")
            } else {
                self.phrase_variants += variants;
                self.config.custom_rules.push(rule);
                continue;
            };
            self.ignored.push(Ignored::invalid(path, reason));
        }
    }
}

/// Fields without which a custom rule means nothing: a rule whose one of these is invalid is
/// left out whole. Any other invalid field is left out alone, and the rule applies without it
/// (a severity from a newer version: the default severity).
const ESSENTIAL: &[&str] = &["id", "message", "phrases", "regex"];

/// One custom rule: unknown fields left out, then invalid optional fields one by one, until it
/// passes the strict check or an essential field fails it.
fn custom_rule(
    path: &str,
    index: usize,
    value: Value,
    ignored: &mut Vec<Ignored>,
) -> Option<CustomRule> {
    let Value::Object(mut fields) = value else {
        ignored.push(Ignored::invalid(path, "must be a JSON object"));
        return None;
    };
    let known = field_names::<CustomRule>();
    fields.retain(|name, _| {
        let keep = known.contains(&name.as_str());
        if !keep {
            let reason = format!("unknown field `{name}` of a custom rule{NOT_USED}");
            ignored.push(Ignored::unknown(format!("{path}.{name}"), reason));
        }
        keep
    });
    // Each round removes a field or ends, so this ends.
    loop {
        let (field, message) = match parse_custom_rule(&fields, index) {
            Ok(rule) => match check_custom_rule(&rule) {
                Ok(()) => return Some(rule),
                Err((field, message)) => (
                    field.to_string(),
                    format!("custom rule {}: {message}", custom_rule_name(&rule, index)),
                ),
            },
            Err(e) => e,
        };
        let removed = match ESSENTIAL.contains(&field.as_str()) {
            true => None,
            false => fields.remove(&field),
        };
        match removed {
            Some(value) => {
                // A text this version does not know (a newer severity) is `unknown`.
                let reason = format!("{message}{APPLIES_WITHOUT}");
                ignored.push(match value {
                    Value::String(_) if field == "severity" => {
                        Ignored::unknown(format!("{path}.{field}"), reason)
                    }
                    _ => Ignored::invalid(format!("{path}.{field}"), reason),
                });
            }
            None => {
                ignored.push(Ignored {
                    field: Some(format!("{path}.{field}")),
                    ..Ignored::invalid(path, message)
                });
                return None;
            }
        }
    }
}

/// The rule, or the top-level field whose value has the wrong type and the error.
fn parse_custom_rule(
    fields: &Map<String, Value>,
    index: usize,
) -> Result<CustomRule, (String, String)> {
    // A clone per round: a rule is small, and most take one round.
    serde_path_to_error::deserialize(Value::Object(fields.clone())).map_err(|e| {
        let path = e.path().to_string();
        let field = path
            .split(['.', '['])
            .next()
            .unwrap_or_default()
            .to_string();
        let id = match fields.get("id") {
            Some(Value::String(id)) => id.clone(),
            _ => String::new(),
        };
        let name = custom_rule_name(
            &CustomRule {
                id,
                ..CustomRule::default()
            },
            index,
        );
        (field, format!("custom rule {name}: {}", e.inner()))
    })
}

/// The field names a struct's derived `Deserialize` knows: the ones it hands to
/// `deserialize_struct`, read with a deserializer that only records them.
fn field_names<'de, T: serde::Deserialize<'de>>() -> &'static [&'static str] {
    use serde::de::{self, Visitor};
    struct Probe<'a>(&'a mut &'static [&'static str]);
    impl<'de> de::Deserializer<'de> for Probe<'_> {
        type Error = de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            fields: &'static [&'static str],
            _visitor: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("fields read"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
            identifier ignored_any
        }
    }
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Probe(&mut fields));
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_probe_reads_a_custom_rules_fields() {
        let fields = field_names::<CustomRule>();
        for name in ["id", "message", "phrases", "regex", "severity", "enabled"] {
            assert!(fields.contains(&name), "{name} in {fields:?}");
        }
        // Every essential field is a field.
        assert!(ESSENTIAL.iter().all(|f| fields.contains(f)));
    }
}
