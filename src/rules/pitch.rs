//! `pitch`: selling instead of talking. The phrase rules (urgency, discounts, calls to buy,
//! "link in bio", "DM me", self-promotion) are data in `phrases.json`; here are the rules read
//! from the tokens (found by `signals::pitch`, with their weights).

use super::{Analysis, Hint, RuleInfo};
use crate::kinds::{Context, Platform, RuleSet, Severity};

pub fn rules() -> Vec<RuleInfo> {
    vec![
        RuleInfo {
            id: "pitch.percent_off",
            rule_set: RuleSet::Pitch,
            severity: Severity::Warning,
            description: "\"50% off\" and other percentage discounts.",
            default_on: true,
            flag: vec!["Everything 50% off this weekend"],
            allow: vec!["Turnout was 50% higher than last year"],
            example_platform: None,
            example_context: None,
        },
        RuleInfo {
            id: "pitch.price",
            rule_set: RuleSet::Pitch,
            severity: Severity::Suggestion,
            description: "Prices pitched as offers (\"only $19\", \"from €5\").",
            default_on: true,
            flag: vec!["Get the course for only $19"],
            allow: vec!["The coffee cost me $5 and it was worth it"],
            example_platform: None,
            example_context: None,
        },
        RuleInfo {
            id: "pitch.comment_spam",
            rule_set: RuleSet::Pitch,
            severity: Severity::Suggestion,
            description: "YouTube comments a model trained on labelled comments reads as spam or self-promotion when no phrase says so; the card names the words that weighed most.",
            default_on: true,
            flag: vec!["guys go to my profile for more"],
            allow: vec!["Great video, thanks", "The part at 4:12 about the cartridge saved me"],
            example_platform: Some(Platform::Youtube),
            example_context: Some(Context::Reply),
        },
        RuleInfo {
            id: "pitch.comment_link",
            rule_set: RuleSet::Pitch,
            severity: Severity::Suggestion,
            description: "Links in YouTube comments (the usual spam pattern).",
            default_on: true,
            flag: vec!["Nice video! https://example.com/win-a-phone"],
            allow: vec!["Great video, thanks"],
            example_platform: Some(Platform::Youtube),
            example_context: None,
        },
    ]
}

pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    for (rule, message, why) in [
        (
            crate::rule!("pitch.percent_off"),
            "A discount",
            "Price cuts turn a conversation into an ad; save them for the shop page.",
        ),
        (
            crate::rule!("pitch.price"),
            "A price pitch",
            "Quoting a price makes the post an offer; people scroll past offers.",
        ),
        (
            crate::rule!("pitch.comment_link"),
            "A link in a comment",
            "Links in comments read as spam; say what you think instead.",
        ),
        (
            crate::rule!("pitch.comment_spam"),
            "Reads like comment spam",
            "Comments like this are what viewers scroll past and filters hide; say what you thought of the video.",
        ),
    ] {
        if !a.enabled(rule) {
            continue;
        }
        let cues = a.signals.pitch.cues.iter().filter(|c| c.kind == rule.id());
        hints.extend(a.finding(rule, cues.map(|c| c.span), |_| message, why));
    }
}
