//! The layout table in `src/lib.rs` is a rule, not a description: each
//! module imports from the crate only what its row's "may use" column
//! names. These tests read the sources and fail on the first import the
//! table does not allow, so the table stays true and each concern keeps
//! its one room (issue "One door per concern").

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Module → the modules its row allows, from the table in `src/lib.rs`.
fn table() -> BTreeMap<String, BTreeSet<String>> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let mut rows = BTreeMap::new();
    for line in lib.lines().filter_map(|l| l.strip_prefix("//! | [`")) {
        let (module, rest) = line.split_once("`]").unwrap();
        let may_use = rest.trim_end_matches('|').rsplit('|').next().unwrap().trim();
        let allowed = match may_use {
            "—" => BTreeSet::new(),
            list => list.split(',').map(|m| m.trim().to_string()).collect(),
        };
        rows.insert(module.to_string(), allowed);
    }
    rows
}

/// Every `.rs` file of a top-level module (a file or a directory).
fn files_of(module: &str) -> Vec<PathBuf> {
    let file = src().join(format!("{module}.rs"));
    if file.exists() {
        return vec![file];
    }
    let mut out = Vec::new();
    let mut dirs = vec![src().join(module)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out
}

/// The code of a file without its comments (doc comments name modules
/// freely).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().map(|l| l.split("//").next().unwrap()).collect::<Vec<_>>().join("\n")
}

/// The crate's top-level modules a piece of code names: `crate::x` and
/// `use crate::{x, y::z}`.
fn crate_modules(code: &str) -> BTreeSet<String> {
    let ident = |s: &str| s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>();
    let mut found = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            found.extend(inner.split(',').map(|item| ident(item.trim())).filter(|m| !m.is_empty()));
        } else {
            found.insert(ident(rest));
        }
    }
    found
}

#[test]
fn every_module_imports_only_what_the_layout_table_allows() {
    let table = table();
    assert!(table.len() >= 15, "the layout table in src/lib.rs has too few rows: {table:?}");
    let mut broken = Vec::new();
    for (module, allowed) in &table {
        for file in files_of(module) {
            for used in crate_modules(&code(&file)) {
                if used != *module && !allowed.contains(&used) {
                    broken.push(format!("{} uses crate::{used}", file.strip_prefix(src()).unwrap().display()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "imports the layout table in src/lib.rs does not allow:\n{}", broken.join("\n"));
}

#[test]
fn every_module_of_the_crate_has_a_row() {
    let table = table();
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let declared: Vec<&str> = lib.lines().filter_map(|l| l.strip_prefix("pub mod ")?.strip_suffix(';')).collect();
    let missing: Vec<_> = declared.iter().filter(|m| !table.contains_key(**m)).collect();
    assert!(missing.is_empty(), "modules without a row in the layout table: {missing:?}");
}

#[test]
fn only_store_and_replication_reach_berkeley_db_through_the_store() {
    let mut broken = Vec::new();
    for module in table().keys().filter(|m| !["store", "replication", "bdb"].contains(&m.as_str())) {
        for file in files_of(module) {
            if code(&file).contains(".env()") {
                broken.push(file.strip_prefix(src()).unwrap().display().to_string());
            }
        }
    }
    assert!(broken.is_empty(), "Store::env() called outside store/ and replication/: {broken:?}");
}

#[test]
fn the_import_reader_sees_grouped_and_plain_paths() {
    let seen = crate_modules("use crate::{logging, systemd::x};\nlet a = crate::store::Store::open();");
    assert_eq!(seen, ["logging", "store", "systemd"].map(String::from).into_iter().collect());
}
