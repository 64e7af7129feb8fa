//! `packaging/monitoring/`: the alert rules pass `promtool check rules`
//! and their unit tests; on the real `/metrics` of a group with one
//! back-end stopped, the rules that tell a site is not synced (and down)
//! fire for it and "no master" does not; and every metric the rules and
//! the Grafana dashboard name is one the sites export.
//!
//! promtool is Debian 12's, unpacked by `scripts/prometheus-tools`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::cluster::{Cluster, FAST};
use crate::harness::wait_until;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/monitoring")
}

fn promtool() -> PathBuf {
    let out = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/prometheus-tools"))
        .output()
        .expect("running scripts/prometheus-tools");
    assert!(out.status.success(), "scripts/prometheus-tools: {}", String::from_utf8_lossy(&out.stderr));
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim()).join("promtool")
}

fn run_promtool(args: &[&str], cwd: &Path) -> String {
    let out = Command::new(promtool()).args(args).current_dir(cwd).output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "promtool {args:?}:\n{text}");
    text
}

#[test]
fn the_alert_rules_pass_promtool_and_their_unit_tests() {
    let text = run_promtool(&["check", "rules", "fish-alerts.yml"], &dir());
    assert!(text.contains("SUCCESS: 7 rules found"), "{text}");
    let text = run_promtool(&["test", "rules", "fish-alerts.test.yml"], &dir());
    assert!(text.contains("SUCCESS"), "{text}");
}

/// Each alert of fish-alerts.yml: (name, expr, for), read from its
/// one-line `expr:` and `for:`.
fn alerts() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(dir().join("fish-alerts.yml")).unwrap();
    let mut alerts: Vec<(String, String, String)> = Vec::new();
    for line in text.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix("- alert: ") {
            alerts.push((name.to_string(), String::new(), "0s".into()));
        } else if let (Some(expr), Some(alert)) = (line.strip_prefix("expr: "), alerts.last_mut()) {
            assert!(!expr.starts_with(['|', '>']), "{}: keep expr on one line", alert.0);
            alert.1 = expr.to_string();
        } else if let (Some(duration), Some(alert)) = (line.strip_prefix("for: "), alerts.last_mut()) {
            alert.2 = duration.to_string();
        }
    }
    alerts
}

/// Every `fish_*` and `process_*` name in `text`.
fn metric_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for prefix in ["fish_", "process_"] {
        let mut rest = text;
        while let Some(at) = rest.find(prefix) {
            let before = &rest[..at];
            let name: String =
                rest[at..].chars().take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_').collect();
            if !before.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
                names.push(name.clone());
            }
            rest = &rest[at + name.len()..];
        }
    }
    names
}

#[test]
fn the_rules_fire_on_the_real_metrics_of_a_group_with_a_back_end_stopped() {
    let mut c = Cluster::start("mon", 3, FAST);
    let m = c.wait_for_master(None);
    let f = c.add_front("mon-front", FAST);
    let down = c.other_than(m);
    let down_addr = format!("127.0.0.1:{}", c.sites[down].rep_port);
    let scrape = |h: &crate::harness::Http| String::from_utf8(h.call("GET", "/metrics", &[], b"").body).unwrap();
    wait_until("the master to see every site synced", Duration::from_secs(30), || {
        let text = scrape(&c.http(m));
        text.matches("fish_group_site_synced{site=").count() == 3
            && text.contains(&format!("fish_group_site_synced{{site=\"{down_addr}\"}} 1"))
    });
    assert!(c.sites[down].stop().success());
    wait_until("the master to see the stopped back-end as not synced", Duration::from_secs(30), || {
        scrape(&c.http(m)).contains(&format!("fish_group_site_synced{{site=\"{down_addr}\"}} 0"))
    });

    // Every running site's exposition, as Prometheus would have scraped it
    // for ten minutes, and `up` for all four.
    let mut running: Vec<(String, String)> =
        (0..3).filter(|i| *i != down).map(|i| (c.sites[i].name.clone(), scrape(&c.http(i)))).collect();
    running.push((c.fronts[f].name.clone(), scrape(&c.fronts[f].http())));
    let mut series = Vec::new();
    for (instance, text) in &running {
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let (name, value) = line.rsplit_once(' ').unwrap();
            if value == "NaN" {
                continue;
            }
            let labels = format!("instance=\"{instance}\",job=\"fish\"");
            let name = match name.split_once('{') {
                Some((metric, rest)) => format!("{metric}{{{labels},{rest}"),
                None => format!("{name}{{{labels}}}"),
            };
            series.push(serde_json::json!({ "series": name, "values": format!("{value}x40") }));
        }
        series.push(
            serde_json::json!({ "series": format!("up{{instance=\"{instance}\",job=\"fish\"}}"), "values": "1x40" }),
        );
    }
    let stopped = &c.sites[down].name;
    series
        .push(serde_json::json!({ "series": format!("up{{instance=\"{stopped}\",job=\"fish\"}}"), "values": "0x40" }));

    // The rules as they are, without their annotations (the test is of
    // what fires), and what each must do at minute 5.
    let rules: Vec<serde_json::Value> = alerts()
        .into_iter()
        .map(|(alert, expr, duration)| serde_json::json!({ "alert": alert, "expr": expr, "for": duration }))
        .collect();
    assert_eq!(rules.len(), 7, "{rules:?}");
    let work = tempfile::tempdir().unwrap();
    let rules_file = work.path().join("rules.yml");
    std::fs::write(&rules_file, serde_json::json!({ "groups": [{ "name": "fish", "rules": rules }] }).to_string())
        .unwrap();
    let master = &c.sites[m].name;
    let expect = |alert: &str, alerts: serde_json::Value| serde_json::json!({ "eval_time": "5m", "alertname": alert, "exp_alerts": alerts });
    let test = serde_json::json!({
        "rule_files": ["rules.yml"],
        "evaluation_interval": "15s",
        "tests": [{
            "interval": "15s",
            "input_series": series,
            "alert_rule_test": [
                expect("FishSiteNotSynced", serde_json::json!([
                    { "exp_labels": { "site": down_addr, "instance": master, "job": "fish" } }
                ])),
                expect("FishSiteDown", serde_json::json!([{ "exp_labels": { "instance": stopped, "job": "fish" } }])),
                expect("FishNoMaster", serde_json::json!([])),
                expect("FishDiskNearlyFull", serde_json::json!([])),
                expect("FishReplicaLagging", serde_json::json!([])),
            ],
        }],
    });
    std::fs::write(work.path().join("test.yml"), test.to_string()).unwrap();
    run_promtool(&["test", "rules", "test.yml"], work.path());

    // Every metric the rules and the dashboard name is in these scrapes.
    let exported: String = running.iter().map(|(_, text)| text.as_str()).collect();
    let dashboard = std::fs::read_to_string(dir().join("grafana-dashboard.json")).unwrap();
    let dashboard: serde_json::Value = serde_json::from_str(&dashboard).expect("the dashboard is JSON");
    let mut exprs: Vec<String> = alerts().into_iter().map(|(_, expr, _)| expr).collect();
    let mut ids = std::collections::BTreeSet::new();
    for panel in dashboard["panels"].as_array().unwrap() {
        assert!(ids.insert(panel["id"].as_u64().unwrap()), "panel ids repeat: {panel}");
        assert!(panel["title"].as_str().is_some_and(|t| !t.is_empty()) && panel["gridPos"]["w"].as_u64().is_some());
        if panel["type"] == "row" {
            continue;
        }
        let targets = panel["targets"].as_array().unwrap_or_else(|| panic!("a panel without targets: {panel}"));
        assert!(!targets.is_empty(), "{panel}");
        exprs.extend(targets.iter().map(|t| t["expr"].as_str().unwrap().to_string()));
    }
    let missing: Vec<String> = exprs
        .iter()
        .flat_map(|e| metric_names(e))
        .filter(|name| !exported.lines().any(|l| l.starts_with(name.as_str())))
        .collect();
    assert!(missing.is_empty(), "named by the rules or the dashboard but not exported: {missing:?}");
}
