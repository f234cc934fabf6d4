//! Stored settings are read tolerantly (issue 16, item 3): settings from a newer version, or
//! with an entry this version cannot use, apply everything they can and name the rest. The
//! strict reading (the CLI, `Engine::from_json`) refuses the same settings, as before.

use rapport::{Config, Engine, Ignored, IgnoredKind};

/// What one case must leave out: a path and its kind.
type Left = (&'static str, IgnoredKind);
const UNKNOWN: IgnoredKind = IgnoredKind::Unknown;
const INVALID: IgnoredKind = IgnoredKind::Invalid;

/// One line per case: stored settings, the settings that must apply (read strictly), and what
/// must be left out.
const CASES: &[(&str, &str, &[Left])] = &[
    // Settings written by a newer version.
    (
        r#"{"theme": "dark", "strictness": "high", "brands": ["Acme"]}"#,
        r#"{"strictness": "high", "brands": ["Acme"]}"#,
        &[("theme", UNKNOWN)],
    ),
    (
        r#"{"rules": {"pitch.hype_v2": false, "shouting.stretched": false}}"#,
        r#"{"rules": {"shouting.stretched": false}}"#,
        &[("rules.pitch.hype_v2", UNKNOWN)],
    ),
    (
        r#"{"rule_sets": {"memes": false, "figures": false}, "acronyms": ["ROI"]}"#,
        r#"{"rule_sets": {"figures": false}, "acronyms": ["ROI"]}"#,
        &[("rule_sets.memes", UNKNOWN)],
    ),
    (
        r#"{"strictness": "extreme", "platform": "linkedin", "rules": {"figures.density": false}}"#,
        r#"{"platform": "linkedin", "rules": {"figures.density": false}}"#,
        &[("strictness", UNKNOWN)],
    ),
    (
        r#"{"platform": "myspace", "context": "thread", "mastodon_limit": 1000}"#,
        r#"{"mastodon_limit": 1000}"#,
        &[("context", UNKNOWN), ("platform", UNKNOWN)],
    ),
    (
        r#"{"custom_rules": [{"id": "jargon", "phrases": ["synergy"], "message": "Jargon", "severity": "critical", "color": "red"}]}"#,
        r#"{"custom_rules": [{"id": "jargon", "phrases": ["synergy"], "message": "Jargon"}]}"#,
        &[
            ("custom_rules[0].color", UNKNOWN),
            ("custom_rules[0].severity", UNKNOWN),
        ],
    ),
    (
        r#"{"schema": 9, "rules": {"custom.gone": false, "custom.jargon": false}, "custom_rules": [{"id": "jargon", "phrases": ["synergy"], "message": "J"}]}"#,
        r#"{"rules": {"custom.jargon": false}, "custom_rules": [{"id": "jargon", "phrases": ["synergy"], "message": "J"}]}"#,
        &[("rules.custom.gone", UNKNOWN), ("schema", UNKNOWN)],
    ),
    // Entries this version knows, with values it cannot use: only they are left out.
    (
        r#"{"brands": ["Acme", "", 7], "acronyms": "ROI"}"#,
        r#"{"brands": ["Acme"]}"#,
        &[
            ("acronyms", INVALID),
            ("brands[1]", INVALID),
            ("brands[2]", INVALID),
        ],
    ),
    (
        r#"{"mastodon_limit": "500", "rules": {"tone.negative": "no", "figures.density": false}}"#,
        r#"{"rules": {"figures.density": false}}"#,
        &[
            ("mastodon_limit", INVALID),
            ("rules.tone.negative", INVALID),
        ],
    ),
    (
        r#"{"custom_rules": [
            {"id": "broken", "regex": "(", "message": "m"},
            {"id": "fine", "regex": "\\bsynergy\\b", "message": "Jargon"},
            {"id": "fine", "phrases": ["again"], "message": "twice"},
            {"id": "empty", "regex": "a*", "message": "m"},
            {"id": "no words", "phrases": ["x"], "message": "m"},
            "not a rule",
            {"id": "typed", "phrases": ["leverage"], "message": "M", "enabled": "yes", "quoted": 1}
        ]}"#,
        r#"{"custom_rules": [
            {"id": "fine", "regex": "\\bsynergy\\b", "message": "Jargon"},
            {"id": "typed", "phrases": ["leverage"], "message": "M"}
        ]}"#,
        &[
            ("custom_rules[0]", INVALID),
            ("custom_rules[2]", INVALID),
            ("custom_rules[3]", INVALID),
            ("custom_rules[4]", INVALID),
            ("custom_rules[5]", INVALID),
            ("custom_rules[6].enabled", INVALID),
            ("custom_rules[6].quoted", INVALID),
        ],
    ),
    (
        r#"{"rule_sets": {"tone": 0}, "custom_rules": {"id": "x"}, "brands": null}"#,
        r#"{}"#,
        &[
            ("brands", INVALID),
            ("custom_rules", INVALID),
            ("rule_sets.tone", INVALID),
        ],
    ),
];

fn tolerant(json: &str) -> (Engine, Vec<Ignored>) {
    Engine::from_json_tolerant(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

#[test]
fn settings_from_a_newer_version_apply_what_they_can_and_name_the_rest() {
    for (stored, applies, left_out) in CASES {
        let (engine, ignored) = tolerant(stored);
        let want = Engine::from_json(applies).unwrap_or_else(|e| panic!("{applies}: {e}"));
        assert_eq!(engine.config(), want.config(), "{stored}");
        let mut got: Vec<(&str, IgnoredKind)> =
            ignored.iter().map(|i| (i.path.as_str(), i.kind)).collect();
        got.sort_by_key(|&(path, _)| path);
        assert_eq!(got, left_out.to_vec(), "{stored}: {ignored:#?}");
        for i in &ignored {
            assert!(
                !i.reason.is_empty() && !i.reason.contains('\n'),
                "{stored}: {i:?} needs a one-line reason"
            );
        }
        // The strict reading (the CLI's --config) still refuses each of them.
        assert!(
            Engine::from_json(stored).is_err(),
            "strict accepted {stored}"
        );
    }
}

#[test]
fn reasons_name_what_is_wrong() {
    let reason = |json: &str, path: &str| -> String {
        let (_, ignored) = tolerant(json);
        ignored
            .into_iter()
            .find(|i| i.path == path)
            .unwrap_or_else(|| panic!("{json}: nothing at {path}"))
            .reason
    };
    let cases: &[(&str, &str, &str)] = &[
        (r#"{"theme": 1}"#, "theme", "unknown setting"),
        (
            r#"{"rules": {"pitch.x": true}}"#,
            "rules.pitch.x",
            "unknown rule `pitch.x`",
        ),
        (
            r#"{"rule_sets": {"memes": true}}"#,
            "rule_sets.memes",
            "unknown rule set `memes`",
        ),
        (
            r#"{"strictness": "extreme"}"#,
            "strictness",
            "unknown strictness \"extreme\" (known: low, medium, high)",
        ),
        (
            r#"{"strictness": 3}"#,
            "strictness",
            "must be one of: low, medium, high",
        ),
        (
            r#"{"mastodon_limit": 0}"#,
            "mastodon_limit",
            "between 1 and 100000",
        ),
        (r#"{"brands": [" "]}"#, "brands[0]", "1 to 100 characters"),
        (
            r#"{"custom_rules": [{"id": "x", "regex": "(", "message": "m"}]}"#,
            "custom_rules[0]",
            "custom rule `x`: regex does not compile: ",
        ),
        (
            r#"{"custom_rules": [{"id": "x", "phrases": ["a"], "message": "m", "severity": "critical"}]}"#,
            "custom_rules[0].severity",
            "unknown variant `critical`",
        ),
        (
            r#"{"custom_rules": [{"id": "x", "phrases": ["a"], "message": "m", "severity": "critical"}]}"#,
            "custom_rules[0].severity",
            "the rule applies without it",
        ),
        (
            r#"{"custom_rules": [{"id": "x", "phrases": ["a"], "message": "m"}, {"id": "x", "phrases": ["b"], "message": "m"}]}"#,
            "custom_rules[1]",
            "id used twice",
        ),
    ];
    for (json, path, want) in cases {
        let got = reason(json, path);
        assert!(got.contains(want), "{json}: {got:?} should say {want:?}");
    }
}

#[test]
fn valid_settings_read_the_same_tolerantly_and_strictly() {
    let readme = r#"{
      "rule_sets": {"figures": false},
      "rules": {"shouting.stretched": false},
      "strictness": "medium",
      "platform": "linkedin",
      "context": "post",
      "mastodon_limit": 500,
      "brands": ["Acme", "Acme Cloud"],
      "acronyms": ["ROI", "OKR"],
      "custom_rules": [
        {"id": "synergy", "phrases": ["synergy", "leverage"], "message": "Jargon", "severity": "suggestion"},
        {"id": "hashtag-spam", "regex": "(#\\w+\\s*){4,}", "message": "A run of hashtags", "severity": "info"}
      ]
    }"#;
    // Every field set: a field added to Config must be read by the tolerant reading too.
    let full = Config {
        rules: [("custom.synergy".to_string(), false)].into(),
        strictness: rapport::Strictness::High,
        platform: rapport::Platform::Mastodon,
        context: rapport::Context::Reply,
        ..Engine::from_json(readme).unwrap().config().clone()
    };
    let full = serde_json::to_string(&full).unwrap();
    for json in ["{}", readme, &full] {
        let (engine, ignored) = tolerant(json);
        assert_eq!(ignored, [], "{json}");
        assert_eq!(engine.config(), Engine::from_json(json).unwrap().config());
    }
}

#[test]
fn only_unreadable_settings_are_refused() {
    for json in ["{not json", "", "[]", "null", "\"settings\"", "42"] {
        let err = Engine::from_json_tolerant(json).err();
        assert!(err.is_some(), "{json:?} was read");
    }
}

#[test]
fn a_full_list_keeps_its_first_entries() {
    let brands: Vec<String> = (0..502).map(|i| format!("Brand{i}")).collect();
    let json = serde_json::json!({ "brands": brands }).to_string();
    let (engine, ignored) = tolerant(&json);
    assert_eq!(
        engine.config().brands.len(),
        rapport::config::MAX_LIST_ENTRIES
    );
    let paths: Vec<&str> = ignored.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["brands[500]", "brands[501]"]);

    let rules: Vec<serde_json::Value> = (0..102)
        .map(|i| serde_json::json!({"id": format!("r{i}"), "phrases": [format!("w{i}")], "message": "m"}))
        .collect();
    let json = serde_json::json!({ "custom_rules": rules }).to_string();
    let (engine, ignored) = tolerant(&json);
    assert_eq!(
        engine.config().custom_rules.len(),
        rapport::config::MAX_CUSTOM_RULES
    );
    assert_eq!(ignored.len(), 2);
}

#[test]
fn phrases_past_what_the_index_holds_leave_out_whole_rules_not_all_settings() {
    // 100 rules of 500 phrases with an apostrophe (each two spellings): the strict reading
    // fails the engine; the tolerant one keeps the rules that fit.
    let rules: Vec<serde_json::Value> = (0..100)
        .map(|r| {
            let phrases: Vec<String> = (0..500).map(|p| format!("it's {r} {p}")).collect();
            serde_json::json!({"id": format!("r{r}"), "phrases": phrases, "message": "m"})
        })
        .collect();
    let json = serde_json::json!({ "custom_rules": rules, "strictness": "high" }).to_string();
    assert!(Engine::from_json(&json).is_err());
    let (engine, ignored) = tolerant(&json);
    assert_eq!(engine.config().strictness, rapport::Strictness::High);
    let kept = engine.config().custom_rules.len();
    assert!((60..100).contains(&kept), "{kept}");
    assert_eq!(ignored.len(), 100 - kept);
    assert!(
        ignored[0].reason.contains("too many phrases"),
        "{ignored:?}"
    );
}

/// Found by the fuzz target: the strict reading took `{"strictness": "low"})I I I` as its
/// first value and ignored the rest, where the tolerant one (and `serde_json::from_str`)
/// refuse text after the JSON value.
#[test]
fn text_after_the_settings_is_refused_by_both_readings() {
    for json in [r#"{"strictness": "low"})I I I"#, "{} {}", "{}x"] {
        let err = Engine::from_json(json).err().map(|e| e.to_string());
        assert!(
            err.as_deref()
                .is_some_and(|e| e.contains("trailing characters")),
            "{json}: {err:?}"
        );
        assert!(Engine::from_json_tolerant(json).is_err(), "{json}");
        assert!(rapport::Options::from_json(json).is_err(), "{json}");
    }
    assert!(Engine::from_json("{} \n\t ").is_ok());
}

/// Found by the fuzz target: the strict reading took a JSON array as settings, field by field
/// in order (`[{}, {}, "high"]` was high strictness; a custom rule could be an array too),
/// where the tolerant reading wants objects.
#[test]
fn settings_and_rules_are_objects_not_arrays() {
    let cases = [
        ("[  ] ", ""),
        (r#"[{}, {}, "high"]"#, ""),
        (
            r#"{"custom_rules": [["x", null, null, null, "m", null, null, null, ["a"]]]}"#,
            "custom_rules[0]",
        ),
    ];
    for (json, path) in cases {
        let err = Engine::from_json(json).expect_err(json);
        assert_eq!(
            (err.path.as_str(), err.message.as_str()),
            (path, "must be a JSON object")
        );
        let (engine, _) = Engine::from_json_tolerant(json)
            .map(|(e, i)| (Some(e), i))
            .unwrap_or((None, Vec::new()));
        assert!(
            engine.is_none_or(|e| e.config().custom_rules.is_empty()),
            "{json}"
        );
    }
    let err = rapport::Options::from_json(r#"["x", "reply", true]"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid settings at `options`: must be a JSON object"
    );
}

#[test]
fn options_name_the_field_and_the_known_values() {
    use rapport::{Context, Options, Platform};
    let ok =
        Options::from_json(r#"{"platform": "linkedin", "context": null, "brief": true}"#).unwrap();
    assert_eq!(ok.platform, Some(Platform::Linkedin));
    assert_eq!(ok.context, None);
    assert!(ok.brief);
    assert_eq!(
        Options::from_json(r#"{"context": "reply"}"#)
            .unwrap()
            .context,
        Some(Context::Reply)
    );
    for (json, path, says) in [
        (
            r#"{"platform": "myspace"}"#,
            "options.platform",
            "unknown platform \"myspace\" (known: x, ",
        ),
        (
            r#"{"platform": 3}"#,
            "options.platform",
            "must be one of: x, ",
        ),
        (
            r#"{"context": "dm"}"#,
            "options.context",
            "unknown context \"dm\" (known: post, reply",
        ),
        (
            r#"{"brief": "yes"}"#,
            "options.brief",
            "must be true or false",
        ),
        (r#"{"colour": 1}"#, "options.colour", "unknown option"),
    ] {
        let err = Options::from_json(json).unwrap_err().to_string();
        assert!(
            err.contains(&format!("`{path}`")) && err.contains(says),
            "{json}: {err}"
        );
    }
}
