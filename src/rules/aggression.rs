//! `aggression`: insults, profanity and hostility aimed at a person — "would you say it face to
//! face?" (found by `signals::aggression`; hostile phrases are phrase rules in `phrases.json`).

use super::{Analysis, Hint, RuleInfo};
use crate::kinds::{Context, RuleSet, Severity, Span, Strictness};

pub fn rules() -> Vec<RuleInfo> {
    vec![
        RuleInfo {
            id: "aggression.insult",
            rule_set: RuleSet::Aggression,
            severity: Severity::Warning,
            description: "Insults, and harsh words aimed at the reader (\"you clown\").",
            default_on: true,
            flag: vec![
                "What an idiot.",
                "You are such a clown",
                // Stretched spellings are the same insult.
                "You are so stuuupid",
            ],
            allow: vec![
                "The clown at the party was great",
                "I \"love\" being called an \"idiot\", said no one",
            ],
            example_platform: None,
            example_context: None,
        },
        RuleInfo {
            id: "aggression.profanity",
            rule_set: RuleSet::Aggression,
            severity: Severity::Suggestion,
            description: "Profanity: fine among friends, risky in public. Mild swearing (\"damn\", \"hell\", \"sucks\") only at high strictness.",
            default_on: true,
            flag: vec![
                "This is bullshit",
                "Shiiiit, not again",
                "What a bitch's move",
            ],
            allow: vec![
                "This is brilliant",
                "Scunthorpe United won",
                "Damn, running late again. Traffic sucks today.",
                "What the hell happened to summer?",
            ],
            example_platform: None,
            example_context: None,
        },
    ]
}

/// One card for the insults, one for the swearing.
pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    let ag = &a.signals.aggression;
    // In a reply the words land on a person: hostility weighs more.
    let reply = a.context == Context::Reply;
    if a.enabled(crate::rule!("aggression.insult")) {
        let directed = !ag.directed_harsh.is_empty() || reply;
        hints.extend(a.finding(
            crate::rule!("aggression.insult"),
            ag.insults.iter().chain(&ag.directed_harsh).copied(),
            |n| match (n, directed) {
                (1, true) => "An insult aimed at a person",
                (1, false) => "An insult",
                (_, true) => "Insults aimed at a person",
                (_, false) => "Insults",
            },
            "Would you say it face to face? Insults end conversations and invite pile-ons.",
        ));
    }
    if a.enabled(crate::rule!("aggression.profanity")) {
        // Mild swearing is most people's everyday speech: only a strict writer wants it marked.
        let mild: &[Span] = if a.strictness() == Strictness::High {
            &ag.mild
        } else {
            &[]
        };
        let strong = !ag.profanity.is_empty();
        if let Some(mut h) = a.finding(
            crate::rule!("aggression.profanity"),
            ag.profanity.iter().chain(mild).copied(),
            |n| match (n, strong) {
                (1, true) => "Profanity",
                (_, true) => "Profanity, more than once",
                (1, false) => "Mild swearing",
                (_, false) => "Mild swearing, more than once",
            },
            "Strong language narrows who will answer; keep it for friends.",
        ) {
            // Mild words, and "fucking brilliant" (enthusiasm, not attack), are only noted.
            if !strong || a.signals.tone.compound > 0.3 {
                h.severity = Severity::Info;
            } else if reply && a.signals.tone.compound < 0.0 {
                h.severity = Severity::Warning;
            }
            hints.push(h);
        }
    }
}
