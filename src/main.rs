//! `rapport`: the engine on the command line.
//!
//! ```text
//! rapport check [TEXT | -] [--platform P] [--context post|reply] [--config FILE] [--json]
//! rapport batch [--config FILE]          JSON Lines in, one report per line out
//! rapport eval FILE.tsv...               metrics on label<TAB>text evaluation sets
//! rapport rules                          the rule registry as JSON
//! ```

#![forbid(unsafe_code)]

mod cli;

fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}
