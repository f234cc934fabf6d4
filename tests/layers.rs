//! The crate's layers, checked from its imports: each module uses only modules of its own layer
//! or below, and no modules import each other in a cycle (a parent and its own child aside).
//! The same reading as `../shared/tools/module-cycles.py`: `crate::` and `super::` paths outside
//! `#[cfg(test)] mod` blocks and comments.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Bottom to top (see `src/lib.rs`). A module's layer is that of its top-level module.
const LAYERS: &[(&str, &[&str])] = &[
    ("kinds", &["kinds", "sort"]),
    ("text", &["text"]),
    ("data", &["data"]),
    ("config", &["config"]),
    ("signals", &["signals"]),
    ("rules", &["rules"]),
    ("report", &["report"]),
    ("engine", &["engine"]),
    ("facades", &["", "wasm", "cli"]),
];

fn layer_of(module: &str) -> usize {
    let top = module.split("::").next().unwrap_or("");
    LAYERS
        .iter()
        .position(|(_, tops)| tops.contains(&top))
        .unwrap_or_else(|| panic!("module `{module}` has no layer: add it to LAYERS"))
}

/// Every module of `src/` by path (`rules::pitch`), with its source.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, src: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, src, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(src).unwrap().with_extension("");
                let mut parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if matches!(
                    parts.last().map(String::as_str),
                    Some("mod" | "lib" | "main")
                ) {
                    parts.pop();
                }
                out.insert(parts.join("::"), std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    walk(&src, &src, &mut out);
    out
}

/// The source without `#[cfg(test)] mod name { … }` blocks and `//` comments.
fn strip(source: &str) -> String {
    let mut text = source.to_string();
    let mut from = 0;
    while let Some(found) = text[from..].find("#[cfg(test)]") {
        let at = from + found;
        let after = &text[at + "#[cfg(test)]".len()..];
        // `mod`, a name, then the block (`mod tests;` has none: it is its own file).
        let block = after.trim_start().strip_prefix("mod ").and_then(|r| {
            let name = r.trim_start();
            let rest = name.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
            (rest.len() < name.len()).then_some(rest.trim_start())
        });
        let Some(open) = block.filter(|b| b.starts_with('{')) else {
            from = at + 1;
            continue;
        };
        let start = text.len() - open.len();
        let mut depth = 0;
        let mut end = text.len();
        for (i, c) in text[start..].char_indices() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            if depth == 0 {
                end = start + i + 1;
                break;
            }
        }
        text.replace_range(at..end, "");
        from = at;
    }
    text.lines()
        .map(|l| l.find("//").map_or(l, |i| &l[..i]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The longest known module a path names (`rules::pitch::check` → `rules::pitch`).
fn resolve(path: &str, known: &BTreeMap<String, String>) -> Option<String> {
    let parts: Vec<&str> = path.split("::").collect();
    (1..=parts.len())
        .rev()
        .map(|k| parts[..k].join("::"))
        .find(|m| known.contains_key(m))
}

/// Paths after `prefix` in `text`: `crate::a::b`, and the items of `crate::{a, b::c}`.
fn paths_after<'t>(text: &'t str, prefix: &str) -> Vec<&'t str> {
    let mut out = Vec::new();
    let ident = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
    for (at, _) in text.match_indices(prefix) {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = &text[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The items at the group's own depth: `b` of `b::{c, d}`.
            let (mut depth, mut start) = (0, 0);
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        out.push(group[start..i].split("::{").next().unwrap_or("").trim());
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(group[start..i].split("::{").next().unwrap_or("").trim());
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            let end = rest.find(|c: char| !ident(c)).unwrap_or(rest.len());
            out.push(rest[..end].trim_end_matches(':'));
        }
    }
    out
}

/// Module → the modules it imports (not itself, not its ancestors or descendants).
fn edges(mods: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let related = |a: &str, b: &str| {
        a.is_empty()
            || b.is_empty()
            || a.starts_with(&format!("{b}::"))
            || b.starts_with(&format!("{a}::"))
    };
    let mut all = BTreeMap::new();
    for (m, source) in mods {
        let text = strip(source);
        let parent = m.rsplit_once("::").map_or("", |(p, _)| p);
        let mut targets = BTreeSet::new();
        for p in paths_after(&text, "crate::") {
            targets.extend(resolve(p, mods));
        }
        for p in paths_after(&text, "super::") {
            let full = if parent.is_empty() {
                p.to_string()
            } else {
                format!("{parent}::{p}")
            };
            targets.extend(resolve(&full, mods));
        }
        targets.retain(|t| t != m && !related(m, t));
        all.insert(m.clone(), targets);
    }
    all
}

#[test]
fn every_module_imports_only_its_own_layer_or_below() {
    let mods = modules();
    let mut wrong = Vec::new();
    for (m, targets) in edges(&mods) {
        for t in targets {
            if layer_of(&t) > layer_of(&m) {
                wrong.push(format!(
                    "{m} ({}) imports {t} ({})",
                    LAYERS[layer_of(&m)].0,
                    LAYERS[layer_of(&t)].0
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_module_cycles() {
    let mods = modules();
    let graph = edges(&mods);
    // A cycle is a path back to where it started: depth-first, with the path on a stack.
    fn visit<'g>(
        m: &'g str,
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'g str>,
        done: &mut BTreeSet<&'g str>,
        cycles: &mut Vec<String>,
    ) {
        if let Some(at) = path.iter().position(|p| *p == m) {
            cycles.push(format!("{} -> {m}", path[at..].join(" -> ")));
            return;
        }
        if !done.insert(m) {
            return;
        }
        path.push(m);
        for t in &graph[m] {
            visit(t, graph, path, done, cycles);
        }
        path.pop();
    }
    let mut cycles = Vec::new();
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        visit(m, &graph, &mut Vec::new(), &mut done, &mut cycles);
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
    // The reading finds the imports there are: it would pass on anything if it found none.
    assert!(graph["rules::invites_reply"].contains("signals::questions"));
    assert!(graph["signals::questions"].contains("data"));
    assert!(graph.values().map(BTreeSet::len).sum::<usize>() > 60);
}

#[test]
fn the_reading_sees_groups_tests_and_comments() {
    let text = strip(
        "use crate::{a, b::{c, d}};\n// use crate::e;\n#[cfg(test)]\nmod tests { use crate::f; }\nuse super::g;\n#[cfg(test)]\nmod file;\nuse crate::h;",
    );
    assert_eq!(paths_after(&text, "crate::"), ["a", "b", "h"]);
    assert_eq!(paths_after(&text, "super::"), ["g"]);
    assert!(paths_after("use $crate::rules;", "crate::").is_empty());
}
