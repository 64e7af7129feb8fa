//! Docs travel with the code: every relative link in the repository's
//! Markdown (README.md, docs/, packaging/, the patch series) resolves to a
//! file inside the repository, and a `#anchor` into a Markdown file names
//! one of its headings. A link that leaves the repository (`../`, outside
//! the clone) or is dead in a clone fails here, before it ships in
//! `/usr/share/doc/fish`.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).canonicalize().unwrap()
}

/// The repository's Markdown files, without build output and the vendored
/// Berkeley DB.
fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            if !matches!(name.as_str(), "target" | "vendor" | ".git" | "node_modules") {
                markdown_files(&path, out);
            }
        } else if name.ends_with(".md") {
            out.push(path);
        }
    }
}

/// The lines of `text` outside fenced code blocks, numbered from 1, with
/// inline code spans removed (a link written inside backticks is an
/// example, not a link).
fn prose(text: &str) -> Vec<(usize, String)> {
    let mut fenced = false;
    let mut lines = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let mut kept = String::new();
        for (j, part) in line.split('`').enumerate() {
            if j % 2 == 0 {
                kept.push_str(part);
            }
        }
        lines.push((i + 1, kept));
    }
    lines
}

/// The targets of `[text](target)` links in a line (not images).
fn links(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("](") {
        let before = &rest[..at];
        let is_image = before.rfind('[').is_some_and(|open| open > 0 && before.as_bytes()[open - 1] == b'!');
        let after = &rest[at + 2..];
        if let Some(end) = after.find(')') {
            let target = after[..end].split_whitespace().next().unwrap_or("");
            if !is_image && !target.is_empty() {
                found.push(target.to_string());
            }
            rest = &after[end..];
        } else {
            break;
        }
    }
    found
}

/// GitHub's anchors for a Markdown file's headings: lower case, anything
/// but letters, digits, spaces, `-` and `_` dropped, spaces to `-`, and
/// `-1`, `-2` ... for repeats.
fn anchors(text: &str) -> Vec<String> {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    let mut out = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        let Some(title) =
            (!fenced).then(|| line.trim_start_matches('#')).filter(|t| t.len() < line.len() && t.starts_with(' '))
        else {
            continue;
        };
        let slug: String = title
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
            .map(|c| if c == ' ' { '-' } else { c })
            .collect();
        let n = seen.entry(slug.clone()).or_insert(0);
        out.push(if *n == 0 { slug.clone() } else { format!("{slug}-{n}") });
        *n += 1;
    }
    out
}

#[test]
fn every_relative_link_in_the_docs_resolves_inside_the_repository() {
    check_links_under(&root());
}

/// The same over the documentation as a package installs it
/// (`/usr/share/doc/fish` in the container), where only README.md, docs/
/// and examples/ are: run by tests/system/package.sh.
#[test]
#[ignore = "run by tests/system/package.sh with FISH_DOC_DIR, the installed package's doc dir"]
fn every_relative_link_in_the_installed_docs_resolves() {
    let dir = std::env::var("FISH_DOC_DIR").expect("FISH_DOC_DIR: the installed package's doc dir");
    let dir = Path::new(&dir).canonicalize().unwrap();
    assert!(dir.join("README.md").is_file() && dir.join("docs/api.md").is_file(), "{} lacks the docs", dir.display());
    check_links_under(&dir);
}

/// Every relative link in the Markdown under `root` names a file (and
/// heading) under `root`.
fn check_links_under(root: &Path) {
    let root = root.to_path_buf();
    let mut files = Vec::new();
    markdown_files(&root, &mut files);
    files.sort();
    assert!(files.iter().any(|f| f.ends_with("README.md")) && files.len() > 5, "found only {files:?}");
    let mut dead = Vec::new();
    let mut checked = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (line, content) in prose(&text) {
            for target in links(&content) {
                if target.split_once(':').is_some_and(|(scheme, _)| scheme.chars().all(|c| c.is_ascii_alphabetic())) {
                    continue; // a URL (https:, mailto:): not a file of ours
                }
                checked += 1;
                let (path, anchor) = target.split_once('#').unwrap_or((&target, ""));
                let resolved = if path.is_empty() {
                    Some(file.clone())
                } else {
                    file.parent().unwrap().join(path).canonicalize().ok()
                };
                let why = match &resolved {
                    None => Some("no such file"),
                    Some(p) if !p.starts_with(&root) => Some("outside the repository"),
                    Some(p) if !anchor.is_empty() && p.extension().is_some_and(|e| e == "md") => {
                        let headings = anchors(&std::fs::read_to_string(p).unwrap());
                        (!headings.iter().any(|h| h == anchor)).then_some("no such heading")
                    }
                    Some(_) => None,
                };
                if let Some(why) = why {
                    dead.push(format!("{}:{line}: ({target}): {why}", file.strip_prefix(&root).unwrap().display()));
                }
            }
        }
    }
    assert!(checked >= 20, "only {checked} links checked: is the parser broken?");
    assert!(dead.is_empty(), "dead links:\n{}", dead.join("\n"));
}

#[test]
fn the_link_parser_finds_links_and_skips_code_and_images() {
    let text = "see [a](docs/a.md#x) and `[b](nope.md)` ![pic](p.png)\n```\n[c](gone.md)\n```\n[d](#here)";
    let found: Vec<String> = prose(text).iter().flat_map(|(_, l)| links(l)).collect();
    assert_eq!(found, ["docs/a.md#x", "#here"]);
    assert_eq!(
        anchors("# Fish\n## HTTP API\n## `[leases]` keys, ok?\n## HTTP API"),
        ["fish", "http-api", "leases-keys-ok", "http-api-1"]
    );
}
