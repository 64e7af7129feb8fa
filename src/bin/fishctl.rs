//! `fishctl`: the client and admin CLI for Fish.
//!
//! Exit codes: 0 ok, 1 not found or condition failed, 2 usage (fishctl's
//! arguments, or a request the site calls malformed), 3 unavailable (no
//! answer, or the site answered 5xx), 4 refused (the site understood and
//! will not: no or too weak a token, a conflict, too large).

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use clap::Parser;
use fish::api::encoding::percent_encode;
use fish::bench::{BenchError, BenchOptions, Progress, ProgressFn};
use fish::cli::fishctl::{BenchArgs, Cli, Cmd, Output};
use fish::client::{ApiCallError, Client, Reply};
use hyper::{Method, StatusCode};

/// fishctl's exit codes (the SPEC's first four, and one more).
#[derive(Debug, Clone, Copy)]
enum Exit {
    Ok = 0,
    NotFound = 1,
    Usage = 2,
    Unavailable = 3,
    Refused = 4,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let credentials = match credentials(&cli) {
        Ok(c) => c,
        Err(why) => return ExitCode::from(fail(Exit::Usage, &why) as u8),
    };
    let output = cli.output.unwrap_or(if std::io::stdout().is_terminal() { Output::Table } else { Output::Json });
    if let Cmd::Bench(mut args) = cli.command {
        let token = credentials.token;
        args.json |= cli.output == Some(Output::Json);
        let first = cli.url.split(',').next().unwrap_or_default().trim();
        return ExitCode::from(bench(first, cli.timeout, token, args) as u8);
    }
    if let Cmd::Cert(what) = cli.command {
        return ExitCode::from(cert(what) as u8);
    }
    if let Cmd::Token = cli.command {
        println!("{}", fish::config::new_secret());
        return ExitCode::SUCCESS;
    }
    let exit = match Client::with(&cli.url, Duration::from_secs(cli.timeout), &credentials) {
        Err(e) => fail(Exit::Usage, &e.to_string()),
        Ok(client) => match tokio::runtime::Builder::new_current_thread().enable_all().build() {
            Ok(rt) => rt.block_on(run(&client, cli.command, Format { output, given: cli.output.is_some() })),
            Err(e) => fail(Exit::Unavailable, &e.to_string()),
        },
    };
    ExitCode::from(exit as u8)
}

/// The token and CA the global options give.
fn credentials(cli: &Cli) -> Result<fish::client::Credentials, String> {
    let token = match (&cli.token, &cli.token_file) {
        (Some(token), _) => Some(token.trim().to_string()),
        (None, Some(file)) => {
            let text = std::fs::read_to_string(file).map_err(|e| format!("--token-file {}: {e}", file.display()))?;
            let first = text.lines().next().unwrap_or_default().trim().to_string();
            if first.is_empty() {
                return Err(format!("--token-file {}: the first line is empty", file.display()));
            }
            Some(first)
        }
        (None, None) => None,
    };
    let tls =
        cli.cacert.as_deref().map(fish::client::trust_ca_file).transpose().map_err(|e| format!("--cacert {e}"))?;
    Ok(fish::client::Credentials { token, tls })
}

/// How to print what a command found.
#[derive(Clone, Copy)]
struct Format {
    output: Output,
    /// `-o` was given (else `output` is the terminal's default).
    given: bool,
}

impl Format {
    /// `-o json` was asked for: commands whose default is one line for
    /// people (or one value for a script) print JSON instead.
    fn json(&self) -> bool {
        self.given && self.output == Output::Json
    }
}

async fn run(client: &Client, cmd: Cmd, format: Format) -> Exit {
    match cmd {
        Cmd::Get { key, consistency, after, show_version } => {
            let path = format!(
                "/v1/kv/{}{}",
                percent_encode(key.as_bytes()),
                query(&[("consistency", consistency.as_deref())])
            );
            let headers: Vec<(&str, &str)> =
                after.as_deref().map(|t| (fish::api::header::FISH_AFTER, t)).into_iter().collect();
            with_reply(client.send(Method::GET, &path, &headers, Bytes::new()).await, |r| {
                let version = r.header("etag").unwrap_or("?").trim_matches('"');
                if show_version {
                    eprintln!("version {version}");
                }
                if format.given && format.output != Output::Value {
                    let row = vec![key.clone(), version.to_string(), shown(&r.body)];
                    return print_rows(format.output, &["KEY", "VERSION", "VALUE"], vec![row], |_| {
                        let mut obj = serde_json::Map::new();
                        fish::api::encoding::put_bytes(&mut obj, "key", key.as_bytes());
                        obj.insert("version".into(), version.parse::<u64>().ok().into());
                        fish::api::encoding::put_bytes(&mut obj, "value", &r.body);
                        obj.into()
                    });
                }
                // Raw bytes when piped; on a terminal, a value without a
                // final newline would run into the next prompt.
                let mut out = std::io::stdout();
                let newline = out.is_terminal() && !r.body.ends_with(b"\n");
                out.write_all(&r.body).is_ok() && (!newline || out.write_all(b"\n").is_ok())
            })
        }
        Cmd::Put { key, value, if_version, create, lease, fence } => {
            let value = match value.as_deref() {
                // Reading a terminal would wait, silently, for a value the
                // user meant to give as an argument.
                None if std::io::stdin().is_terminal() => {
                    return fail(
                        Exit::Usage,
                        &format!(
                            "no value for {key:?}: give it as an argument (fishctl put KEY VALUE), or pipe it and write - (fishctl put KEY - < FILE)"
                        ),
                    );
                }
                Some("-") | None => match read_stdin() {
                    Ok(v) => v,
                    Err(e) => {
                        return fail(Exit::Usage, &format!("reading the value from stdin: {e}"));
                    }
                },
                Some(v) => Bytes::from(v.to_string()),
            };
            let etag = if_version.map(|v| format!("\"{v}\""));
            let mut headers = Vec::new();
            if let Some(etag) = &etag {
                headers.push(("if-match", etag.as_str()));
            }
            if create {
                headers.push(("if-none-match", "*"));
            }
            if let Some(fence) = &fence {
                headers.push((fish::api::header::FISH_FENCE, fence.as_str()));
            }
            let lease = lease.map(|id| id.to_string());
            let path = format!("/v1/kv/{}{}", percent_encode(key.as_bytes()), query(&[("lease", lease.as_deref())]));
            with_reply(client.send(Method::PUT, &path, &headers, value).await, |r| {
                let version = r.header("etag").unwrap_or("").trim_matches('"');
                if format.given && format.output == Output::Json {
                    let token = r.header(fish::api::header::FISH_TOKEN);
                    return print_json(
                        &serde_json::json!({ "key": key, "version": version.parse::<u64>().ok(), "token": token }),
                    );
                }
                println!("{version}");
                true
            })
        }
        Cmd::Delete { key, if_version } => {
            let etag = if_version.map(|v| format!("\"{v}\""));
            let headers: Vec<(&str, &str)> = etag.as_deref().map(|e| ("if-match", e)).into_iter().collect();
            let path = format!("/v1/kv/{}", percent_encode(key.as_bytes()));
            with_reply(client.send(Method::DELETE, &path, &headers, Bytes::new()).await, |r| {
                if format.given && format.output == Output::Json {
                    let token = r.header(fish::api::header::FISH_TOKEN);
                    return print_json(&serde_json::json!({ "key": key, "deleted": true, "token": token }));
                }
                true
            })
        }
        Cmd::Txn { file } => txn(client, file.as_deref(), format.output).await,
        Cmd::Watch { prefix, since, json } => {
            watch(client, &prefix, since, json || (format.given && format.output == Output::Json)).await
        }
        Cmd::Lease(what) => lease(client, what, format).await,
        Cmd::Lock { name, ttl, command } => lock(client, &name, ttl, b"", &command, false).await,
        Cmd::Elect { name, proposal, ttl, command } => {
            lock(client, &name, ttl, proposal.as_bytes(), &command, true).await
        }
        Cmd::List { prefix, limit, keys_only, consistency } => {
            list(client, &prefix, limit, keys_only, consistency.as_deref(), format.output).await
        }
        Cmd::Members => match client.members().await {
            Ok(body) => {
                let rows = body
                    .members
                    .iter()
                    .map(|m| {
                        let role = match (m.master, m.view) {
                            (true, _) => "master",
                            (false, true) => "view",
                            (false, false) => "client",
                        };
                        let conn = match (m.is_self, m.connected) {
                            (true, _) => "(this site)",
                            (false, true) => "connected",
                            (false, false) => "disconnected",
                        };
                        let text = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
                        vec![m.replication.clone(), role.into(), conn.into(), text(&m.name), text(&m.http)]
                    })
                    .collect();
                let json = |i: usize| serde_json::to_value(&body.members[i]).unwrap_or_default();
                exit_of(print_rows(format.output, &["REPLICATION", "ROLE", "CONNECTION", "NAME", "HTTP"], rows, json))
            }
            Err(e) => call_failed(e),
        },
        Cmd::RemoveSite { site } => {
            let path = format!("/v1/members/{}", percent_encode(site.as_bytes()));
            with_reply(client.send(Method::DELETE, &path, &[], Bytes::new()).await, |_| {
                eprintln!("removed {site} from the group");
                !format.json() || print_json(&serde_json::json!({ "removed": site }))
            })
        }
        Cmd::StepDown { to } => {
            let body = serde_json::to_vec(&serde_json::json!({ "to": to })).expect("serialising");
            let headers = [("content-type", "application/json")];
            with_reply(client.send(Method::POST, "/v1/step-down", &headers, Bytes::from(body)).await, |r| {
                match serde_json::from_slice::<serde_json::Value>(&r.body) {
                    Ok(v) if format.json() => return print_json(&v),
                    Ok(v) => eprintln!(
                        "{} handed mastership over to {} in {} ms (generation {})",
                        v["from"].as_str().unwrap_or("?"),
                        v["to"].as_str().unwrap_or("?"),
                        v["took_ms"],
                        v["generation"]
                    ),
                    Err(_) => eprintln!("handed mastership over"),
                }
                true
            })
        }
        Cmd::Bench(_) | Cmd::Cert(_) | Cmd::Token => unreachable!("handled in main"),
        Cmd::Backup { dir, local } => backup(client, &dir, local).await,
        Cmd::Status { cluster } => status(client, cluster, format.output).await,
    }
}

/// `fishctl status`: each site --url names (or, with `cluster`, every site
/// of the group) in one table; exits 3 if one of them did not answer.
async fn status(client: &Client, cluster: bool, output: Output) -> Exit {
    let mut sites: Vec<Client> = Vec::new();
    if cluster {
        let members = match client.members().await {
            Ok(m) => m,
            Err(e) => return call_failed(e),
        };
        for http in members.members.iter().filter_map(|m| m.http.as_deref()) {
            match client.sibling(http) {
                Ok(c) => sites.push(c),
                Err(e) => return fail(Exit::Usage, &e.to_string()),
            }
        }
    } else {
        for base in client.bases() {
            match client.for_url(base) {
                Ok(c) => sites.push(c),
                Err(e) => return fail(Exit::Usage, &e.to_string()),
            }
        }
    }
    let mut asking = tokio::task::JoinSet::new();
    for (i, site) in sites.iter().enumerate() {
        let site = site.clone();
        asking.spawn(async move { (i, site.status().await) });
    }
    let mut answers: Vec<_> = asking.join_all().await;
    answers.sort_by_key(|(i, _)| *i);
    let answers = answers.into_iter().map(|(_, answer)| answer);
    let mut exit = Exit::Ok;
    let mut found = Vec::new();
    for (site, answer) in sites.iter().zip(answers) {
        match answer {
            Ok(status) => found.push((site.base().to_string(), status)),
            Err(e) => {
                eprintln!("fishctl: {}: {e}", site.base());
                exit = Exit::Unavailable;
            }
        }
    }
    let rows = found
        .iter()
        .map(|(endpoint, s)| {
            let role = match s.mode.as_deref() {
                Some(mode) => format!("{} ({mode})", s.role),
                None => s.role.clone(),
            };
            let master = s.master.as_ref().map_or("-".to_string(), |m| m.name.clone().unwrap_or(m.replication.clone()));
            let lag = match (s.is_master(), s.lag_bytes) {
                (true, _) => "-".to_string(),
                (false, Some(bytes)) => format!("{bytes} B"),
                (false, None) => "?".to_string(),
            };
            vec![
                endpoint.clone(),
                s.name.clone(),
                role,
                s.state.clone(),
                master,
                s.generation.to_string(),
                s.lsn.as_ref().map_or("-".to_string(), |l| format!("{}/{}", l.file, l.offset)),
                if s.synced { "yes" } else { "no" }.to_string(),
                lag,
                s.version.clone(),
            ]
        })
        .collect();
    let header = ["ENDPOINT", "NAME", "ROLE", "STATE", "MASTER", "GENERATION", "LOG END", "SYNCED", "LAG", "VERSION"];
    let json = |i: usize| {
        let mut v = serde_json::to_value(&found[i].1).unwrap_or_default();
        v["endpoint"] = found[i].0.clone().into();
        v
    };
    if !print_rows(output, &header, rows, json) {
        return Exit::Unavailable;
    }
    exit
}

/// `fishctl txn [FILE]`.
async fn txn(client: &Client, file: Option<&std::path::Path>, output: Output) -> Exit {
    let body = match file {
        Some(path) if path != std::path::Path::new("-") => match std::fs::read(path) {
            Ok(b) => Bytes::from(b),
            Err(e) => return fail(Exit::Usage, &format!("{}: {e}", path.display())),
        },
        _ if std::io::stdin().is_terminal() => {
            return fail(
                Exit::Usage,
                "no transaction: give a file (fishctl txn FILE), or pipe the JSON in (fishctl txn < FILE)",
            );
        }
        _ => match read_stdin() {
            Ok(b) => b,
            Err(e) => return fail(Exit::Usage, &format!("reading the transaction from stdin: {e}")),
        },
    };
    // A local check first names the mistake before anything is sent.
    if let Err(e) = serde_json::from_slice::<serde_json::Value>(&body) {
        let from = file.map_or("stdin".to_string(), |f| f.display().to_string());
        return fail(Exit::Usage, &format!("{from}: not JSON: {e}"));
    }
    let headers = [("content-type", "application/json")];
    with_reply(client.send(Method::POST, "/v1/txn", &headers, body).await, |r| {
        let Ok(answer) = serde_json::from_slice::<serde_json::Value>(&r.body) else {
            return false;
        };
        let results: Vec<serde_json::Value> = answer["results"].as_array().cloned().unwrap_or_default();
        if output == Output::Json {
            return print_json(&answer);
        }
        let rows = results
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let text = |name: &str| cell(r, name);
                let outcome = match r["op"].as_str() {
                    Some("get") if r["found"] == false => "not found".to_string(),
                    Some("get") => text("value"),
                    Some("delete") if r["deleted"] == false => "was absent".to_string(),
                    Some("delete") => "deleted".to_string(),
                    Some("put") => "written".to_string(),
                    _ => "ok".to_string(),
                };
                vec![i.to_string(), text("op"), text("key"), text("version"), outcome]
            })
            .collect();
        print_rows(output, &["OP", "KIND", "KEY", "VERSION", "RESULT"], rows, |i| results[i].clone())
    })
}

async fn list(
    client: &Client,
    prefix: &str,
    limit: Option<usize>,
    keys_only: bool,
    consistency: Option<&str>,
    output: Output,
) -> Exit {
    let mut remaining = limit.unwrap_or(usize::MAX);
    let mut start_after: Option<Vec<u8>> = None;
    let mut out = std::io::stdout().lock();
    let mut table = Table::new(&["KEY", "VERSION", "VALUE"]);
    while remaining > 0 {
        let page_size = remaining.min(1000).to_string();
        let after = start_after.as_deref().map(percent_encode);
        let path = format!(
            "/v1/kv{}",
            query(&[
                ("prefix", Some(&percent_encode(prefix.as_bytes()))),
                ("limit", Some(&page_size)),
                ("start_after", after.as_deref()),
                ("consistency", consistency)
            ])
        );
        let reply = match client.get(&path).await {
            Ok(r) if r.status.is_success() => r,
            other => return with_reply(other, |_| true),
        };
        let Ok(page) = serde_json::from_slice::<serde_json::Value>(&reply.body) else {
            return fail(Exit::Unavailable, "the site answered a listing that is not JSON");
        };
        for item in page["items"].as_array().into_iter().flatten() {
            let text = |name: &str| cell(item, name);
            let written = match (keys_only, output) {
                (true, _) => writeln!(out, "{}", item["key"].as_str().unwrap_or_default()),
                (false, Output::Json) => writeln!(out, "{item}"),
                // A table is printed whole, to size its columns (a listing
                // for people is not millions of keys; scripts take json).
                (false, Output::Table) => {
                    table.push(vec![text("key"), item["version"].to_string(), text("value")]);
                    Ok(())
                }
                (false, Output::Value) => writeln!(out, "{}\t{}\t{}", text("key"), item["version"], text("value")),
            };
            if written.is_err() {
                return Exit::Ok; // stdout closed (e.g. piped into head)
            }
            remaining -= 1;
        }
        start_after = match (&page["next"], page["next_encoding"].as_str()) {
            (serde_json::Value::String(n), Some("base64")) => {
                fish::api::encoding::from_json(n, fish::api::encoding::Encoding::Base64).ok()
            }
            (serde_json::Value::String(n), _) => Some(n.as_bytes().to_vec()),
            _ => None,
        };
        if start_after.is_none() {
            break;
        }
    }
    let _ = table.write(&mut out, true);
    Exit::Ok
}

/// Rows for people: columns padded to their widest cell, under a header.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(header: &[&str]) -> Table {
        Table { header: header.iter().map(|h| h.to_string()).collect(), rows: Vec::new() }
    }

    fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// Writes the table (nothing if it has no rows), with the header when
    /// `header`.
    fn write(&self, out: &mut impl Write, header: bool) -> std::io::Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let lines = header.then_some(&self.header).into_iter().chain(&self.rows);
        for row in lines {
            let mut line = String::new();
            for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
                if i + 1 == row.len() {
                    line.push_str(cell);
                } else {
                    line.push_str(&format!("{cell:<w$}  "));
                }
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        out.flush()
    }
}

/// Prints rows as `output` says: a table, one JSON object per line
/// (`json(i)` for row i), or the rows tab-separated without the header.
/// False when stdout is closed.
fn print_rows(
    output: Output,
    header: &[&str],
    rows: Vec<Vec<String>>,
    json: impl Fn(usize) -> serde_json::Value,
) -> bool {
    let mut out = std::io::stdout().lock();
    match output {
        Output::Table => {
            let mut table = Table::new(header);
            table.rows = rows;
            table.write(&mut out, true).is_ok()
        }
        Output::Value => rows.iter().all(|row| writeln!(out, "{}", row.join("\t")).is_ok()),
        Output::Json => (0..rows.len()).all(|i| writeln!(out, "{}", json(i)).is_ok()),
    }
}

fn print_json(value: &serde_json::Value) -> bool {
    writeln!(std::io::stdout(), "{value}").is_ok()
}

fn exit_of(printed: bool) -> Exit {
    if printed { Exit::Ok } else { Exit::Unavailable }
}

/// A value for a table cell: text with control characters escaped, or
/// base64 when it is not UTF-8.
fn shown(bytes: &[u8]) -> String {
    match fish::api::encoding::to_json(bytes) {
        (text, enc) if enc.is_utf8() => escaped(&text),
        (text, _) => format!("(base64) {text}"),
    }
}

/// A field of an API answer as a table cell: text escaped, base64 marked
/// `(base64)` (the `NAME_encoding` field says which), `-` when absent.
fn cell(obj: &serde_json::Value, name: &str) -> String {
    match (&obj[name], obj[format!("{name}_encoding")].as_str()) {
        (serde_json::Value::String(v), Some(enc)) => format!("({enc}) {v}"),
        (serde_json::Value::String(v), None) => escaped(v),
        (serde_json::Value::Null, _) => "-".into(),
        (other, _) => other.to_string(),
    }
}

/// Text for one line of a table: newlines, tabs and other control
/// characters escaped.
fn escaped(text: &str) -> String {
    if text.chars().any(char::is_control) { text.escape_debug().to_string() } else { text.to_string() }
}

async fn backup(client: &Client, dir: &std::path::Path, local: bool) -> Exit {
    let source = if local {
        client.clone()
    } else {
        let status = match client.status().await {
            Ok(status) => status,
            Err(e) => return call_failed(e),
        };
        let Some(http) = status.master.and_then(|m| m.http) else {
            return fail(Exit::Unavailable, "no master is known right now; retry, or use --local to back up this site");
        };
        match client.sibling(&http) {
            Ok(c) => c,
            Err(e) => return fail(Exit::Unavailable, &e.to_string()),
        }
    };
    let started = std::time::Instant::now();
    eprintln!("backing up {} into {}: the site copies its files first, then sends them", source.base(), dir.display());
    let mut line = fish::cli::ProgressLine::default();
    let mut sending = None;
    let progress = |received: u64, total: Option<u64>| {
        let since = *sending.get_or_insert_with(std::time::Instant::now);
        if line.due() {
            line.show(&fish::cli::transfer_progress(received, total, since.elapsed()));
        }
    };
    let fetched = source.fetch_backup(dir, progress).await;
    line.clear();
    match fetched {
        Ok(m) => {
            eprintln!(
                "backup of site {:?} complete: {} files, {:.1} MiB in {:.1} s; holds every write committed before log position {}",
                m.site,
                m.files.len(),
                m.total_bytes() as f64 / (1 << 20) as f64,
                started.elapsed().as_secs_f64(),
                m.lsn_before
            );
            Exit::Ok
        }
        Err(e @ (fish::client::FetchError::NotEmpty { .. } | fish::client::FetchError::Io { .. })) => {
            fail(Exit::Usage, &e.to_string())
        }
        Err(e) => fail(Exit::Unavailable, &e.to_string()),
    }
}

/// `fishctl bench`: on a multi-threaded runtime of its own, so the load
/// generator is not one core's worth of requests.
fn bench(url: &str, timeout: u64, token: Option<String>, args: BenchArgs) -> Exit {
    let mut rt = tokio::runtime::Builder::new_multi_thread();
    if let Some(n) = args.threads {
        rt.worker_threads(n.max(1));
    }
    let rt = match rt.enable_all().build() {
        Ok(rt) => rt,
        Err(e) => return fail(Exit::Unavailable, &e.to_string()),
    };
    let line = fish::cli::ProgressLine::default();
    let progress: Option<ProgressFn> = (!args.quiet).then(|| {
        let line = line.clone();
        Arc::new(move |p: &Progress| {
            let of = p.target.map(|t| format!("/{t}")).unwrap_or_default();
            let text = format!(
                "{} {:>5.1} s: {}{of} ops, {:.0} ops/s, {} errors",
                p.phase,
                p.elapsed.as_secs_f64(),
                p.done,
                p.rate,
                p.errors
            );
            line.show(&text);
        }) as ProgressFn
    });
    let opts = BenchOptions {
        url: url.trim_end_matches('/').to_string(),
        connections: args.connections,
        duration: args.duration.or(if args.ops.is_some() { None } else { Some(Duration::from_secs(10)) }),
        ops: args.ops,
        keys: args.keys,
        value_size: args.value_size,
        mix: args.mix,
        consistency: args.consistency,
        prefix: args.prefix,
        txn_size: args.txn_size.max(1),
        preload: args.preload,
        timeout: Duration::from_secs(timeout),
        progress,
        token,
    };
    let result = rt.block_on(fish::bench::run(opts));
    if !args.quiet {
        line.clear();
    }
    match result {
        Ok(report) => {
            if args.json {
                println!("{}", serde_json::to_string_pretty(&report).expect("report is JSON"));
            } else {
                print!("{}", report.text());
            }
            if report.total.count == 0 && report.error_count() > 0 { Exit::Unavailable } else { Exit::Ok }
        }
        Err(e @ (BenchError::BadUrl(_) | BenchError::Invalid(_))) => fail(Exit::Usage, &e.to_string()),
        Err(e) => fail(Exit::Unavailable, &e.to_string()),
    }
}

/// `?a=1&b=2` from the parameters that are set (values already encoded).
/// `fishctl watch`: prints changes as they come; reconnects from the last
/// revision seen when the connection drops or the site cuts the watch off.
async fn watch(client: &Client, prefix: &str, since: Option<u64>, json: bool) -> Exit {
    use http_body_util::BodyExt;
    /// Progress lines come every few seconds: this long without a byte
    /// means the connection is dead.
    const IDLE: Duration = Duration::from_secs(60);
    let mut since = since;
    let mut retry = Duration::from_millis(100);
    loop {
        let since_param = since.map(|s| s.to_string());
        let path = format!(
            "/v1/watch{}",
            query(&[("prefix", Some(percent_encode(prefix.as_bytes())).as_deref()), ("since", since_param.as_deref())])
        );
        let why = match client.open(Method::GET, &path).await {
            Err(e) => e.to_string(),
            Ok(resp) if resp.status() != StatusCode::OK => {
                let status = resp.status();
                let body = resp.into_body().collect().await.map(|b| b.to_bytes()).unwrap_or_default();
                let reply = Reply { status, headers: Default::default(), body };
                let message = explain(status, &reply.error_message());
                if status.is_client_error() {
                    return fail(exit_for(status), &message);
                }
                message
            }
            Ok(resp) => {
                retry = Duration::from_millis(100);
                let mut body = resp.into_body();
                let mut pending = Vec::new();
                loop {
                    let frame = match tokio::time::timeout(IDLE, body.frame()).await {
                        Err(_) => break format!("nothing from the site for {} s", IDLE.as_secs()),
                        Ok(None) => break "the site ended the watch".to_string(),
                        Ok(Some(Err(e))) => break format!("the connection failed: {e}"),
                        Ok(Some(Ok(frame))) => frame,
                    };
                    let Ok(data) = frame.into_data() else { continue };
                    pending.extend_from_slice(&data);
                    while let Some(end) = pending.iter().position(|&b| b == b'\n') {
                        let line: Vec<u8> = pending.drain(..=end).collect();
                        let Ok(event) = serde_json::from_slice::<serde_json::Value>(&line) else {
                            return fail(Exit::Unavailable, "the site sent a watch line that is not JSON");
                        };
                        if let Some(rev) = event["revision"].as_u64() {
                            since = Some(rev);
                        }
                        if let (Some("cut_off"), Some(rev)) = (event["type"].as_str(), event["since"].as_u64()) {
                            since = Some(rev);
                        }
                        if !print_event(&event, &line, json) {
                            return Exit::Ok; // stdout closed (e.g. piped into head)
                        }
                    }
                }
            }
        };
        let from = since.map_or("now".to_string(), |s| format!("after revision {s}"));
        eprintln!("fishctl: watch: {why}; reconnecting in {} ms, from {from}", retry.as_millis());
        tokio::time::sleep(retry).await;
        retry = (retry * 2).min(Duration::from_secs(5));
    }
}

/// `fishctl lease ...`.
async fn lease(client: &Client, what: fish::cli::fishctl::LeaseCmd, format: Format) -> Exit {
    use fish::cli::fishctl::LeaseCmd;
    use fish::client::lock;
    let output = format.output;
    let renewed = |id: u64, ttl: u32| {
        if format.json() {
            print_json(&serde_json::json!({ "id": id, "ttl_s": ttl }));
        } else {
            println!("lease {id} renewed for {ttl} s");
        }
    };
    let done = match what {
        LeaseCmd::Grant { ttl } => lock::grant(client, ttl).await.map(|id| {
            if format.json() {
                print_json(&serde_json::json!({ "id": id, "ttl_s": ttl }));
            } else {
                println!("{id}");
            }
        }),
        LeaseCmd::Revoke { id } => lock::revoke(client, id).await.map(|keys| {
            eprintln!("revoked lease {id}; {keys} keys deleted");
            if format.json() {
                print_json(&serde_json::json!({ "id": id, "keys_deleted": keys }));
            }
        }),
        LeaseCmd::Keepalive { id, once: true } => lock::keepalive(client, id).await.map(|ttl| renewed(id, ttl)),
        LeaseCmd::Keepalive { id, once: false } => {
            let ttl = match lock::keepalive(client, id).await {
                Ok(ttl) => ttl,
                Err(e) => return lock_failed(e),
            };
            renewed(id, ttl);
            let (_stop, stopped) = tokio::sync::watch::channel(false);
            let renewals = lock::keep_alive(client, id, ttl, stopped, |ttl| renewed(id, ttl));
            tokio::select! {
                done = renewals => done,
                _ = interrupted() => return Exit::Ok,
            }
        }
        LeaseCmd::Show { id } => match client.get(&format!("/v1/leases/{id}")).await {
            Ok(r) if r.status == StatusCode::OK => {
                let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap_or_default();
                if output == Output::Json {
                    return exit_of(print_json(&v));
                }
                println!("lease {id}: ttl {} s, {} left, {} keys", v["ttl_s"], remaining(&v), v["key_count"]);
                for key in v["keys"].as_array().into_iter().flatten() {
                    println!("  {}", key.as_str().unwrap_or_default());
                }
                Ok(())
            }
            other => return with_reply(other, |_| true),
        },
        LeaseCmd::List => {
            let mut after = 0u64;
            let mut leases = Vec::new();
            loop {
                let reply = match client.get(&format!("/v1/leases?after={after}&limit=1000")).await {
                    Ok(r) if r.status == StatusCode::OK => r,
                    other => return with_reply(other, |_| true),
                };
                let page: serde_json::Value = serde_json::from_slice(&reply.body).unwrap_or_default();
                leases.extend(page["leases"].as_array().into_iter().flatten().cloned());
                match page["next"].as_u64() {
                    Some(next) => after = next,
                    None => break,
                }
            }
            let rows = leases
                .iter()
                .map(|l| vec![l["id"].to_string(), l["ttl_s"].to_string(), remaining(l), l["key_count"].to_string()])
                .collect();
            return exit_of(print_rows(output, &["ID", "TTL_S", "REMAINING", "KEYS"], rows, |i| leases[i].clone()));
        }
    };
    match done {
        Ok(()) => Exit::Ok,
        Err(e) => lock_failed(e),
    }
}

fn remaining(lease: &serde_json::Value) -> String {
    match lease["remaining_ms"].as_u64() {
        Some(ms) => format!("{:.1} s", ms as f64 / 1000.0),
        None => "?".into(),
    }
}

fn lock_failed(e: fish::client::lock::LockError) -> Exit {
    use fish::client::lock::LockError;
    match e {
        LockError::LeaseGone(_) => fail(Exit::NotFound, &e.to_string()),
        LockError::Refused { status, message } => fail(exit_for(status), &explain(status, &message)),
        e => fail(Exit::Unavailable, &e.to_string()),
    }
}

/// SIGTERM to COMMAND, and wait for it to end.
async fn stop_child(child: &mut tokio::process::Child) {
    if let Some(pid) = child.id() {
        let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid as i32), nix::sys::signal::Signal::SIGTERM);
    }
    let _ = child.wait().await;
}

/// SIGINT or SIGTERM.
async fn interrupted() {
    use tokio::signal::unix::{SignalKind, signal};
    match (signal(SignalKind::interrupt()), signal(SignalKind::terminate())) {
        (Ok(mut int), Ok(mut term)) => {
            tokio::select! {
                _ = int.recv() => {}
                _ = term.recv() => {}
            }
        }
        _ => std::future::pending().await,
    }
}

/// `fishctl lock` and `fishctl elect`: take the lock (see
/// `client::lock`), run COMMAND (or, to elect without one, wait for an
/// interrupt) while keeping the lease alive, then release it.
async fn lock(client: &Client, name: &str, ttl: u32, value: &[u8], command: &[String], elect: bool) -> Exit {
    use fish::client::lock;
    let lease = match lock::grant(client, ttl).await {
        Ok(id) => id,
        Err(e) => return lock_failed(e),
    };
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let keeper = lock::keep_alive(client, lease, ttl, stopped, |_| {});
    tokio::pin!(keeper);
    let acquire = lock::acquire(client, name, lease, value, |holder| {
        eprintln!("fishctl: waiting for {name}: held by {holder}");
    });
    let held = tokio::select! {
        held = acquire => held,
        kept = &mut keeper => Err(kept.err().unwrap_or(lock::LockError::LeaseGone(lease))),
        _ = interrupted() => {
            let _ = lock::revoke(client, lease).await;
            return fail(Exit::Unavailable, &format!("interrupted while waiting for {name}"));
        }
    };
    let held = match held {
        Ok(held) => held,
        Err(e) => {
            let _ = lock::revoke(client, lease).await;
            return lock_failed(e);
        }
    };
    if elect {
        println!("elected {} {}", held.key, held.version);
        let _ = std::io::stdout().flush();
    }
    let exit = if command.is_empty() {
        tokio::select! {
            kept = &mut keeper => {
                eprintln!("fishctl: lost {name}: {}", kept.err().map_or("the lease ended".into(), |e| e.to_string()));
                Exit::Unavailable
            }
            _ = interrupted() => Exit::Ok,
        }
    } else {
        let mut child = match tokio::process::Command::new(&command[0])
            .args(&command[1..])
            .env("FISH_LOCK_KEY", &held.key)
            .env("FISH_LOCK_VERSION", held.version.to_string())
            .env("FISH_LOCK_FENCE", held.fence())
            .env("FISH_LEASE", lease.to_string())
            .spawn()
        {
            Ok(child) => child,
            Err(e) => {
                let _ = lock::revoke(client, lease).await;
                return fail(Exit::Usage, &format!("cannot run {:?}: {e}", command[0]));
            }
        };
        tokio::select! {
            status = child.wait() => match status.ok().and_then(|s| s.code()) {
                Some(0) => Exit::Ok,
                Some(code) => {
                    let _ = stop.send(true);
                    let _ = lock::revoke(client, lease).await;
                    // COMMAND's own status, as promised.
                    std::process::exit(code);
                }
                None => Exit::Unavailable,
            },
            kept = &mut keeper => {
                eprintln!(
                    "fishctl: lost {name} while {:?} ran: {}; stopping it (its fenced writes fail from now on)",
                    command[0],
                    kept.err().map_or("the lease ended".into(), |e| e.to_string())
                );
                stop_child(&mut child).await;
                Exit::Unavailable
            }
            _ = interrupted() => {
                stop_child(&mut child).await;
                Exit::Unavailable
            }
        }
    };
    let _ = stop.send(true);
    let _ = lock::revoke(client, lease).await;
    exit
}

/// Prints one watch line: as it came with `json`, else for people (changes
/// only; a cut-off goes to stderr). False when stdout is closed.
fn print_event(event: &serde_json::Value, line: &[u8], json: bool) -> bool {
    let mut out = std::io::stdout();
    if json {
        return out.write_all(line).and_then(|()| out.flush()).is_ok();
    }
    let text = |name: &str| -> String {
        let v = event[name].as_str().unwrap_or_default();
        if event[format!("{name}_encoding")] == "base64" { format!("(base64) {v}") } else { v.to_string() }
    };
    let rev = event["revision"].as_u64().unwrap_or(0);
    let shown = match event["type"].as_str() {
        Some("put") => format!("{rev} put {} = {} (version {})\n", text("key"), text("value"), event["version"]),
        Some("delete") => format!("{rev} delete {}\n", text("key")),
        Some("expire") => format!("{rev} expire {} (lease {})\n", text("key"), event["lease"]),
        Some("cut_off") => {
            eprintln!("fishctl: watch: {}", event["reason"].as_str().unwrap_or("cut off"));
            return true;
        }
        _ => return true,
    };
    out.write_all(shown.as_bytes()).and_then(|()| out.flush()).is_ok()
}

fn query(params: &[(&str, Option<&str>)]) -> String {
    let set: Vec<String> = params.iter().filter_map(|(k, v)| v.map(|v| format!("{k}={v}"))).collect();
    if set.is_empty() { String::new() } else { format!("?{}", set.join("&")) }
}

fn read_stdin() -> std::io::Result<Bytes> {
    let mut buf = Vec::new();
    std::io::stdin().read_to_end(&mut buf)?;
    Ok(Bytes::from(buf))
}

/// Maps an answer (or its absence) to output and an exit code.
fn with_reply(reply: Result<Reply, fish::client::ClientError>, on_success: impl FnOnce(&Reply) -> bool) -> Exit {
    let reply = match reply {
        Ok(r) => r,
        Err(e) => return fail(Exit::Unavailable, &e.to_string()),
    };
    if reply.status.is_success() {
        return if on_success(&reply) { Exit::Ok } else { Exit::Unavailable };
    }
    fail(exit_for(reply.status), &explain(reply.status, &reply.error_message()))
}

/// An error answer as fishctl reports it, with a hint where one helps.
fn explain(status: StatusCode, message: &str) -> String {
    match status {
        StatusCode::UNAUTHORIZED => {
            format!("{message} ({status}); give the site's token with FISH_TOKEN or --token-file")
        }
        _ => format!("{message} ({status})"),
    }
}

/// The exit code for an error answer.
fn exit_for(status: StatusCode) -> Exit {
    match status {
        StatusCode::NOT_FOUND | StatusCode::PRECONDITION_FAILED => Exit::NotFound,
        s if s.is_server_error() => Exit::Unavailable,
        StatusCode::UNAUTHORIZED
        | StatusCode::FORBIDDEN
        | StatusCode::CONFLICT
        | StatusCode::GONE
        | StatusCode::PAYLOAD_TOO_LARGE
        | StatusCode::URI_TOO_LONG
        | StatusCode::TOO_MANY_REQUESTS => Exit::Refused,
        // 400 and the rest: the request itself was wrong.
        _ => Exit::Usage,
    }
}

/// A typed call that failed, reported as `with_reply` reports an answer.
fn call_failed(err: ApiCallError) -> Exit {
    match err {
        ApiCallError::Refused { status, message } => fail(exit_for(status), &explain(status, &message)),
        other => fail(Exit::Unavailable, &other.to_string()),
    }
}

fn fail(code: Exit, message: &str) -> Exit {
    eprintln!("fishctl: {message}");
    code
}

/// `fishctl cert ca|site`: writes the files and says where.
fn cert(what: fish::cli::fishctl::CertCmd) -> Exit {
    use fish::cli::fishctl::CertCmd;
    use fish::pki as certs;
    let made = match what {
        CertCmd::Ca { dir, name } => certs::make_ca(&dir, &name),
        CertCmd::Site { ca, name, address, out } => {
            let Some((host, port)) = address.rsplit_once(':').and_then(|(h, p)| Some((h, p.parse::<u16>().ok()?)))
            else {
                return fail(Exit::Usage, &format!("--address {address:?} is not HOST:PORT"));
            };
            let host = host.trim_start_matches('[').trim_end_matches(']');
            let out = out.unwrap_or_else(|| ca.clone());
            certs::make_site(&ca, &name, host, port, &out)
        }
    };
    match made {
        Ok((cert, key)) => {
            eprintln!("wrote {} and {}", cert.display(), key.display());
            Exit::Ok
        }
        Err(e) => fail(Exit::Usage, &e),
    }
}
