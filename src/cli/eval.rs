//! `rapport eval`: the engine's verdicts against human-labelled `label<TAB>text` sets.
//!
//! The task is the first word of the file name (`question.tweetact-dev.tsv` → `question`).
//! A line break inside a text is written ` \n `; the tweet sets keep Twitter's HTML escapes
//! (`&amp;`), which are decoded here because a compose box never contains them.

use super::stats::pearson;
use super::Args;
use rapport::{Engine, Options, Report};
use std::path::Path;

/// A task: how to read the label, which verdict to compare, which metric, which target.
struct Task {
    name: &'static str,
    metric: &'static str,
    /// Required value (issue #3's quality table).
    target: f64,
    /// `--gate` fails below this. It equals the target where the engine meets it; where it
    /// does not yet, it sits just under today's measured value, so a regression still fails CI
    /// while the gap to the target stays printed on every run.
    floor: f64,
}

const TASKS: &[Task] = &[
    Task {
        name: "sentiment-intensity",
        metric: "pearson_r",
        target: 0.88,
        floor: 0.88,
    },
    Task {
        name: "sentiment",
        metric: "macro_recall",
        target: 0.62,
        floor: 0.62,
    },
    Task {
        name: "question",
        metric: "f1",
        target: 0.85,
        floor: 0.80,
    },
    Task {
        name: "invites",
        metric: "f1",
        target: 0.70,
        floor: 0.70,
    },
    Task {
        name: "promo",
        metric: "f1",
        target: 0.90,
        floor: 0.90,
    },
    Task {
        name: "offensive",
        metric: "macro_f1",
        target: 0.72,
        floor: 0.72,
    },
];

/// Undoes the sets' escaping: ` \n ` line breaks, HTML entities and literal `\uXXXX` escapes
/// (TweetEval keeps some, e.g. `doesn\u2019t`).
pub(super) fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("\\u") {
        out.push_str(&rest[..i]);
        let hex = rest
            .get(i + 2..i + 6)
            .filter(|h| h.chars().all(|c| c.is_ascii_hexdigit()));
        match hex
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32)
        {
            Some(c) => {
                out.push(c);
                rest = &rest[i + 6..];
            }
            None => {
                out.push_str("\\u");
                rest = &rest[i + 2..];
            }
        }
    }
    out.push_str(rest);
    out.replace(" \\n ", "\n")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Precision, recall and F1 of `class` over (gold, predicted) pairs.
fn prf(pairs: &[(String, String)], class: &str) -> (f64, f64, f64) {
    let tp = pairs
        .iter()
        .filter(|(g, p)| g == class && p == class)
        .count() as f64;
    let fp = pairs
        .iter()
        .filter(|(g, p)| g != class && p == class)
        .count() as f64;
    let fn_ = pairs
        .iter()
        .filter(|(g, p)| g == class && p != class)
        .count() as f64;
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn yes(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

/// The prediction for a task, as a label comparable to the gold one.
fn predict(task: &str, r: &Report) -> String {
    match task {
        "sentiment" => r.verdicts.sentiment.label.to_string(),
        "question" => yes(r.verdicts.question),
        "invites" => yes(r.verdicts.invites_reply),
        "promo" => yes(r.verdicts.pitch),
        "offensive" => yes(r.verdicts.aggressive),
        _ => unreachable!("task list is closed"),
    }
}

pub struct Outcome {
    pub file: String,
    pub metric: &'static str,
    pub value: f64,
    pub target: f64,
    pub floor: f64,
    pub rows: usize,
    pub detail: String,
}

pub fn evaluate(engine: &Engine, path: &Path, show_errors: usize) -> Result<Outcome, String> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let task_name = name.split('.').next().unwrap_or("");
    let task = TASKS.iter().find(|t| t.name == task_name).ok_or_else(|| {
        format!("{name}: unknown task `{task_name}` (file names start with the task)")
    })?;
    let src = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut golds = Vec::new();
    let mut texts = Vec::new();
    for (n, line) in src.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let (label, text) = line
            .split_once('\t')
            .ok_or_else(|| format!("{name}:{}: expected label<TAB>text", n + 1))?;
        golds.push(label.to_string());
        texts.push(decode(text));
    }
    if texts.is_empty() {
        return Err(format!("{name}: no rows"));
    }
    // The sets' own setting: YouTube comments are replies on YouTube; the rest are tweets.
    let opts = match task.name {
        "promo" => Options {
            platform: Some(rapport::Platform::Youtube),
            context: Some(rapport::Context::Reply),
            brief: true,
        },
        _ => Options {
            platform: Some(rapport::Platform::X),
            context: Some(rapport::Context::Post),
            brief: true,
        },
    };
    let reports: Vec<Report> = texts.iter().map(|t| engine.analyze(t, &opts)).collect();
    let (value, detail) = match task.name {
        "sentiment-intensity" => {
            let ys: Vec<f64> = golds
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    g.parse()
                        .map_err(|_| format!("{name}:{}: label {g:?} is not a number", i + 1))
                })
                .collect::<Result<_, _>>()?;
            let xs: Vec<f64> = reports
                .iter()
                .map(|r| r.verdicts.sentiment.score as f64)
                .collect();
            if show_errors > 0 {
                // The largest disagreements, on the gold scale (−4..4 → −1..1).
                let mut gaps: Vec<(f64, usize)> = xs
                    .iter()
                    .zip(&ys)
                    .enumerate()
                    .map(|(i, (x, y))| ((x - y / 4.0).abs(), i))
                    .collect();
                gaps.sort_by(|a, b| b.0.total_cmp(&a.0));
                for &(_, i) in gaps.iter().take(show_errors) {
                    eprintln!(
                        "{name}\tgold={:.2}\tpredicted={:.2}\t{}",
                        ys[i],
                        xs[i],
                        texts[i].replace('\n', " / ")
                    );
                }
            }
            (pearson(&xs, &ys), String::new())
        }
        t => {
            let pairs: Vec<(String, String)> = golds
                .iter()
                .cloned()
                .zip(reports.iter().map(|r| predict(t, r)))
                .collect();
            if show_errors > 0 {
                let wrong = pairs.iter().zip(&texts).filter(|((g, p), _)| g != p);
                for ((g, p), text) in wrong.take(show_errors) {
                    eprintln!(
                        "{name}\tgold={g}\tpredicted={p}\t{}",
                        text.replace('\n', " / ")
                    );
                }
            }
            match task.metric {
                "f1" => {
                    let (p, r, f) = prf(&pairs, "yes");
                    (f, format!("precision {p:.3} recall {r:.3}"))
                }
                "macro_f1" => {
                    let (_, _, f1) = prf(&pairs, "yes");
                    let (_, _, f0) = prf(&pairs, "no");
                    ((f1 + f0) / 2.0, format!("F1 yes {f1:.3} no {f0:.3}"))
                }
                "macro_recall" => {
                    let classes = ["positive", "neutral", "negative"];
                    let recalls: Vec<f64> = classes.iter().map(|c| prf(&pairs, c).1).collect();
                    let detail = classes
                        .iter()
                        .zip(&recalls)
                        .map(|(c, r)| format!("{c} {r:.3}"))
                        .collect::<Vec<_>>()
                        .join(" ");
                    (
                        recalls.iter().sum::<f64>() / 3.0,
                        format!("recall {detail}"),
                    )
                }
                _ => unreachable!(),
            }
        }
    };
    Ok(Outcome {
        file: name.to_string(),

        metric: task.metric,
        value,
        target: task.target,
        floor: task.floor,
        rows: texts.len(),
        detail,
    })
}

pub fn run(args: &Args) -> Result<i32, String> {
    if args.positional.is_empty() {
        return Err("eval needs one or more label<TAB>text (.tsv) or draft (.jsonl) files".into());
    }
    let engine = super::engine(args)?;
    let (drafts, sets): (Vec<&str>, Vec<&str>) = args
        .positional
        .iter()
        .map(String::as_str)
        .partition(|p| p.ends_with(".jsonl"));
    let mut failed = 0;
    if !sets.is_empty() {
        out!(
            "{:<40} {:>6} {:<13} {:>7} {:>7}  detail",
            "file",
            "rows",
            "metric",
            "value",
            "target"
        );
    }
    for path in &sets {
        let o = evaluate(&engine, Path::new(path), args.show_errors)?;
        let pass = o.value >= o.target;
        if o.value < o.floor {
            failed += 1;
        }
        out!(
            "{:<40} {:>6} {:<13} {:>7.3} {:>7.2}  {} {}",
            o.file,
            o.rows,
            o.metric,
            o.value,
            o.target,
            if pass {
                "ok  "
            } else if o.value >= o.floor {
                "BELOW target (above floor)"
            } else {
                "BELOW FLOOR"
            },
            o.detail
        );
    }
    if !drafts.is_empty() && !super::drafts::run(&engine, &drafts, args)? {
        failed += 1;
    }
    if args.gate && failed > 0 {
        eprintln!("rapport eval: {failed} set(s) below their floor (quality regressed)");
        return Ok(1);
    }
    Ok(0)
}
