//! Every rule's own examples, and the registry's invariants.

use rapport::rules::registry;
use rapport::RuleSet;
use rapport::{Config, Engine, Options, Platform};
use std::collections::HashSet;

/// Rules whose firing needs input no static example can hold, and the test that covers each.
const EXAMPLES_ELSEWHERE: &[(&str, &str)] = &[(
    "platform.truncated",
    "tests/engine.rs: huge_paste_is_truncated_not_lost",
)];

#[test]
fn registry_invariants() {
    let mut ids = HashSet::new();
    for r in registry() {
        assert!(ids.insert(r.id), "rule id {} is registered twice", r.id);
        assert!(
            r.id.starts_with(&format!("{}.", r.rule_set.id())),
            "{} is not under its rule set",
            r.id
        );
        assert!(r.description.len() > 20, "{} needs a description", r.id);
        assert!(
            r.rule_set != RuleSet::Custom,
            "{}: built-in rules are not custom",
            r.id
        );
        let elsewhere = EXAMPLES_ELSEWHERE.iter().any(|(id, _)| *id == r.id);
        assert!(
            !r.flag.is_empty() || elsewhere,
            "{} has no flag example",
            r.id
        );
        assert!(!r.allow.is_empty(), "{} has no allow example", r.id);
    }
    // Every rule set but `custom` has rules.
    for set in RuleSet::ALL.into_iter().filter(|s| *s != RuleSet::Custom) {
        assert!(
            registry().iter().any(|r| r.rule_set == set),
            "rule set {} has no rules",
            set.id()
        );
    }
}

#[test]
fn every_rule_fires_on_its_flag_examples_and_not_on_its_allow_examples() {
    let engine = Engine::new(Config::default()).unwrap();
    let mut failures = Vec::new();
    for r in registry() {
        let opts = Options {
            platform: Some(r.example_platform.unwrap_or(Platform::X)),
            context: r.example_context,
            brief: false,
        };
        for text in &r.flag {
            let report = engine.analyze(text, &opts);
            if !report.hints.iter().any(|h| h.rule == r.id) {
                failures.push(format!(
                    "{} should flag {text:?}; got {:?}",
                    r.id,
                    report.hints.iter().map(|h| &h.rule).collect::<Vec<_>>()
                ));
            }
        }
        for text in &r.allow {
            let report = engine.analyze(text, &opts);
            if report.hints.iter().any(|h| h.rule == r.id) {
                failures.push(format!("{} should allow {text:?}", r.id));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} example(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn switching_a_rule_or_its_set_off_silences_it() {
    for r in registry().iter().filter(|r| !r.flag.is_empty()) {
        let opts = Options {
            platform: Some(r.example_platform.unwrap_or(Platform::X)),
            context: r.example_context,
            brief: false,
        };
        let mut by_rule = Config::default();
        by_rule.rules.insert(r.id.to_string(), false);
        let mut by_set = Config::default();
        by_set.rule_sets.insert(r.rule_set.id().to_string(), false);
        for config in [by_rule, by_set] {
            let engine = Engine::new(config).unwrap();
            let report = engine.analyze(r.flag[0], &opts);
            assert!(
                !report.hints.iter().any(|h| h.rule == r.id),
                "{} still fires when switched off",
                r.id
            );
        }
    }
}
