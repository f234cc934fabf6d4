//! Whole-post behaviour: report snapshots, span properties, settings errors, context, size.

use rapport::config::{Config, Options};
use rapport::{Context, Engine, Platform, Report, MAX_ANALYZED_BYTES};

fn engine() -> Engine {
    Engine::new(Config::default()).unwrap()
}

fn analyze(text: &str, platform: Platform, context: Context) -> Report {
    engine().analyze(
        text,
        &Options {
            platform: Some(platform),
            context: Some(context),
            ..Options::default()
        },
    )
}

/// A compact, readable snapshot: verdicts, counter, score and the rules that fired, in order.
fn snapshot(r: &Report) -> String {
    let v = &r.verdicts;
    let mut flags = Vec::new();
    for (name, on) in [
        ("question", v.question),
        ("invites", v.invites_reply),
        ("pitch", v.pitch),
        ("aggressive", v.aggressive),
        ("shouting", v.shouting),
        ("self_focused", v.self_focused),
    ] {
        if on {
            flags.push(name);
        }
    }
    let mut rules: Vec<&str> = r.hints.iter().map(|h| h.rule.as_ref()).collect();
    rules.dedup();
    format!(
        "{} | {} | {}/{} | score {} | {}",
        v.sentiment.label,
        flags.join(","),
        r.counter.used,
        r.counter.limit.map_or("-".to_string(), |l| l.to_string()),
        r.score.value,
        rules.join(",")
    )
}

#[test]
fn report_snapshots() {
    use Context::*;
    use Platform::*;
    let cases: &[(&str, Platform, Context, &str)] = &[
        (
            "We are thrilled to announce our new product! Buy now, 50% off, link in bio!!!",
            X,
            Post,
            "positive | pitch,shouting | 77/280 | score 0 | pitch.announcement,pitch.call_to_action,invites_reply.no_question,pitch.percent_off,pitch.link_in_bio,shouting.marks",
        ),
        ("Congrats on the launch — what was the hardest part?", Linkedin, Post, "positive | question,invites | 51/3000 | score 93 | "),
        // The question is there but the post moves on: a hint, and fewer points than ending on it.
        ("Congrats on the launch! What was the hardest part? I loved the new dashboard.", Linkedin, Post, "positive |  | 77/3000 | score 75 | invites_reply.buried"),
        ("You people never listen. This is pathetic.", X, Reply, "negative | aggressive | 42/280 | score 2 | aggression.hostile_you,tone.negative"),
        ("Hola a todos, ¿cómo están? Gracias por venir a la fiesta", Mastodon, Post, "neutral | question,invites | 56/500 | score 90 | "),
        ("Revenue up 23%, margin 41%, 1,200 new clients and $3.4M ARR in Q3.", Linkedin, Post, "neutral |  | 66/3000 | score 29 | invites_reply.no_question,figures.density"),
        ("THIS IS HUGE NEWS FOR EVERYONE", X, Post, "positive | shouting | 30/280 | score 18 | invites_reply.no_question,shouting.caps"),
        ("", Bluesky, Post, "neutral |  | 0/300 | score 50 | "),
    ];
    let mut failures = Vec::new();
    for &(text, platform, context, want) in cases {
        let got = snapshot(&analyze(text, platform, context));
        if got != want {
            failures.push(format!("{text:?}\n   want {want}\n    got {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Deterministic pseudo-random drafts mixing every awkward kind of text.
fn drafts(n: usize) -> Vec<String> {
    const PIECES: &[&str] = &[
        "hello",
        "I",
        "we",
        "you",
        "BUY NOW",
        "50%",
        "$9.99",
        "!!!",
        "?",
        "?!",
        ".",
        ",",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\u{00A0}",
        "👨‍👩‍👧‍👦",
        "🇫🇷",
        "👍🏽",
        "1️⃣",
        "❤️",
        "😡",
        "中文",
        "日本語",
        "e\u{301}",
        "naïve",
        "https://example.com/a?b=1",
        "www.x.co",
        "@bob@mastodon.social",
        "#launch",
        "\"quoted idiot\"",
        "“curly”",
        ":)",
        "<3",
        "D:",
        "don’t",
        "sooo",
        "\u{200B}",
        "\u{FEFF}",
        "link in bio",
        "what do you think",
        "RT @x:",
        "—",
        "…",
        "\t",
        // Words that tone's negation, idiom and "but" steps look around.
        "can't",
        "could not",
        "be",
        "happier",
        "more",
        "enough",
        "stop",
        "kill some time",
        "kind of",
        "wait",
        "no",
        "not",
        "but",
        "good",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..n)
        .map(|_| {
            let len = (next() % 40) as usize;
            (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect::<Vec<_>>()
                .join(if next() % 3 == 0 { "" } else { " " })
        })
        .collect()
}

#[test]
fn every_span_is_inside_the_text_on_boundaries_in_bytes_and_in_utf16() {
    let e = engine();
    for (i, text) in drafts(2000).iter().enumerate() {
        let platform = Platform::ALL[i % Platform::ALL.len()];
        let mut r = e.analyze(
            text,
            &Options {
                platform: Some(platform),
                context: None,
                ..Options::default()
            },
        );
        r.map_spans(|s| {
            assert!(
                s.start <= s.end && s.end <= text.len(),
                "{text:?}: span {s:?} outside the text"
            );
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{text:?}: {s:?} splits a char"
            );
        });
        let bytes: Vec<_> = {
            let mut v = Vec::new();
            r.map_spans(|s| v.push(*s));
            v
        };
        r.spans_to_utf16(text);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let mut k = 0;
        r.map_spans(|s| {
            let b = bytes[k];
            k += 1;
            assert_eq!(
                s.start,
                text[..b.start].encode_utf16().count(),
                "{text:?}: start of {b:?}"
            );
            assert_eq!(
                s.end,
                text[..b.end].encode_utf16().count(),
                "{text:?}: end of {b:?}"
            );
            for at in [s.start, s.end] {
                assert!(
                    at == utf16.len() || !(0xDC00..0xE000).contains(&utf16[at]),
                    "{text:?}: {at} splits a surrogate pair"
                );
            }
        });
    }
}

#[test]
fn settings_errors_name_the_field() {
    let cases: &[(&str, &str)] = &[
        (r#"{"strictness": "extreme"}"#, "`strictness`"),
        (r#"{"rules": {"no.such": true}}"#, "`rules.no.such`"),
        (r#"{"rule_sets": {"nope": false}}"#, "`rule_sets.nope`"),
        (r#"{"bogus": 1}"#, "`bogus`: unknown setting"),
        (r#"{"platform": "myspace"}"#, "`platform`"),
        (r#"{"mastodon_limit": 0}"#, "`mastodon_limit`"),
        (r#"{"brands": [""]}"#, "`brands[0]`"),
        (
            r#"{"custom_rules": [{"id": "x", "message": "m"}]}"#,
            "`custom_rules[0].phrases`",
        ),
        (
            r#"{"custom_rules": [{"id": "x", "regex": "(", "message": "m"}]}"#,
            "`custom_rules[0].regex`: custom rule `x`",
        ),
        (
            r#"{"custom_rules": [{"id": "x", "regex": "a*", "message": "m"}]}"#,
            "matches empty text",
        ),
        (
            r#"{"custom_rules": [{"id": "x", "phrases": ["a"], "regex": "b", "message": "m"}]}"#,
            "not both",
        ),
        (
            r#"{"custom_rules": [{"id": "bad id", "phrases": ["a"], "message": "m"}]}"#,
            "`custom_rules[0].id`",
        ),
        (
            r#"{"custom_rules": [{"id": "x", "phrases": ["a"], "message": "m"}, {"id": "x", "phrases": ["b"], "message": "m"}]}"#,
            "id used twice",
        ),
        ("{not json", "invalid settings"),
    ];
    for (json, want) in cases {
        let err = Engine::from_json(json).expect_err(json).to_string();
        assert!(
            err.contains(want),
            "{json}: got {err:?}, want it to mention {want:?}"
        );
    }
    let long_regex = format!(
        r#"{{"custom_rules": [{{"id": "x", "regex": "{}", "message": "m"}}]}}"#,
        "a".repeat(600)
    );
    assert!(Engine::from_json(&long_regex)
        .unwrap_err()
        .to_string()
        .contains("longer than"));
}

#[test]
fn custom_rules_fire_with_their_own_message() {
    let e = Engine::from_json(
        r#"{"custom_rules": [{"id": "jargon", "phrases": ["synergy"], "message": "Jargon", "severity": "warning"},
                             {"id": "tags", "regex": "(#\\w+\\s*){3,}", "message": "Tag run"}]}"#,
    )
    .unwrap();
    let r = e.analyze("Real synergy here #a #b #c", &Options::default());
    let rules: Vec<(&str, &str)> = r
        .hints
        .iter()
        .map(|h| (h.rule.as_ref(), h.message.as_ref()))
        .collect();
    assert!(rules.contains(&("custom.jargon", "Jargon")), "{rules:?}");
    assert!(rules.contains(&("custom.tags", "Tag run")), "{rules:?}");
    let off = Engine::from_json(r#"{"rules": {"custom.jargon": false}, "custom_rules": [{"id": "jargon", "phrases": ["synergy"], "message": "J"}]}"#).unwrap();
    assert!(off
        .analyze("synergy", &Options::default())
        .hints
        .iter()
        .all(|h| h.rule != "custom.jargon"));
}

#[test]
fn replies_weigh_hostility_more_and_need_no_question() {
    let text = "This take is stupid and you know it.";
    let post = analyze(text, Platform::X, Context::Post);
    let reply = analyze(text, Platform::X, Context::Reply);
    assert!(
        reply.score.value < post.score.value,
        "reply {} vs post {}",
        reply.score.value,
        post.score.value
    );
    let sev = |r: &Report| {
        r.hints
            .iter()
            .find(|h| h.rule == "aggression.insult")
            .map(|h| h.severity)
    };
    assert!(sev(&reply) >= sev(&post));
    assert!(post
        .hints
        .iter()
        .any(|h| h.rule == "invites_reply.no_question"));
    assert!(reply
        .hints
        .iter()
        .all(|h| h.rule != "invites_reply.no_question"));
}

#[test]
fn brands_count_as_self_reference() {
    let e = Engine::from_json(r#"{"brands": ["Acme Cloud"]}"#).unwrap();
    let r = e.analyze(
        "Acme Cloud ships faster. Acme Cloud scales. Acme Cloud wins.",
        &Options::default(),
    );
    assert_eq!(r.signals.self_focus.brand, 3);
    assert!(r.verdicts.self_focused);
}

/// Custom phrase rules and brand names go through the built-in phrase matcher, with its one
/// policy: whole words, any ASCII case, either apostrophe, stretched letters, never inside a
/// link, a mention or a hashtag, and not inside quotes unless the rule says `quoted`.
#[test]
fn user_phrases_follow_the_one_matching_policy() {
    let config = r#"{"brands": ["Acme Cloud"], "custom_rules": [
        {"id": "jargon", "phrases": ["synergy", "circle back", "won't scale"], "message": "Jargon"},
        {"id": "quoted", "phrases": ["per my last email"], "message": "Passive-aggressive", "quoted": true}]}"#;
    let e = Engine::from_json(config).unwrap();
    // (text, the words the custom rules underline, the brand names counted)
    let cases: &[(&str, &[&str], usize)] = &[
        ("Real SYNERGY here", &["SYNERGY"], 0),
        ("Let's circle back on it", &["circle back"], 0),
        ("It won’t scale", &["won’t scale"], 0),
        ("So much synerrrgy", &["synerrrgy"], 0),
        ("synergyx and xsynergy", &[], 0),
        (
            "#synergy and https://synergy.io/synergy and @synergy",
            &[],
            0,
        ),
        ("She wrote \"synergy\" twice", &[], 0),
        (
            "As she said, \"per my last email\"",
            &["per my last email"],
            0,
        ),
        ("Acme Cloud ships today", &[], 1),
        (
            "Visit https://acme.cloud/acme-cloud #AcmeCloud @AcmeCloud",
            &[],
            0,
        ),
        ("They called it \"Acme Cloud\" then", &[], 0),
    ];
    for &(text, want, brands) in cases {
        let r = e.analyze(text, &Options::default());
        let got: Vec<&str> = r
            .hints
            .iter()
            .filter(|h| h.rule.starts_with("custom."))
            .map(|h| &text[h.span.start..h.span.end])
            .collect();
        assert_eq!(got, want, "{text:?}");
        assert_eq!(r.signals.self_focus.brand, brands as u32, "{text:?}");
    }
}

#[test]
fn allowed_acronyms_are_not_shouting() {
    // Capitalised words that are also English words shout by default (unknown short ones,
    // like OKR alone, are taken for acronyms without being listed).
    let text = "Our PRIDE and CARE teams met today";
    assert!(engine()
        .analyze(text, &Options::default())
        .hints
        .iter()
        .any(|h| h.rule == "shouting.caps"));
    let e = Engine::from_json(r#"{"acronyms": ["PRIDE", "care"]}"#).unwrap();
    assert!(e
        .analyze(text, &Options::default())
        .hints
        .iter()
        .all(|h| h.rule != "shouting.caps"));
}

/// The words one rule's card names, in text order.
fn card_words(text: &str, rule: &str) -> Vec<String> {
    let r = engine().analyze(text, &Options::default());
    let mut spans: Vec<_> = r
        .hints
        .iter()
        .filter(|h| h.rule == rule)
        .flat_map(|h| std::iter::once(h.span).chain(h.related.iter().copied()))
        .collect();
    spans.sort_by_key(|s| s.start);
    spans
        .iter()
        .map(|s| text[s.start..s.end].to_string())
        .collect()
}

#[test]
fn a_shouted_run_goes_on_through_i_and_a() {
    for (text, want) in [
        (
            "THIS IS THE VIDEO I NEEDED. Thank you.",
            vec!["THIS IS THE VIDEO I NEEDED"],
        ),
        ("SO GOOD I CRIED", vec!["SO GOOD I CRIED"]),
        ("THIS IS A MUST", vec!["THIS IS A MUST"]),
        // Outside a run, "I" is a plain word.
        ("I think WE WON", vec!["WE WON"]),
        ("WE WON I think", vec!["WE WON"]),
    ] {
        assert_eq!(card_words(text, "shouting.caps"), want, "{text:?}");
    }
}

#[test]
fn urgency_names_its_count_and_deadline() {
    for (text, want) in [
        (
            "Only 12 seats left for Thursday's workshop. Register now!",
            vec!["Only 12 seats left"],
        ),
        (
            "Headshots $25, full body $70. Only 5 slots this month, DM me to book!",
            vec!["Only 5 slots"],
        ),
        (
            "Grab one of the last 2 spots: DM me today.",
            vec!["last 2 spots"],
        ),
        (
            "three spots remaining in the cohort",
            vec!["three spots remaining"],
        ),
        // A count without selling or a tail is a story.
        ("I got the last 2 tickets to the show!", vec![]),
        // A deadline is named with its day and time.
        (
            "Doors close Friday at noon. Secure your seat now!",
            vec!["Doors close Friday at noon"],
        ),
        (
            "Offer ends at 9pm tonight, grab it",
            vec!["Offer ends at 9pm tonight"],
        ),
        ("Last chance to say hi at the booth", vec!["Last chance"]),
    ] {
        assert_eq!(card_words(text, "pitch.urgency"), want, "{text:?}");
    }
}

#[test]
fn huge_paste_is_truncated_not_lost() {
    let sentence = "This is a long pasted report, sentence after sentence, with no end in sight. ";
    let text = sentence.repeat(1_048_576 / sentence.len() + 1); // > 1 MB
    let r = engine().analyze(
        &text,
        &Options {
            platform: Some(Platform::Linkedin),
            context: None,
            ..Options::default()
        },
    );
    assert_eq!(
        r.counter.used as usize,
        text.len(),
        "the counter counts the whole text"
    );
    assert!(r.counter.over);
    let t = r
        .hints
        .iter()
        .find(|h| h.rule == "platform.truncated")
        .expect("a truncation hint");
    assert_eq!(t.span.end, text.len());
    assert!(t.span.start <= MAX_ANALYZED_BYTES && t.span.start > MAX_ANALYZED_BYTES - 1024);
    assert!(r.signals.analyzed_bytes as usize <= MAX_ANALYZED_BYTES);
}

#[test]
fn strictness_moves_thresholds() {
    let text = "I think my plan is good.";
    let at = |s: &str| {
        Engine::from_json(&format!(r#"{{"strictness": "{s}"}}"#))
            .unwrap()
            .analyze(text, &Options::default())
    };
    assert!(!at("low").verdicts.self_focused);
    assert!(at("high").verdicts.self_focused);
    // Low strictness shows no info-level hints.
    assert!(at("low")
        .hints
        .iter()
        .all(|h| h.severity != rapport::Severity::Info));
}

#[test]
fn swearing_is_not_hostility_and_mild_swearing_is_marked_only_when_strict() {
    // (text, strictness, words the profanity card underlines, the score's aggression points)
    let cases: &[(&str, &str, usize, i32)] = &[
        ("Damn, late again. Traffic sucks.", "medium", 0, 0),
        ("Damn, late again. Traffic sucks.", "high", 2, 0),
        ("This fucking printer jammed again.", "medium", 1, -10),
        ("You are a fucking idiot.", "medium", 1, -35),
    ];
    for &(text, strictness, hints, points) in cases {
        let r = Engine::from_json(&format!(r#"{{"strictness": "{strictness}"}}"#))
            .unwrap()
            .analyze(text, &Options::default());
        let got_hints: usize = r
            .hints
            .iter()
            .filter(|h| h.rule == "aggression.profanity")
            .map(|h| h.spans().count())
            .sum();
        let got_points: i32 = r
            .score
            .breakdown
            .iter()
            .filter(|f| f.factor == "aggression")
            .map(|f| f.points)
            .sum();
        assert_eq!(
            (got_hints, got_points),
            (hints, points),
            "{text:?} at {strictness}"
        );
        // The verdict stays OffensEval's "offensive": any swearing counts.
        assert!(r.verdicts.aggressive, "{text:?}");
    }
}

#[test]
fn evidence_is_capped_but_counts_are_exact() {
    // 40 sentences, each with "I", "my", a toned word and a figure.
    let text = "I think my launch was great, 25% better. ".repeat(40);
    let r = analyze(&text, Platform::Linkedin, Context::Post);
    let s = &r.signals;
    assert_eq!(s.self_focus.i, 80, "every I and my is counted");
    assert_eq!(s.figures.count, 40);
    for (name, ev) in [
        ("tone", &s.tone.evidence),
        ("self_focus", &s.self_focus.evidence),
        ("figures", &s.figures.evidence),
    ] {
        assert_eq!(ev.len(), rapport::MAX_EVIDENCE, "{name}");
        assert!(
            ev.windows(2).all(|w| w[0].span <= w[1].span),
            "{name} in text order"
        );
    }
    // Tone keeps the strongest words: every kept weight is at least every dropped one.
    let short = analyze(
        "I hate this. It is great. It is good.",
        Platform::X,
        Context::Post,
    );
    assert!(short.signals.tone.evidence.len() < rapport::MAX_EVIDENCE);
    let mixed = format!("{}{}", "It is good. ".repeat(30), "I hate it.");
    let r = analyze(&mixed, Platform::Linkedin, Context::Post);
    let ev = &r.signals.tone.evidence;
    assert_eq!(ev.len(), rapport::MAX_EVIDENCE);
    assert!(
        ev.iter()
            .any(|e| &mixed[e.span.start..e.span.end] == "hate"),
        "the strongest word (hate) is kept even though it comes last"
    );
}

#[test]
fn brief_report_drops_only_evidence_and_other_platforms() {
    let text = "I think OUR product is great!!! Buy now at https://example.com, 50% off. Thoughts?";
    let e = engine();
    let full = e.analyze(text, &Options::default());
    let brief = e.analyze(
        text,
        &Options {
            brief: true,
            ..Options::default()
        },
    );
    assert_eq!(brief.hints, full.hints);
    assert_eq!(brief.verdicts, full.verdicts);
    assert_eq!(brief.score, full.score);
    assert_eq!(brief.counter, full.counter);
    assert_eq!(brief.counters, vec![full.counter]);
    assert!(full.counters.len() > 1);
    assert!(!full.signals.self_focus.evidence.is_empty());
    let mut without = full.signals.clone();
    for ev in [
        &mut without.tone.evidence,
        &mut without.self_focus.evidence,
        &mut without.questions.evidence,
        &mut without.pitch.evidence,
        &mut without.figures.evidence,
        &mut without.shouting.evidence,
        &mut without.aggression.evidence,
    ] {
        ev.clear();
    }
    assert_eq!(brief.signals, without);
    assert!(brief.signals.self_focus.evidence.is_empty());
    assert_eq!(brief.signals.self_focus.we, full.signals.self_focus.we);
}

#[test]
fn statement_order_questions_ask_when_addressed_to_someone() {
    let asks = |text: &str, context: Context| analyze(text, Platform::X, context).verdicts.question;
    let vented = "So the refund just never arrives? Unbelievable.";
    // Incredulity in a post addressed to no one is not a question to the reader...
    assert!(!asks(vented, Context::Post));
    // ...but the same form with "you" asks the reader, and in a reply it asks the person
    // replied to, with or without their @name.
    assert!(asks(
        "You coming to the meetup tonight? It starts at 7.",
        Context::Post
    ));
    assert!(asks(vented, Context::Reply));
    assert!(asks(&format!("@sam {vented}"), Context::Post));
    // A message of one short sentence asks, as in a chat.
    assert!(asks("So the refund just never arrives?", Context::Post));
    // "?!" said to someone is an emphatic question, in a reply with or without the @name.
    assert!(!asks("Did you plan this?! Amazing.", Context::Post));
    assert!(asks("Did you plan this?! Amazing.", Context::Reply));
}

#[test]
fn the_invitation_goes_after_the_writers_own_last_words_where_it_fits() {
    // (text, the words the card is on, its rewrite if one fits)
    let cases: &[(&str, &str, Option<&str>)] = &[
        // Trailing tags stay out of the span and the rewrite.
        (
            "Grateful for this week with the team. #gratitude #fb",
            "Grateful for this week with the team.",
            Some("Grateful for this week with the team. What do you think?"),
        ),
        // A sentence that ends on a word is closed before the question; one with its own
        // punctuation keeps it.
        (
            "Shipped the new dashboard today",
            "Shipped the new dashboard today",
            Some("Shipped the new dashboard today. What do you think?"),
        ),
        (
            "Shipped the new dashboard today!",
            "Shipped the new dashboard today!",
            Some("Shipped the new dashboard today! What do you think?"),
        ),
        // Never between a sentence and its link, or after words that lead into one.
        (
            "Shipped the new dashboard today https://example.com/x #saas",
            "Shipped the new dashboard today",
            None,
        ),
        (
            "The full write-up is here: https://example.com/post",
            "The full write-up is here:",
            None,
        ),
        (
            "All the details at https://example.com/beta",
            "All the details at",
            None,
        ),
        // Never on a joke.
        (
            "My cat just sat on the keyboard and sent my boss a meeting invite lol",
            "My cat just sat on the keyboard and sent my boss a meeting invite lol",
            None,
        ),
    ];
    for &(text, words, fix) in cases {
        let r = analyze(text, Platform::X, Context::Post);
        let h = r
            .hints
            .iter()
            .find(|h| h.rule == "invites_reply.no_question")
            .unwrap_or_else(|| panic!("no_question on {text:?}"));
        assert_eq!(&text[h.span.start..h.span.end], words, "{text:?}");
        // The rewrite inserts the question after the words: the sentence stays as typed.
        let applied = h.fixes.first().map(|f| {
            assert!(f.span.is_empty() && f.span.start == h.span.end, "{text:?}");
            format!("{words}{}", f.text)
        });
        assert_eq!(applied.as_deref(), fix, "{text:?}");
    }
    // Apologies, condolences and notices need no question at all.
    for text in [
        "We messed this one up and we're sorry. Your refund is on its way.",
        "Rest in peace, Marcus. You taught half this town to swim.",
        "Heads up: the app is down for maintenance until 3pm.",
    ] {
        let r = analyze(text, Platform::X, Context::Post);
        assert!(
            r.hints
                .iter()
                .all(|h| h.rule != "invites_reply.no_question"),
            "{text:?}"
        );
    }
}

#[test]
fn neutral_posts_report_zero_not_negative_zero() {
    for text in ["", "   ", "The meeting is at noon.", "Das ist eine Idee"] {
        let json = serde_json::to_string(&analyze(text, Platform::X, Context::Post)).unwrap();
        assert!(!json.contains("-0.0"), "{text:?}: {json}");
    }
}

#[test]
fn a_link_pointer_alone_is_a_hint_not_a_sales_pitch() {
    let r = analyze(
        "Wrote up how we cut our build times in half. Link in comments.",
        Platform::Linkedin,
        Context::Post,
    );
    assert!(r.hints.iter().any(|h| h.rule == "pitch.link_in_bio"));
    assert!(!r.verdicts.pitch, "one pointer to a link is not a pitch");
    let r = analyze(
        "New drop is live, 20% off today only. Link in bio!",
        Platform::Instagram,
        Context::Post,
    );
    assert!(r.verdicts.pitch);
}
