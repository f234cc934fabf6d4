use super::*;
use TokenKind::*;

/// (text, expected tokens as (kind, source text))
fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
    let d = Document::parse(text);
    d.tokens.iter().map(|t| (t.kind, d.slice(t.span))).collect()
}

#[test]
fn token_kinds_table() {
    let cases: &[(&str, &[(TokenKind, &str)])] = &[
        ("Don't stop", &[(Word, "Don't"), (Word, "stop")]),
        (
            "see https://ex.com/a?b=1.",
            &[(Word, "see"), (Url, "https://ex.com/a?b=1"), (Punct, ".")],
        ),
        (
            "(www.example.com)",
            &[(Punct, "("), (Url, "www.example.com"), (Punct, ")")],
        ),
        (
            "go to example.com/launch!",
            &[
                (Word, "go"),
                (Word, "to"),
                (Url, "example.com/launch"),
                (Punct, "!"),
            ],
        ),
        (
            "mail me@example.com",
            &[(Word, "mail"), (Url, "me@example.com")],
        ),
        (
            "hi @you and @bob@mastodon.social",
            &[
                (Word, "hi"),
                (Mention, "@you"),
                (Word, "and"),
                (Mention, "@bob@mastodon.social"),
            ],
        ),
        (
            "#launch_day #1",
            &[(Hashtag, "#launch_day"), (Hashtag, "#1")],
        ),
        (
            "$50 or 50% or 1,000 or 3.5 or €9.99",
            &[
                (Money, "$50"),
                (Word, "or"),
                (Percent, "50%"),
                (Word, "or"),
                (Number, "1,000"),
                (Word, "or"),
                (Number, "3.5"),
                (Word, "or"),
                (Money, "€9.99"),
            ],
        ),
        ("50k users", &[(Number, "50k"), (Word, "users")]),
        (
            "love it :) <3",
            &[
                (Word, "love"),
                (Word, "it"),
                (Emoticon, ":)"),
                (Emoticon, "<3"),
            ],
        ),
        (
            "family 👨‍👩‍👧 flag 🇫🇷 ok👍🏽",
            &[
                (Word, "family"),
                (Emoji, "👨‍👩‍👧"),
                (Word, "flag"),
                (Emoji, "🇫🇷"),
                (Word, "ok"),
                (Emoji, "👍🏽"),
            ],
        ),
        (
            "key 1️⃣ heart ❤️",
            &[(Word, "key"), (Emoji, "1️⃣"), (Word, "heart"), (Emoji, "❤️")],
        ),
        ("e.g. this", &[(Word, "e.g"), (Punct, "."), (Word, "this")]),
        ("naïve café", &[(Word, "naïve"), (Word, "café")]),
        ("a\u{00A0}b", &[(Word, "a"), (Word, "b")]),
        ("© 2026", &[(Punct, "©"), (Number, "2026")]),
    ];
    for (text, want) in cases {
        assert_eq!(&kinds(text), want, "tokens of {text:?}");
    }
}

#[test]
fn sentences_and_terminators() {
    let cases: &[(&str, &[(&str, Terminator)])] = &[
        (
            "Hi there. How are you?",
            &[
                ("Hi there.", Terminator::Period),
                ("How are you?", Terminator::Question),
            ],
        ),
        (
            "Wait what?! No way!!!",
            &[
                ("Wait what?!", Terminator::Interrobang),
                ("No way!!!", Terminator::Exclamation),
            ],
        ),
        (
            "line one\nline two",
            &[
                ("line one", Terminator::None),
                ("line two", Terminator::None),
            ],
        ),
        (
            "Dr. Who is here. Yes",
            &[
                ("Dr. Who is here.", Terminator::Period),
                ("Yes", Terminator::None),
            ],
        ),
        (
            "He said \"go.\" Then left",
            &[
                ("He said \"go.\"", Terminator::Period),
                ("Then left", Terminator::None),
            ],
        ),
        (
            "Visit https://a.co/x?y. Now",
            &[
                ("Visit https://a.co/x?y.", Terminator::Period),
                ("Now", Terminator::None),
            ],
        ),
        ("", &[]),
        ("   \n\n  ", &[]),
    ];
    for (text, want) in cases {
        let d = Document::parse(text);
        let got: Vec<(&str, Terminator)> = d
            .sentences
            .iter()
            .map(|s| (d.slice(s.span), s.terminator))
            .collect();
        assert_eq!(&got, want, "sentences of {text:?}");
    }
}

#[test]
fn quotes_mark_tokens() {
    let d = Document::parse("I said “you idiot” to nobody and \"he is rude\" ok \"unclosed");
    let quoted: Vec<&str> = d
        .tokens
        .iter()
        .filter(|t| t.quoted)
        .map(|t| d.slice(t.span))
        .collect();
    assert_eq!(quoted, ["you", "idiot", "he", "is", "rude"]);
    assert_eq!(d.quotes.len(), 2);
}

/// Single quotes, straight or curly, quote too; apostrophes (don't, students', '90s, rock 'n'
/// roll) do not open or close anything, and a quote does not run past its line.
#[test]
fn single_quotes_quote_and_apostrophes_do_not() {
    // (text, the quoted words)
    let cases: &[(&str, &[&str])] = &[
        ("calling people 'lazy' is a bit much", &["lazy"]),
        (
            "she said ‘you are a joke’ and left",
            &["you", "are", "a", "joke"],
        ),
        ("the students' work, don't worry", &[]),
        ("a '90s kid and a 'real' fan", &["real"]),
        ("it's 'fine' but the boss's 'plan' isn't", &["fine", "plan"]),
        ("no 'closing quote here\nand 'none' here", &["none"]),
        ("rock 'n' roll forever", &[]),
    ];
    for &(text, want) in cases {
        let d = Document::parse(text);
        let quoted: Vec<&str> = d
            .tokens
            .iter()
            .filter(|t| t.quoted && t.kind == TokenKind::Word)
            .map(|t| d.slice(t.span))
            .collect();
        assert_eq!(quoted, want, "{text:?}");
    }
}

#[test]
fn spans_are_on_char_boundaries_for_awkward_text() {
    for text in [
        "e\u{301}té 👩🏽‍💻 中文字 \r\n ok",
        "🇺🇸🇫🇷!!",
        "\u{FEFF}x",
        "@",
        "#",
        "$",
        "%",
        "http://",
        ":)",
        "a@b",
    ] {
        let d = Document::parse(text);
        for t in &d.tokens {
            assert!(
                text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end),
                "{text:?} {t:?}"
            );
            assert!(t.span.start < t.span.end && t.span.end <= text.len());
        }
    }
}

#[test]
fn emoticon_length_bound_covers_the_list() {
    let longest = super::EMOTICONS.iter().map(|e| e.len()).max().unwrap();
    assert!(
        longest <= 4,
        "raise EMOTICON_MAX_LEN in tokenize.rs to {longest}"
    );
}

#[test]
fn folded_parse_gives_the_same_tokens() {
    for text in [
        "Hello World, THIS is GREAT!! Don't @Anna #TBT $50 50% https://Example.com/X",
        "Café DÉJÀ vu: “Quoted WORDS” and it’s FINE, xD :D D: <3",
        "no capitals at all, just words",
        "Well-Known Mock-Ups. Mr. Smith met Dr. Jones at 5 P.M.",
    ] {
        let plain = Document::parse(text);
        let folded = text.to_ascii_lowercase();
        let fast = Document::parse_folded(text, &folded);
        assert_eq!(plain.tokens, fast.tokens, "{text:?}");
        assert_eq!(plain.sentences, fast.sentences, "{text:?}");
        assert_eq!(plain.quotes, fast.quotes, "{text:?}");
    }
}

/// Code (fenced or inline) and lines quoted with ">" are not the writer's own words.
#[test]
fn code_and_quoted_lines_are_quoted() {
    let text = "> you are an absolute moron\nThis was a review I got.\n```\nadd(2, 3)\n```\nI expected `5` here >:(";
    let d = Document::parse(text);
    let quoted: Vec<&str> = d
        .tokens
        .iter()
        .filter(|t| t.quoted && t.kind != TokenKind::Punct)
        .map(|t| d.slice(t.span))
        .collect();
    assert_eq!(
        quoted,
        ["you", "are", "an", "absolute", "moron", "add", "2", "3", "5"]
    );
}
