//! The operator's docs cannot drift from the code: `docs/events.md` lists
//! exactly the `fish_event`s the code logs, each with exactly the fields
//! its log lines carry.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The arguments of the macro call whose `(` is at `open`, split at
/// top-level commas (strings and brackets respected).
fn macro_args(text: &str, open: usize) -> Vec<String> {
    let bytes = text.as_bytes();
    let (mut depth, mut i, mut args, mut current) = (0i32, open, Vec::new(), String::new());
    while i < bytes.len() {
        let c = bytes[i] as char;
        match c {
            '"' => {
                let start = i;
                i += 1;
                while bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                current.push_str(&text[start..=i]);
            }
            '(' | '[' | '{' => {
                depth += 1;
                if depth > 1 {
                    current.push(c);
                }
            }
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    args.push(current.trim().to_string());
                    return args;
                }
                current.push(c);
            }
            ',' if depth == 1 => args.push(std::mem::take(&mut current).trim().to_string()),
            _ => current.push(c),
        }
        i += 1;
    }
    panic!("unclosed macro call at byte {open}");
}

/// Every event the code logs, with the union of its fields: from each
/// `tracing::LEVEL!(fish_event = "NAME", field = ..., %field, ..., "message")`.
fn events_in_code() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut events: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut from = 0;
        while let Some(at) = text[from..].find("fish_event = \"") {
            let at = from + at;
            from = at + 1;
            let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
            if text[line_start..at].trim_start().starts_with("//") {
                continue; // a comment that mentions one
            }
            let open = text[..at].rfind("!(").expect("fish_event inside a macro call") + 1;
            let args = macro_args(&text, open);
            let mut name = None;
            let mut fields = BTreeSet::new();
            for arg in args {
                if arg.starts_with('"') || arg.starts_with("format") {
                    break; // the message: fields come before it
                }
                let ident: String = arg
                    .trim_start_matches(['%', '?'])
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if ident == "fish_event" {
                    name = arg.split('"').nth(1).map(str::to_string);
                } else {
                    fields.insert(ident);
                }
            }
            let name = name.unwrap_or_else(|| panic!("{}: a fish_event that is not a literal", file.display()));
            events.entry(name).or_default().extend(fields);
        }
    }
    events
}

/// The rows of docs/events.md's tables: `| `name` | level | `f`, `g` | ... |`.
fn events_in_docs() -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(root().join("docs/events.md")).unwrap();
    let mut events = BTreeMap::new();
    for line in text.lines().filter(|l| l.starts_with("| `")) {
        // `| name | level | fields | ...`: cell 0 is before the first bar.
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let name = cells[1].trim_matches('`').to_string();
        let fields: BTreeSet<String> =
            cells[3].split(',').map(|f| f.trim().trim_matches('`').to_string()).filter(|f| !f.is_empty()).collect();
        assert!(events.insert(name.clone(), fields).is_none(), "docs/events.md lists {name} twice");
    }
    events
}

#[test]
fn docs_events_lists_every_event_with_its_fields() {
    let code = events_in_code();
    let docs = events_in_docs();
    assert!(code.len() >= 40, "the parser found only {} events: {:?}", code.len(), code.keys());
    let undocumented: Vec<&String> = code.keys().filter(|e| !docs.contains_key(*e)).collect();
    let gone: Vec<&String> = docs.keys().filter(|e| !code.contains_key(*e)).collect();
    assert!(undocumented.is_empty(), "events logged but not in docs/events.md: {undocumented:?}");
    assert!(gone.is_empty(), "events in docs/events.md that the code no longer logs: {gone:?}");
    for (event, fields) in &code {
        assert_eq!(&docs[event], fields, "the fields of {event}: docs/events.md, then the code");
    }
}
