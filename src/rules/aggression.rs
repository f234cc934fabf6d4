//! `aggression`: insults, profanity and hostility aimed at a person — "would you say it face to
//! face?" (found by `signals::aggression`; hostile phrases are phrase rules in `phrases.json`).

use super::{Analysis, Hint, RuleInfo, MAX_HINTS_PER_RULE};
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
        },
    ]
}

pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    let ag = &a.signals.aggression;
    // In a reply the words land on a person: hostility weighs more.
    let reply = a.context == Context::Reply;
    if a.enabled(crate::rule!("aggression.insult")) {
        let mut spans: Vec<(Span, bool)> = ag
            .insults
            .iter()
            .map(|&s| (s, false))
            .chain(ag.directed_harsh.iter().map(|&s| (s, true)))
            .collect();
        crate::sort::by_key(&mut spans, |&(s, directed)| {
            crate::sort::span_key(s) | directed as u128
        });
        for (span, directed) in spans.into_iter().take(MAX_HINTS_PER_RULE) {
            let message = if directed || reply {
                "An insult aimed at a person"
            } else {
                "An insult"
            };
            hints.push(a.hint(
                crate::rule!("aggression.insult"),
                span,
                message,
                "Would you say it face to face? Insults end conversations and invite pile-ons.",
            ));
        }
    }
    if a.enabled(crate::rule!("aggression.profanity")) {
        // Mild swearing is most people's everyday speech: only a strict writer wants it marked.
        let mild: &[Span] = if a.strictness() == Strictness::High {
            &ag.mild
        } else {
            &[]
        };
        // Strong words first when there are more than a rule may show (the engine sorts all
        // hints by position afterwards).
        let spans =
            (ag.profanity.iter().map(|&s| (s, false))).chain(mild.iter().map(|&s| (s, true)));
        for (span, is_mild) in spans.take(MAX_HINTS_PER_RULE) {
            let mut h = a.hint(
                crate::rule!("aggression.profanity"),
                span,
                if is_mild {
                    "Mild swearing"
                } else {
                    "Profanity"
                },
                "Strong language narrows who will answer; keep it for friends.",
            );
            // Mild words, and "fucking brilliant" (enthusiasm, not attack), are only noted.
            if is_mild || a.signals.tone.compound > 0.3 {
                h.severity = Severity::Info;
            } else if reply && a.signals.tone.compound < 0.0 {
                h.severity = Severity::Warning;
            }
            hints.push(h);
        }
    }
}
