//! `self_focus`: "me, my brand, our product" against "you" (counted by `signals::pronouns`).

use super::{Analysis, Hint, RuleInfo};
use crate::kinds::{RuleSet, Severity};

pub fn rules() -> Vec<RuleInfo> {
    vec![RuleInfo {
        id: "self_focus.pronouns",
        rule_set: RuleSet::SelfFocus,
        severity: Severity::Suggestion,
        description: "One card on every I/me/my, we/our and brand name when the post talks about you far more than about the reader (not \"join us\", thanks, apologies, notices or \"US\" the country).",
        default_on: true,
        flag: vec![
            "We shipped our biggest release yet. Our team rebuilt our editor and we doubled our speed.",
            "I am proud of my team and my results this year. I worked hard for my promotion.",
        ],
        allow: vec![
            "I love how you explained this. What made you try it?",
            "Thanks for the tip!",
            "Join us Thursday! Drinks are on us and our community meets at 7.",
            "We messed this one up and we're sorry. We've refunded your order and our team fixed the bug.",
            "Flying from the US to Lisbon next month. Locals, what should we not miss?",
            "My kid asked why the moon follows our car and I realized I can't explain it. How would you?",
        ],
        example_platform: None,
        example_context: None,
    }]
}

pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    let p = &a.signals.pronouns;
    if !a.enabled(crate::rule!("self_focus.pronouns"))
        || !a.signals.self_focused(a.strictness(), a.context)
    {
        return;
    }
    // One card listing every self-reference; the count is of what it underlines.
    let spans = p.i.iter().chain(&p.we).chain(&p.brand).copied();
    hints.extend(a.finding(
        crate::rule!("self_focus.pronouns"),
        spans,
        |n| {
            format!(
                "About you, not the reader: {n} self-reference{}, {} to the reader",
                if n == 1 { "" } else { "s" },
                p.you_count()
            )
        },
        "Posts about \"me, my brand, our product\" broadcast; write from the reader's side and they answer.",
    ));
}
