//! The man pages: `fishd(8)` and `fishctl(1)` are rendered from the clap
//! definitions (`src/cli/`), so their synopsis, options and commands cannot
//! drift from the binaries, followed by the hand-written sections in
//! `fishd.8.tail` and `fishctl.1.tail` (signals, files, environment, exit
//! status, examples). `fish.toml(5)` is rendered from
//! `docs/configuration.md`, one source for both, whose keys
//! `tests/it/docs.rs` checks against the config parser.
//!
//! Shared by `examples/gen-assets.rs` (which the packages are built with)
//! and the tests, through `#[path]`, so that clap_mangen stays a
//! build-time tool rather than a dependency of the binaries.

use std::io::Write;

use clap::CommandFactory;

/// Each page: its file name (`fishd.8`) and its roff source.
pub fn pages() -> Vec<(String, Vec<u8>)> {
    let version = env!("CARGO_PKG_VERSION");
    let fishd = fish::cli::fishd::Cli::command();
    let fishctl = fish::cli::fishctl::Cli::command();
    vec![
        ("fishd.8".into(), page(fishd, "8", version, include_str!("fishd.8.tail"))),
        ("fishctl.1".into(), page(fishctl, "1", version, include_str!("fishctl.1.tail"))),
        ("fish.toml.5".into(), config_page(version, include_str!("../../docs/configuration.md"))),
    ]
}

/// The date of the newest entry of the packages' changelog (`30 Nov 2026`),
/// so that a page changes only with a release.
fn release_date() -> String {
    include_str!("../changelog")
        .lines()
        .find_map(|l| l.strip_prefix(" -- "))
        .and_then(|trailer| trailer.split("  ").nth(1))
        .map(|date| date.split_whitespace().skip(1).take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn page(cmd: clap::Command, section: &str, version: &str, tail: &str) -> Vec<u8> {
    let man = clap_mangen::Man::new(cmd.clone())
        .section(section)
        .source(format!("Fish {version}"))
        .manual("Fish Manual")
        .date(release_date());
    let mut out = Vec::new();
    let rendered = (|| -> std::io::Result<()> {
        man.render_title(&mut out)?;
        man.render_name_section(&mut out)?;
        man.render_synopsis_section(&mut out)?;
        man.render_description_section(&mut out)?;
        man.render_options_section(&mut out)?;
        commands(&cmd, &mut out)?;
        out.write_all(tail.as_bytes())
    })();
    rendered.expect("rendering into memory");
    out
}

/// `.SH COMMANDS`: each subcommand (and theirs) with its usage, its long
/// help and its own arguments.
fn commands(cmd: &clap::Command, out: &mut Vec<u8>) -> std::io::Result<()> {
    if !cmd.has_subcommands() {
        return Ok(());
    }
    writeln!(out, ".SH COMMANDS")?;
    let mut stack: Vec<(String, &clap::Command)> =
        cmd.get_subcommands().map(|c| (cmd.get_name().to_string(), c)).collect();
    stack.reverse();
    while let Some((parent, sub)) = stack.pop() {
        if sub.get_name() == "help" {
            continue;
        }
        let path = format!("{parent} {}", sub.get_name());
        let args: Vec<String> = sub
            .get_arguments()
            .filter(|a| !a.is_hide_set() && !a.is_global_set() && a.get_id() != "help" && a.get_id() != "version")
            .map(|a| {
                if a.is_required_set() || a.is_positional() { synopsis_of(a) } else { format!("[{}]", synopsis_of(a)) }
            })
            .collect();
        let more = if sub.has_subcommands() { " COMMAND" } else { "" };
        writeln!(out, ".TP\n\\fB{}\\fR{more} {}", roff(&path), roff(&args.join(" ")))?;
        let about = sub.get_long_about().or(sub.get_about()).map(|s| s.to_string()).unwrap_or_default();
        writeln!(out, "{}", paragraphs(&about))?;
        for arg in sub
            .get_arguments()
            .filter(|a| !a.is_hide_set() && !a.is_global_set() && a.get_id() != "help" && a.get_id() != "version")
        {
            let help = arg.get_long_help().or(arg.get_help()).map(|s| s.to_string()).unwrap_or_default();
            if help.is_empty() && arg.is_positional() {
                continue; // the usage line says all there is
            }
            let default: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into())
                .filter(|v: &String| !v.is_empty())
                .collect();
            let default = if default.is_empty() || arg.get_num_args().is_some_and(|n| n.max_values() == 0) {
                String::new()
            } else {
                format!(" [default: {}]", default.join(","))
            };
            writeln!(out, ".RS\n.TP\n{}\n{}{}\n.RE", roff(&synopsis_of(arg)), paragraphs(&help), roff(&default))?;
        }
        let inner: Vec<&clap::Command> = sub.get_subcommands().collect();
        for inner in inner.into_iter().rev() {
            stack.push((path.clone(), inner));
        }
    }
    Ok(())
}

/// `--name VALUE`, `-c, --connections N`, `KEY`, `[VALUE]`.
fn synopsis_of(arg: &clap::Arg) -> String {
    let value = arg
        .get_value_names()
        .map(|v| v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
    let takes_value = arg.get_num_args().is_none_or(|n| n.max_values() > 0)
        && !matches!(arg.get_action(), clap::ArgAction::SetTrue | clap::ArgAction::SetFalse | clap::ArgAction::Count);
    match (arg.get_short(), arg.get_long()) {
        (None, None) if arg.is_required_set() => value,
        (None, None) => format!("[{value}]"),
        (short, Some(long)) => {
            let flag = match short {
                Some(s) => format!("-{s}, --{long}"),
                None => format!("--{long}"),
            };
            if takes_value { format!("{flag} {value}") } else { flag }
        }
        (Some(short), None) => format!("-{short}"),
    }
}

/// Help text as roff: paragraphs kept, each escaped.
fn paragraphs(text: &str) -> String {
    text.split("\n\n").map(|p| roff(&p.replace('\n', " "))).collect::<Vec<_>>().join("\n.IP\n")
}

/// Escapes text for roff: backslashes, and a leading dot or quote that
/// would read as a request.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') { format!("\\&{escaped}") } else { escaped }
}

/// `fish.toml(5)` from `docs/configuration.md`, whose Markdown is kept to
/// what this renders: paragraphs, `## ` sections, key lists
/// (`- **`key`** = default: text`, continued by indented lines), fenced
/// code, and inline code, bold, italics and links. A paragraph that begins
/// "This page is also the man page" is left out of it.
fn config_page(version: &str, markdown: &str) -> Vec<u8> {
    let mut out = format!(
        ".TH FISH.TOML 5 \"{}\" \"Fish {version}\" \"Fish Manual\"\n.SH NAME\nfish.toml \\- configuration of a Fish site\n\
         .SH SYNOPSIS\n.I /etc/fish/NAME.toml\n.SH DESCRIPTION\n",
        release_date()
    );
    let mut lines = markdown.lines().peekable();
    let mut fenced = false;
    let mut started = false;
    while let Some(line) = lines.next() {
        if line.starts_with("```") {
            out.push_str(if fenced { ".EE\n" } else { ".PP\n.EX\n" });
            fenced = !fenced;
            continue;
        }
        if fenced {
            out.push_str(&roff(line));
            out.push('\n');
        } else if line.starts_with("# ") {
            continue; // the title: .TH above
        } else if let Some(title) = line.strip_prefix("## ") {
            out.push_str(&format!(".SH {}\n", roff(&inline(title)).to_uppercase()));
        } else if let Some(item) = line.strip_prefix("- ") {
            let mut text = item.to_string();
            while let Some(next) = lines.peek().and_then(|l| l.strip_prefix("  ")) {
                text.push(' ');
                text.push_str(next.trim());
                lines.next();
            }
            let (head, body) = text.split_once(": ").unwrap_or((&text, ""));
            out.push_str(&format!(".TP\n{}\n{}\n", roff_inline(head), roff_inline(body)));
        } else if line.starts_with("This page is also the man page") {
            // A note for readers of the Markdown, not of the man page.
            while lines.peek().is_some_and(|l| !l.trim().is_empty()) {
                lines.next();
            }
        } else if line.trim().is_empty() {
            if started {
                out.push_str(".PP\n");
            }
        } else {
            started = true;
            out.push_str(&roff_inline(line));
            out.push('\n');
        }
    }
    out.push_str(
        ".SH FILES\n.TP\n.I /etc/fish/NAME.toml\nThe configuration of \\fBfish@NAME\\fR.\n\
         .TP\n.I /usr/share/doc/fish/examples/\nCommented examples with every key.\n\
         .SH SEE ALSO\n\\fBfishd\\fR(8), \\fBfishctl\\fR(1)\n",
    );
    // Empty paragraphs around sections and lists are noise to man.
    out.replace(".PP\n.SH", ".SH").replace(".PP\n.TP", ".TP").replace(".PP\n.PP", ".PP").into_bytes()
}

/// Markdown's inline marks as roff fonts: `code` and **bold** bold,
/// *italics* italic, [text](link) its text.
fn roff_inline(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let (mark, font) = match c {
            '`' => ("`", "B"),
            '*' if rest.starts_with("**") => ("**", "B"),
            '*' => ("*", "I"),
            '[' => {
                if let Some(close) = rest.find("](")
                    && let Some(end) = rest[close..].find(')')
                {
                    out.push_str(&roff_inline(&rest[1..close]));
                    rest = &rest[close + end + 1..];
                    continue;
                }
                ("", "")
            }
            _ => ("", ""),
        };
        if !mark.is_empty()
            && let Some(end) = rest[mark.len()..].find(mark)
        {
            let inner = &rest[mark.len()..mark.len() + end];
            // Code inside bold (**`key`**) is bold already.
            let inner = if mark == "**" { inner.trim_matches('`').to_string() } else { inner.to_string() };
            out.push_str(&format!("\\f{font}{}\\fR", roff(&inner).trim_start_matches("\\&")));
            rest = &rest[mark.len() * 2 + end..];
            continue;
        }
        out.push_str(&roff(&c.to_string()));
        rest = &rest[c.len_utf8()..];
    }
    if out.starts_with('.') || out.starts_with('\'') { format!("\\&{out}") } else { out }
}

/// Markdown inline marks dropped, for headings.
fn inline(text: &str) -> String {
    text.replace('`', "")
}
