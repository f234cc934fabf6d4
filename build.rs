//! Checks the tone lexicon (`src/data/lexicon/*.tsv`) and writes its compact form to
//! `$OUT_DIR/lexicon.bin`, which `src/data.rs` compiles in. A bad line fails the build with its
//! file and line. See `src/lexicon.rs` for both the checks and the format.

#[allow(dead_code)]
#[path = "src/lexicon.rs"]
mod lexicon;

fn main() {
    for path in [
        "build.rs",
        "src/lexicon.rs",
        "src/data/lexicon/vader.tsv",
        "src/data/lexicon/emoji.tsv",
        "src/data/lexicon/overrides.tsv",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    let lexicon = lexicon::Lexicon::parse()
        .unwrap_or_else(|e| panic!("src/data/lexicon/{}:{}: {}", e.file, e.line, e.reason));
    let blob = lexicon
        .encode()
        .unwrap_or_else(|e| panic!("src/data/lexicon: {e}"));
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("lexicon.bin");
    std::fs::write(&out, blob).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
