//! `fishctl`: the client and admin CLI for Fish.
//!
//! Exit codes (SPEC): 0 ok, 1 not found or condition failed, 2 usage,
//! 3 unavailable (no answer, or the site answered 5xx).

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use clap::Parser;
use fish::api::encoding::percent_encode;
use fish::bench::{BenchError, BenchOptions, Progress, ProgressFn};
use fish::cli::fishctl::{BenchArgs, Cli, Cmd};
use fish::client::{ApiCallError, Client, Reply};
use hyper::{Method, StatusCode};

/// The SPEC's exit codes.
#[derive(Debug, Clone, Copy)]
enum Exit {
    Ok = 0,
    NotFound = 1,
    Usage = 2,
    Unavailable = 3,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Cmd::Bench(args) = cli.command {
        return ExitCode::from(bench(&cli.url, cli.timeout, args) as u8);
    }
    if let Cmd::Cert(what) = cli.command {
        return ExitCode::from(cert(what) as u8);
    }
    let exit = match Client::new(&cli.url, Duration::from_secs(cli.timeout)) {
        Err(e) => fail(Exit::Usage, &e.to_string()),
        Ok(client) => match tokio::runtime::Builder::new_current_thread().enable_all().build() {
            Ok(rt) => rt.block_on(run(&client, cli.command)),
            Err(e) => fail(Exit::Unavailable, &e.to_string()),
        },
    };
    ExitCode::from(exit as u8)
}

async fn run(client: &Client, cmd: Cmd) -> Exit {
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
                if show_version {
                    eprintln!("version {}", r.header("etag").unwrap_or("?").trim_matches('"'));
                }
                // Raw bytes when piped; on a terminal, a value without a
                // final newline would run into the next prompt.
                let mut out = std::io::stdout();
                let newline = out.is_terminal() && !r.body.ends_with(b"\n");
                out.write_all(&r.body).is_ok() && (!newline || out.write_all(b"\n").is_ok())
            })
        }
        Cmd::Put { key, value, if_version, create } => {
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
            let path = format!("/v1/kv/{}", percent_encode(key.as_bytes()));
            with_reply(client.send(Method::PUT, &path, &headers, value).await, |r| {
                println!("{}", r.header("etag").unwrap_or("").trim_matches('"'));
                true
            })
        }
        Cmd::Delete { key, if_version } => {
            let etag = if_version.map(|v| format!("\"{v}\""));
            let headers: Vec<(&str, &str)> = etag.as_deref().map(|e| ("if-match", e)).into_iter().collect();
            let path = format!("/v1/kv/{}", percent_encode(key.as_bytes()));
            with_reply(client.send(Method::DELETE, &path, &headers, Bytes::new()).await, |_| true)
        }
        Cmd::List { prefix, limit, keys_only, consistency } => {
            list(client, &prefix, limit, keys_only, consistency.as_deref()).await
        }
        Cmd::Members => match client.members().await {
            Ok(body) => {
                println!("{:<24} {:<8} {:<13} NAME/HTTP", "REPLICATION", "ROLE", "CONNECTION");
                for m in body.members {
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
                    let name = match (m.name, m.http) {
                        (Some(n), Some(h)) => format!("{n} {h}"),
                        _ => String::new(),
                    };
                    println!("{:<24} {:<8} {:<13} {}", m.replication, role, conn, name);
                }
                Exit::Ok
            }
            Err(e) => call_failed(e),
        },
        Cmd::RemoveSite { site } => {
            let path = format!("/v1/members/{}", percent_encode(site.as_bytes()));
            with_reply(client.send(Method::DELETE, &path, &[], Bytes::new()).await, |_| {
                eprintln!("removed {site} from the group");
                true
            })
        }
        Cmd::StepDown { to } => {
            let body = serde_json::to_vec(&serde_json::json!({ "to": to })).expect("serialising");
            let headers = [("content-type", "application/json")];
            with_reply(client.send(Method::POST, "/v1/step-down", &headers, Bytes::from(body)).await, |r| {
                match serde_json::from_slice::<serde_json::Value>(&r.body) {
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
        Cmd::Bench(_) | Cmd::Cert(_) => unreachable!("handled in main"),
        Cmd::Backup { dir, local } => backup(client, &dir, local).await,
        Cmd::Status => with_reply(client.get("/v1/status").await, |r| {
            let pretty = serde_json::from_slice::<serde_json::Value>(&r.body)
                .map(|v| serde_json::to_string_pretty(&v).unwrap_or_default())
                .unwrap_or_else(|_| String::from_utf8_lossy(&r.body).into_owned());
            println!("{pretty}");
            true
        }),
    }
}

async fn list(client: &Client, prefix: &str, limit: Option<usize>, keys_only: bool, consistency: Option<&str>) -> Exit {
    let mut remaining = limit.unwrap_or(usize::MAX);
    let mut start_after: Option<Vec<u8>> = None;
    let mut out = std::io::stdout().lock();
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
            let line = if keys_only { item["key"].as_str().unwrap_or_default().to_string() } else { item.to_string() };
            if writeln!(out, "{line}").is_err() {
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
    Exit::Ok
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
        match Client::new(&format!("http://{http}"), client.timeout()) {
            Ok(c) => c,
            Err(e) => return fail(Exit::Unavailable, &e.to_string()),
        }
    };
    let started = std::time::Instant::now();
    eprintln!("backing up {} into {} ...", source.base(), dir.display());
    match source.fetch_backup(dir).await {
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
fn bench(url: &str, timeout: u64, args: BenchArgs) -> Exit {
    let mut rt = tokio::runtime::Builder::new_multi_thread();
    if let Some(n) = args.threads {
        rt.worker_threads(n.max(1));
    }
    let rt = match rt.enable_all().build() {
        Ok(rt) => rt,
        Err(e) => return fail(Exit::Unavailable, &e.to_string()),
    };
    let interactive = std::io::stderr().is_terminal();
    let progress: Option<ProgressFn> = (!args.quiet).then(|| {
        Arc::new(move |p: &Progress| {
            let of = p.target.map(|t| format!("/{t}")).unwrap_or_default();
            let line = format!(
                "{} {:>5.1} s: {}{of} ops, {:.0} ops/s, {} errors",
                p.phase,
                p.elapsed.as_secs_f64(),
                p.done,
                p.rate,
                p.errors
            );
            if interactive {
                eprint!("\r\x1b[K{line}");
            } else {
                eprintln!("{line}");
            }
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
    };
    let result = rt.block_on(fish::bench::run(opts));
    if interactive && !args.quiet {
        eprint!("\r\x1b[K");
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
    fail(exit_for(reply.status), &format!("{} ({})", reply.error_message(), reply.status))
}

/// The exit code for an error answer.
fn exit_for(status: StatusCode) -> Exit {
    match status {
        StatusCode::NOT_FOUND | StatusCode::PRECONDITION_FAILED => Exit::NotFound,
        s if s.is_server_error() => Exit::Unavailable,
        _ => Exit::Usage,
    }
}

/// A typed call that failed, reported as `with_reply` reports an answer.
fn call_failed(err: ApiCallError) -> Exit {
    match err {
        ApiCallError::Refused { status, message } => fail(exit_for(status), &format!("{message} ({status})")),
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
