//! Rule sets, the registry of rules, and the pass that turns signals into hints.
//!
//! One rule set per file, named by its id. Every rule is listed once in [`registry`] with its
//! description, default and `flag`/`allow` examples; `tests/rules.rs` runs every example.

pub mod invites_reply;
pub mod platform;
pub mod tone;

use crate::config::{Config, Context, Platform, Severity};
use crate::lexicon::Lexicon;
use crate::platform::Counter;
use crate::report::Hint;
use crate::text::{Document, Span};
use serde::Serialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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
    /// Drafts on which the rule must fire (with the default config, platform X, a post).
    pub flag: &'static [&'static str],
    /// Drafts on which it must stay quiet.
    pub allow: &'static [&'static str],
}

/// Every built-in rule, in display order.
pub fn registry() -> &'static [RuleInfo] {
    static REGISTRY: OnceLock<Vec<RuleInfo>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut all = Vec::new();
        all.extend(tone::rules());
        all.extend(invites_reply::rules());
        all.extend(platform::rules());
        all
    })
}

pub fn rule_info(id: &str) -> Option<&'static RuleInfo> {
    registry().iter().find(|r| r.id == id)
}

/// Everything the rules read: the document, the settings and the signals computed once.
pub struct Ctx<'a> {
    pub doc: &'a Document<'a>,
    pub config: &'a Config,
    pub lexicon: &'a Lexicon,
    pub platform: Platform,
    pub context: Context,
    pub tone: &'a tone::Tone,
    pub questions: &'a invites_reply::Questions,
    pub counter: &'a Counter,
}

impl Ctx<'_> {
    pub fn enabled(&self, id: &str) -> bool {
        let info = rule_info(id).expect("rule ids used in code are registered (tested)");
        self.config.rule_enabled(id, info.rule_set, info.default_on)
    }

    /// A hint for a registered rule, with its registry severity.
    pub fn hint(&self, id: &'static str, span: Span, message: impl Into<String>, why: impl Into<String>) -> Hint {
        let info = rule_info(id).expect("rule ids used in code are registered (tested)");
        Hint {
            rule: id.to_string(),
            rule_set: info.rule_set,
            severity: info.severity,
            span,
            message: message.into(),
            why: why.into(),
            suggestion: None,
        }
    }
}

/// Runs every enabled rule.
pub fn run(ctx: &Ctx, hints: &mut Vec<Hint>) {
    tone::check(ctx, hints);
    invites_reply::check(ctx, hints);
    platform::check(ctx, hints);
}
