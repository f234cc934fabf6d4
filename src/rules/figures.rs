//! `figures`: a wall of numbers, percentages and prices (counted by `signals::figures`).

use super::{Analysis, Hint, RuleInfo};
use crate::kinds::{RuleSet, Severity};

pub fn rules() -> Vec<RuleInfo> {
    vec![RuleInfo {
        id: "figures.density",
        rule_set: RuleSet::Figures,
        severity: Severity::Suggestion,
        description: "Many numbers, percentages or prices packed into a few words.",
        default_on: true,
        flag: vec![
            "Revenue up 23%, margin 41%, 1,200 new clients and $3.4M ARR in Q3.",
            "Growth of 10-15% to $3.4M, margin 41% and 1,200 new clients.",
            // Magnitudes and units keep a number a quantity.
            "We hit 10k users, 1.5M views and 5x growth, with 20ms latency.",
        ],
        allow: vec![
            "We met 3 friends in 2024 and had a great time together at the lake.",
            // Times, dates and scores are not statistics.
            "Finished in 4:12:33! Doors open 18:30 on 12/05, and we won 3-1.",
            // Ordinals, clock times, names with digits and days of the month neither.
            "Gonzaga 1st, BYU 2nd, St. Mary's 3rd in the coaches' poll.",
            "My top 5: 2Pac, Eminem and Jay-Z, on at 3pm on December 5 and 6 Dec.",
        ],
        example_platform: None,
        example_context: None,
    }]
}

pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    let f = &a.signals.figures;
    if !a.enabled(crate::rule!("figures.density")) || !f.dense(a.strictness()) {
        return;
    }
    hints.extend(a.finding(
        crate::rule!("figures.density"),
        f.spans.iter().copied(),
        |n| format!("A wall of figures: {n} in {} words", f.words),
        "Readers answer a story, not a spreadsheet; keep the one number that matters.",
    ));
}
