//! The CLI's commands. Exit codes: 0 ok, 1 a failed check (eval gate), 2 bad usage or input.

/// `println!` for the commands that print tables: a closed standard output (`| head`) returns
/// from the command with [`OUTPUT_CLOSED`] instead of a panic.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout(), $($arg)*).map_err(super::io_error)?
    }};
}

mod check;
mod drafts;
mod eval;
mod stats;
mod train;

use rapport::{Config, Context, Engine, Options, Platform};
use std::io::{Read, Write};

pub const USAGE: &str = "\
usage:
  rapport check [TEXT | -] [--platform P] [--context post|reply] [--config FILE] [--json]
  rapport batch [--config FILE]      JSON Lines in ({\"text\": ..., \"platform\": ..., \"context\": ...}),
                                     one report (or {\"error\": ...}) per line out, same order
  rapport eval FILE.tsv|FILE.jsonl... [--gate] [--show-errors N]
                                     metrics on label<TAB>text sets and hand-judged drafts
                                     (tests/drafts/*.jsonl); --gate fails below the floors
  rapport rules                      every rule with its description and default, as JSON
  rapport train-promo FILE.tsv...    trains the comment-spam model on yes/no<TAB>text comments
                                     and prints it (src/data/model/promo.tsv)
platforms: x linkedin facebook instagram threads bluesky mastodon reddit youtube tumblr pinterest";

pub struct Args {
    pub positional: Vec<String>,
    pub platform: Option<Platform>,
    pub context: Option<Context>,
    pub config: Option<String>,
    pub json: bool,
    pub gate: bool,
    /// `eval --show-errors N`: print up to N misjudged rows per set to stderr.
    pub show_errors: usize,
}

fn parse_args(raw: Vec<String>) -> Result<Args, String> {
    let mut a = Args {
        positional: vec![],
        platform: None,
        context: None,
        config: None,
        json: false,
        gate: false,
        show_errors: 0,
    };
    let mut it = raw.into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--platform" => {
                let v = value("--platform")?;
                a.platform = Some(Platform::from_id(&v).ok_or(format!("unknown platform `{v}`"))?);
            }
            "--context" => {
                a.context = Some(match value("--context")?.as_str() {
                    "post" => Context::Post,
                    "reply" => Context::Reply,
                    v => return Err(format!("unknown context `{v}` (post or reply)")),
                })
            }
            "--config" => a.config = Some(value("--config")?),
            "--json" => a.json = true,
            "--gate" => a.gate = true,
            "--show-errors" => {
                let v = value("--show-errors")?;
                a.show_errors = v
                    .parse()
                    .map_err(|_| format!("--show-errors takes a number, not `{v}`"))?;
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option `{s}`")),
            _ => a.positional.push(arg),
        }
    }
    Ok(a)
}

fn engine(args: &Args) -> Result<Engine, String> {
    let config = match &args.config {
        Some(path) => {
            let json =
                std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            Config::from_json(&json).map_err(|e| format!("{path}: {e}"))?
        }
        None => Config::default(),
    };
    Engine::new(config).map_err(|e| e.to_string())
}

pub fn options(args: &Args) -> Options {
    Options {
        platform: args.platform,
        context: args.context,
        brief: false,
    }
}

pub fn run(raw: Vec<String>) -> i32 {
    let Some((cmd, rest)) = raw.split_first() else {
        eprintln!("{USAGE}");
        return 2;
    };
    let args = match parse_args(rest.to_vec()) {
        Ok(a) => a,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return 0;
        }
        Err(e) => {
            eprintln!("rapport: {e}\n{USAGE}");
            return 2;
        }
    };
    let result = match cmd.as_str() {
        "check" => engine(&args).and_then(|e| {
            let text = match args.positional.as_slice() {
                [] => read_stdin()?,
                [t] if t == "-" => read_stdin()?,
                [t] => t.clone(),
                _ => return Err("check takes one text (quote it) or - for standard input".into()),
            };
            check::run(&e, &text, &args)
        }),
        "batch" => engine(&args).and_then(|e| check::batch(&e)),
        "eval" => eval::run(&args),
        "train-promo" => train::run(&args.positional).and_then(|model| {
            write!(std::io::stdout(), "{model}")
                .map(|()| 0)
                .map_err(io_error)
        }),
        "rules" => {
            let json = serde_json::to_string_pretty(rapport::rules::registry())
                .expect("registry serialises");
            writeln!(std::io::stdout(), "{json}")
                .map(|()| 0)
                .map_err(io_error)
        }
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(0)
        }
        other => Err(format!("unknown command `{other}`")),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`rapport rules | head`): nothing is left to say to it.
        Err(e) if e == OUTPUT_CLOSED => 0,
        Err(e) => {
            eprintln!("rapport: {e}");
            2
        }
    }
}

/// The error of a command whose standard output was closed by its reader.
const OUTPUT_CLOSED: &str = "standard output closed";

/// An output error as the message `run` prints, or [`OUTPUT_CLOSED`] for a broken pipe.
fn io_error(e: std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        OUTPUT_CLOSED.to_string()
    } else {
        format!("cannot write the output: {e}")
    }
}

fn json_error(e: serde_json::Error) -> String {
    match e.io_error_kind() {
        Some(kind) => io_error(kind.into()),
        None => e.to_string(),
    }
}

fn read_stdin() -> Result<String, String> {
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    Ok(s)
}
