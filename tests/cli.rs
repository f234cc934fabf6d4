//! The `rapport` command line: check, batch, eval and rules, as a user runs them.

use std::io::{Read, Write};
use std::process::{Command, Output, Stdio};

fn rapport(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the rapport binary runs");
    let mut input = child.stdin.take().unwrap();
    let text = stdin.to_string();
    let writer = std::thread::spawn(move || input.write_all(text.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn check_puts_carets_under_the_words_with_message_and_why() {
    let o = rapport(
        &[
            "check",
            "We are thrilled to announce our new product! BUY NOW!!!",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        !out.contains('\x1b'),
        "no colour when not a terminal: {out}"
    );
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("[pitch.call_to_action]"))
        .unwrap_or_else(|| panic!("a call to action hint: {out}"));
    assert!(lines[at].starts_with("warning: "), "{}", lines[at]);
    let text_line = lines[at + 1];
    let carets = lines[at + 2];
    let col = carets.find('^').unwrap();
    let width = carets.matches('^').count();
    assert_eq!(
        &text_line[col..col + width],
        "BUY NOW",
        "{text_line}\n{carets}"
    );
    assert!(
        lines[at + 3].starts_with("     = why: "),
        "{}",
        lines[at + 3]
    );
    for field in ["tone ", "invites ", "focus ", "length ", "score "] {
        assert!(out.contains(field), "{field:?} in {out}");
    }
    assert!(out.contains("/280 on x"), "{out}");
}

#[test]
fn check_reads_standard_input_and_prints_json_for_the_platform() {
    let o = rapport(
        &[
            "check",
            "-",
            "--json",
            "--platform",
            "bluesky",
            "--context",
            "reply",
        ],
        "What do you think of the new version?",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(r["platform"], "bluesky");
    assert_eq!(r["context"], "reply");
    assert_eq!(r["counter"]["unit"], "graphemes");
    assert_eq!(r["counter"]["limit"], 300);
    assert_eq!(r["verdicts"]["question"], true);
    assert_eq!(r["verdicts"]["invites_reply"], true);
}

#[test]
fn settings_errors_name_the_field_and_exit_2() {
    let dir = std::env::temp_dir().join(format!("rapport-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("settings.json");
    std::fs::write(&file, r#"{"rule_sets": {"tone": "maybe"}}"#).unwrap();
    let o = rapport(&["check", "--config", file.to_str().unwrap(), "hello"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("rule_sets.tone"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());

    let o = rapport(&["check", "--platform", "myspace", "hello"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("myspace"), "{}", stderr(&o));

    let o = rapport(&["frobnicate"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown command"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn batch_answers_every_line_in_order_and_reports_a_bad_one_in_place() {
    let input = [
        r#"{"text": "Congrats on the launch! What was the hardest part?", "platform": "x"}"#,
        r#"{"text": "missing quote}"#,
        "",
        r#"{"text": "New post", "platform": "mastodon"}"#,
        r#"{"platform": "x"}"#,
    ]
    .join("\n");
    let o = rapport(&["batch"], &input);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "blank lines are skipped: {}", stdout(&o));
    assert_eq!(lines[0]["platform"], "x");
    assert_eq!(lines[0]["verdicts"]["question"], true);
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["platform"], "mastodon");
    assert_eq!(lines[3]["line"], 5, "a line without text is an error too");
    assert!(stderr(&o).contains("2 malformed line(s)"), "{}", stderr(&o));
}

#[test]
fn eval_prints_the_metric_per_file_and_gates_on_it() {
    let dir = std::env::temp_dir().join(format!("rapport-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("question.handmade.tsv");
    std::fs::write(
        &file,
        "yes\tWhat do you think of the new design?\n\
         yes\tAre you coming to the meetup tonight?\n\
         no\tThe meeting is at noon.\n\
         no\tLoved the show last night.\n",
    )
    .unwrap();
    let o = rapport(&["eval", file.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let row = out
        .lines()
        .find(|l| l.starts_with("question.handmade.tsv"))
        .unwrap_or_else(|| panic!("a row for the file: {out}"));
    assert!(row.contains(" f1 ") && row.contains("1.000"), "{row}");

    // Every prediction wrong: the gate fails.
    std::fs::write(
        &file,
        "no\tWhat do you think of the new design?\nyes\tThe meeting is at noon.\n",
    )
    .unwrap();
    let o = rapport(&["eval", file.to_str().unwrap(), "--gate"], "");
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));

    let unknown = dir.join("horoscope.tsv");
    std::fs::write(&unknown, "yes\tanything\n").unwrap();
    let o = rapport(&["eval", unknown.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("horoscope"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn rules_lists_every_rule_with_its_description() {
    let o = rapport(&["rules"], "");
    assert_eq!(o.status.code(), Some(0));
    let rules: Vec<serde_json::Value> = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(rules.len() >= 20, "{}", rules.len());
    assert!(rules
        .iter()
        .all(|r| r["id"].is_string() && r["description"].is_string()));
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // `rapport batch | head -1`: once the reader has gone, rapport stops quietly.
    let mut child = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .arg("batch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let line = format!(
            "{{\"text\": \"{}\"}}\n",
            "Buy now!!! What do you think? ".repeat(20)
        );
        for _ in 0..20_000 {
            if input.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    writer.join().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}

/// `rapport eval` on hand-judged drafts: a fitting card, a false alarm, a miss and a repeat are
/// each counted where they belong.
#[test]
fn eval_judges_drafts_against_the_coach() {
    let dir = std::env::temp_dir().join(format!("rapport-drafts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("t.jsonl");
    let drafts = [
        // Fits: the call to buy on its words. Nothing else expected or allowed.
        r#"{"id": "t-001", "platform": "x", "context": "reply", "kind": "brand", "text": "Great question. Buy now before it sells out", "expect": [{"rule": "pitch.call_to_action", "words": ["Buy now"]}], "allow": ["pitch"], "band": [10, 40]}"#,
        // A warm reply: any finding is a false alarm; the expected question is missed.
        r#"{"id": "t-002", "platform": "x", "context": "reply", "kind": "personal", "text": "This is SO GOOD", "expect": [{"rule": "invites_reply.closed"}], "band": [70, 90]}"#,
    ];
    std::fs::write(&file, drafts.join("\n")).unwrap();
    let o = rapport(&["eval", file.to_str().unwrap(), "--show-errors", "20"], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let figure = |name: &str| -> f64 {
        let line = out
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name} in {out}"));
        line[name.len()..]
            .split_whitespace()
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    assert_eq!(figure("drafts judged by hand:"), 2.0, "{out}");
    assert_eq!(figure("missed / expected"), 0.5, "{out}");
    // "SO GOOD" in capitals is the one false alarm, in one of two drafts.
    assert_eq!(figure("false_alarms_per_draft"), 0.5, "{out}");
    assert!(
        stderr(&o).contains("t-002\tfalse alarm shouting.caps"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("t-002\tmissed invites_reply.closed"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// The comment-spam model in the repository is what `rapport train-promo` makes of the labelled
/// comments beside it: retrained byte for byte (when the sets are there, as in CI).
#[test]
fn the_spam_model_is_reproducible_from_its_data() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let sets = ["promo.youtube01.tsv", "promo.youtube02.tsv"].map(|f| data.join(f));
    if !sets.iter().all(|p| p.exists()) {
        eprintln!("skipped: no labelled comments at {}", data.display());
        return;
    }
    let args: Vec<&str> = std::iter::once("train-promo")
        .chain(sets.iter().map(|p| p.to_str().unwrap()))
        .collect();
    let o = rapport(&args, "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let committed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/data/model/promo.tsv"),
    )
    .unwrap();
    assert!(
        stdout(&o) == committed,
        "src/data/model/promo.tsv is stale: run `target/release/rapport train-promo ../shared/data/promo.youtube0*.tsv > src/data/model/promo.tsv`"
    );
}
