//! `rapport check` (human diagnostics) and `rapport batch` (JSON Lines).

use super::Args;
use rapport::Severity;
use rapport::{Context, Engine, Options, Platform, Report};
use std::io::{BufRead, IsTerminal, Write};

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn severity(&self, sev: Severity) -> String {
        match sev {
            Severity::Warning => self.paint("1;33", "warning"),
            Severity::Suggestion => self.paint("1;36", "suggestion"),
            Severity::Info => self.paint("1;34", "info"),
        }
    }
}

pub fn run(engine: &Engine, text: &str, args: &Args) -> Result<i32, String> {
    let report = engine.analyze(text, &super::options(args));
    let out = std::io::stdout();
    let mut out = out.lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report).map_err(super::json_error)?;
        writeln!(out).map_err(super::io_error)?;
    } else {
        let style = Style {
            on: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        };
        render(&mut out, text, &report, &style).map_err(super::io_error)?;
    }
    Ok(0)
}

/// Characters of context shown either side of a hint on a line longer than [`LONG_LINE`].
const CONTEXT: usize = 40;
/// Lines longer than this (in characters) are shown as an excerpt around the hint.
const LONG_LINE: usize = 120;
/// The longest stretch of a hint's own words shown on a long line.
const LONG_SPAN: usize = 80;

/// The part of a line shown above a hint's carets, and where the carets go, in terminal
/// columns (an emoji or a CJK character takes two).
#[derive(Debug, PartialEq)]
struct Excerpt {
    text: String,
    column: usize,
    width: usize,
}

impl Excerpt {
    /// `start..end`: the hint's bytes within `line` (on character boundaries).
    fn new(line: &str, start: usize, end: usize) -> Excerpt {
        use unicode_width::UnicodeWidthStr;
        // Byte offset `n` characters before or after `at` (clamped to the line).
        let back = |at: usize, n: usize| {
            line[..at]
                .char_indices()
                .rev()
                .nth(n.saturating_sub(1))
                .map_or(0, |(i, _)| i)
        };
        let ahead = |at: usize, n: usize| {
            line[at..]
                .char_indices()
                .nth(n)
                .map_or(line.len(), |(i, _)| at + i)
        };
        let (from, shown_end, to) = if line.chars().count() <= LONG_LINE {
            (0, end, line.len())
        } else {
            let shown_end = end.min(ahead(start, LONG_SPAN));
            (back(start, CONTEXT), shown_end, ahead(shown_end, CONTEXT))
        };
        let lead = if from > 0 { "…" } else { "" };
        let tail = if to < line.len() { "…" } else { "" };
        Excerpt {
            text: format!("{lead}{}{tail}", &line[from..to]),
            column: lead.width() + line[from..start].width(),
            width: line[start..shown_end].width().max(1),
        }
    }
}

/// Diagnostics in the compiler style: the line, carets under the words, the message and why.
fn render(out: &mut impl Write, text: &str, report: &Report, st: &Style) -> std::io::Result<()> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    for h in &report.hints {
        writeln!(
            out,
            "{}: {} {}",
            st.severity(h.severity),
            h.message,
            st.paint("2", &format!("[{}]", h.rule))
        )?;
        // Every span of the finding, line by line: a short line once with carets under each of
        // its spans, a long one as an excerpt around each.
        let mut spans: Vec<rapport::Span> = h.spans().collect();
        spans.sort();
        let mut i = 0;
        while i < spans.len() {
            let line_no = line_starts.partition_point(|&s| s <= spans[i].start) - 1;
            let line_start = line_starts[line_no];
            let line_end = text[line_start..]
                .find('\n')
                .map_or(text.len(), |i| line_start + i);
            let line = text[line_start..line_end].trim_end_matches('\r');
            let on_line = spans[i..]
                .iter()
                .take_while(|s| s.start <= line_end)
                .count();
            let excerpts: Vec<Excerpt> = spans[i..i + on_line]
                .iter()
                .map(|s| {
                    let start = (s.start - line_start).min(line.len());
                    Excerpt::new(line, start, (s.end - line_start).clamp(start, line.len()))
                })
                .collect();
            let gutter = st.paint("2", &format!("{:>4}", line_no + 1));
            if line.chars().count() <= LONG_LINE {
                let mut carets = String::new();
                for e in &excerpts {
                    let col = e.column.max(carets.chars().count());
                    carets.push_str(&" ".repeat(col - carets.chars().count()));
                    carets.push_str(&"^".repeat(e.width));
                }
                let lead = carets.len() - carets.trim_start().len();
                writeln!(out, "{gutter} | {line}")?;
                writeln!(
                    out,
                    "     | {}{}",
                    &carets[..lead],
                    st.paint("1;35", carets.trim_start())
                )?;
            } else {
                for e in &excerpts {
                    writeln!(out, "{gutter} | {}", e.text)?;
                    writeln!(
                        out,
                        "     | {}{}",
                        " ".repeat(e.column),
                        st.paint("1;35", &"^".repeat(e.width))
                    )?;
                }
            }
            i += on_line;
        }
        writeln!(out, "     = why: {}", h.why)?;
        for f in &h.fixes {
            if f.span.is_empty() && f.span.start == h.span.end {
                // An insertion after the finding's words: shown with them.
                writeln!(
                    out,
                    "     = try: {}{}",
                    &text[h.span.start..h.span.end],
                    f.text
                )?;
            } else if h.fixes.len() == 1 && f.span == h.span {
                writeln!(out, "     = try: {}", f.text)?;
            } else {
                writeln!(
                    out,
                    "     = try: {} → {}",
                    &text[f.span.start..f.span.end],
                    f.text
                )?;
            }
        }
        writeln!(out)?;
    }
    let v = &report.verdicts;
    let sg = &report.signals;
    let c = &report.counter;
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let limit = c.limit.map_or(String::from("no limit"), |l| l.to_string());
    if !sg.language.english {
        writeln!(out, "language  {} (English rules paused)", sg.language.code)?;
    }
    writeln!(
        out,
        "tone      {} ({:+.2})",
        v.sentiment.label, v.sentiment.score
    )?;
    let q = &sg.questions;
    writeln!(
        out,
        "invites   {} (open {}, closed {}, rhetorical {}, invitations {}, requests {})",
        yes_no(v.invites_reply),
        q.open,
        q.closed,
        q.rhetorical,
        q.invitations,
        q.requests
    )?;
    let sf = &sg.self_focus;
    writeln!(
        out,
        "focus     I {} · we {} · brand {} · you {}{}",
        sf.i,
        sf.we,
        sf.brand,
        sf.you,
        if v.self_focused {
            " (self-focused)"
        } else {
            ""
        }
    )?;
    let flags: Vec<&str> = [
        ("pitch", v.pitch),
        ("aggressive", v.aggressive),
        ("shouting", v.shouting),
    ]
    .iter()
    .filter(|f| f.1)
    .map(|f| f.0)
    .collect();
    if !flags.is_empty() {
        writeln!(out, "flags     {}", flags.join(", "))?;
    }
    writeln!(
        out,
        "length    {}/{} on {}{}",
        c.used,
        limit,
        c.platform.id(),
        if c.over {
            st.paint("1;31", " (over)")
        } else {
            String::new()
        }
    )?;
    writeln!(
        out,
        "score     {}/100 (base {})",
        report.score.value, report.score.base
    )?;
    for f in &report.score.breakdown {
        writeln!(out, "          {:+} {} ({})", f.points, f.factor, f.why)?;
    }
    if report.hints.is_empty() {
        writeln!(out, "{}", st.paint("32", "no hints"))?;
    }
    Ok(())
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BatchLine {
    text: String,
    platform: Option<Platform>,
    context: Option<Context>,
}

/// One report per input line, in order; a bad line yields `{"line": N, "error": ...}`.
pub fn batch(engine: &Engine) -> Result<i32, String> {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut errors = 0;
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.map_err(|e| format!("cannot read standard input: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let json = match serde_json::from_str::<BatchLine>(&line) {
            Ok(b) => {
                let opts = Options {
                    platform: b.platform,
                    context: b.context,
                    brief: false,
                };
                serde_json::to_string(&engine.analyze(&b.text, &opts)).expect("reports serialise")
            }
            Err(e) => {
                errors += 1;
                serde_json::json!({"line": n + 1, "error": e.to_string()}).to_string()
            }
        };
        writeln!(out, "{json}").map_err(super::io_error)?;
    }
    out.flush().map_err(super::io_error)?;
    if errors > 0 {
        eprintln!("rapport batch: {errors} malformed line(s), reported in place");
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carets_count_terminal_columns() {
        // Each emoji is two columns wide: the carets under "launch" start at column 16.
        let line = "I love 😀😀 the launch";
        let at = line.find("launch").unwrap();
        let e = Excerpt::new(line, at, at + "launch".len());
        assert_eq!(e.text, line);
        assert_eq!((e.column, e.width), (16, 6));
        // An empty span still gets one caret.
        assert_eq!(Excerpt::new(line, 0, 0).width, 1);
    }

    #[test]
    fn long_lines_show_an_excerpt_around_the_hint() {
        let line = format!("{}BUY NOW{}", "a ".repeat(500), " b".repeat(500));
        let at = line.find("BUY").unwrap();
        let e = Excerpt::new(&line, at, at + 7);
        assert!(
            e.text.starts_with('…') && e.text.ends_with('…'),
            "{}",
            e.text
        );
        assert_eq!(e.text.chars().count(), 1 + CONTEXT + 7 + CONTEXT + 1);
        assert_eq!(&e.text[e.text.find("BUY").unwrap()..][..7], "BUY NOW");
        assert_eq!((e.column, e.width), (1 + CONTEXT, 7));
        // A hint longer than the excerpt shows its first LONG_SPAN characters.
        let e = Excerpt::new(&line, 0, line.len());
        assert!(!e.text.starts_with('…'));
        assert_eq!((e.column, e.width), (0, LONG_SPAN));
    }
}
