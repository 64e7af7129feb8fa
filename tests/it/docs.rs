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

#[path = "../../packaging/man/render.rs"]
#[allow(dead_code)]
mod man;

/// The keys the config parser accepts, as `section.key` (top-level keys
/// bare), found by asking it: serde's "unknown field" error lists every
/// field of the table it was found in.
fn keys_the_parser_accepts() -> BTreeSet<String> {
    fn fields_of(table: &str) -> Option<Vec<String>> {
        let src = if table.is_empty() { "zzz_probe = 1\n".to_string() } else { format!("[{table}]\nzzz_probe = 1\n") };
        let err = fish::config::Config::parse(&src, "probe.toml", Some("probe")).err()?.to_string();
        let expected = err.split("unknown field `zzz_probe`, expected ").nth(1)?;
        Some(expected.split('`').skip(1).step_by(2).map(str::to_string).collect())
    }
    let mut keys = BTreeSet::new();
    let mut tables = vec![String::new()];
    while let Some(table) = tables.pop() {
        for field in fields_of(&table).unwrap_or_else(|| panic!("no field list for [{table}]")) {
            let path = if table.is_empty() { field } else { format!("{table}.{field}") };
            if fields_of(&path).is_some() {
                tables.push(path);
            } else {
                keys.insert(path);
            }
        }
    }
    keys
}

/// `docs/configuration.md`'s keys, each with the text of its entry.
fn keys_in_configuration_md() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(root().join("docs/configuration.md")).unwrap();
    let mut keys = BTreeMap::new();
    let mut section = None;
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if let Some(title) = line.strip_prefix("## ") {
            section = match title {
                "Top level" => Some(String::new()),
                t if t.starts_with("`[") => Some(t.trim_matches(['`', '[', ']']).to_string()),
                _ => None,
            };
        }
        let (Some(section), Some(item)) = (&section, line.strip_prefix("- **`")) else { continue };
        let key = item.split('`').next().unwrap();
        let mut entry = line.to_string();
        while let Some(next) = lines.peek().and_then(|l| l.strip_prefix("  ")) {
            entry.push(' ');
            entry.push_str(next.trim());
            lines.next();
        }
        let path = if section.is_empty() { key.to_string() } else { format!("{section}.{key}") };
        assert!(keys.insert(path.clone(), entry).is_none(), "docs/configuration.md has {path} twice");
    }
    keys
}

/// docs/configuration.md (and so fish.toml(5), rendered from it) has every
/// key the parser accepts and no other, and says for each what SIGHUP does
/// as `src/reload.rs` does it: the keys it keeps for a restart.
#[test]
fn docs_configuration_has_every_config_key_and_what_sighup_does() {
    let accepted = keys_the_parser_accepts();
    assert!(accepted.contains("http.tls.client_ca") && accepted.contains("role"), "{accepted:?}");
    let documented = keys_in_configuration_md();
    let missing: Vec<&String> = accepted.iter().filter(|k| !documented.contains_key(*k)).collect();
    let unknown: Vec<&String> = documented.keys().filter(|k| !accepted.contains(*k)).collect();
    assert!(missing.is_empty(), "config keys missing from docs/configuration.md: {missing:?}");
    assert!(unknown.is_empty(), "docs/configuration.md documents keys the parser refuses: {unknown:?}");

    // `keep("KEY", ...)` in reload.rs: settings a reload leaves for a restart.
    let reload = std::fs::read_to_string(root().join("src/reload.rs")).unwrap();
    let kept: BTreeSet<String> =
        reload.split("keep(\"").skip(1).map(|s| s.split('"').next().unwrap().to_string()).collect();
    for (key, entry) in &documented {
        let restart = entry.contains("SIGHUP: needs a restart.");
        assert!(restart || entry.contains("SIGHUP: applies."), "{key}: say what SIGHUP does: {entry}");
        // http.tls is kept only when HTTPS is turned on or off; a table
        // (front) is kept whole.
        let in_code = kept.iter().any(|k| k != "http.tls" && (key == k || key.starts_with(&format!("{k}."))));
        assert_eq!(restart, in_code, "{key}: docs/configuration.md and src/reload.rs disagree on SIGHUP");
    }
}

/// The man pages render without a warning from man(1), and have the
/// sections a reader looks for.
#[test]
fn the_man_pages_render_without_warnings() {
    let dir = tempfile::tempdir().unwrap();
    for (name, page) in man::pages() {
        let path = dir.path().join(&name);
        std::fs::write(&path, &page).unwrap();
        let out = std::process::Command::new("man")
            .args(["--warnings", "-E", "UTF-8", "-l", "-Tutf8"])
            .arg(&path)
            .env("MANWIDTH", "80")
            .output()
            .expect("man(1) (man-db) is installed by scripts/test");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && stderr.trim().is_empty(), "{name}: {stderr}");
        // Bold and underline come as overstrikes (`X\bX`) when not on a terminal.
        let mut text = String::new();
        for c in String::from_utf8_lossy(&out.stdout).chars() {
            if c == '\u{8}' {
                text.pop();
            } else {
                text.push(c);
            }
        }
        let wanted: &[&str] = match name.as_str() {
            "fish.toml.5" => &["NAME", "SYNOPSIS", "DESCRIPTION", "[REPLICATION.TLS]", "EXAMPLES", "FILES", "SEE ALSO"],
            "fishd.8" => &[
                "NAME",
                "SYNOPSIS",
                "DESCRIPTION",
                "OPTIONS",
                "COMMANDS",
                "SIGNALS",
                "FILES",
                "ENVIRONMENT",
                "EXIT STATUS",
                "EXAMPLES",
                "SEE ALSO",
            ],
            _ => &[
                "NAME",
                "SYNOPSIS",
                "DESCRIPTION",
                "OPTIONS",
                "COMMANDS",
                "ENVIRONMENT",
                "EXIT STATUS",
                "EXAMPLES",
                "SEE ALSO",
            ],
        };
        for section in wanted {
            assert!(text.lines().any(|l| l == *section), "{name} has no {section} section:\n{text}");
        }
    }
}
