//! `rapport-bindgen IN.wasm OUT_DIR`: the one wasm-bindgen step the build needs
//! (`--target web`, no TypeScript), without installing the whole wasm-bindgen CLI.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() == 1 && args[0] == "--version" {
        println!("rapport-bindgen {}", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    let [input, out_dir] = args.as_slice() else {
        eprintln!("usage: rapport-bindgen IN.wasm OUT_DIR");
        return ExitCode::from(2);
    };
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen
        .input_path(input)
        .typescript(false)
        .out_name("rapport")
        // Function names and toolchain notes are only for debugging; they are ~15 % of the module.
        // RAPPORT_KEEP_NAMES=1 keeps the names, for profiling (node --cpu-prof).
        .remove_name_section(std::env::var_os("RAPPORT_KEEP_NAMES").is_none())
        .remove_producers_section(true)
        // `__wbg_reset_state()`: a fresh instance of the compiled module (fresh memory) after a
        // trap. With `panic = "abort"` a trap leaves the engine's borrow flag set and its memory
        // untrustworthy; extension/lib/engine-host.js calls this and builds the engine again.
        // Objects of the old instance are then inert: their finalizers check the instance id.
        .reset_state_function(true);
    if let Err(err) = bindgen.web(true) {
        eprintln!("rapport-bindgen: {err:#}");
        return ExitCode::FAILURE;
    }
    match bindgen.generate(out_dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("rapport-bindgen: {err:#}");
            ExitCode::FAILURE
        }
    }
}
