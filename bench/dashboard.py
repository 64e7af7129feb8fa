#!/usr/bin/env python3
"""Draws the panels of a Grafana dashboard from a Prometheus server's
answers to the panels' queries (bench/dashboard.sh runs it).

    dashboard.py PROMETHEUS_URL START END DASHBOARD.json OUT.png NOTE

START and END are Unix seconds; $job is `fish` and $instance every site.
The rate windows are shortened for a run of a minute or two (1 min to
10 s, 5 min to 30 s); the queries are otherwise the dashboard's. A
vertical line marks the middle of the run, where NOTE says what
happened."""
import json
import math
import re
import sys
import urllib.parse
import urllib.request

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

prom, start, end, dashboard, out, note = sys.argv[1:7]
start, end = int(start), int(end)
panels = [p for p in json.load(open(dashboard))["panels"] if p["type"] != "row"]

SCALE = {"bytes": (1 / 2**20, "MiB"), "Bps": (1 / 2**20, "MiB/s"), "s": (1000, "ms"), "percentunit": (100, "%")}


def query(expr):
    expr = expr.replace("$job", "fish").replace("$instance", ".*")
    expr = expr.replace("[1m]", "[10s]").replace("[5m]", "[30s]")
    args = urllib.parse.urlencode({"query": expr, "start": start, "end": end, "step": "2s"})
    with urllib.request.urlopen(f"{prom}/api/v1/query_range?{args}") as resp:
        answer = json.load(resp)
    if answer["status"] != "success":
        raise SystemExit(f"{expr}: {answer}")
    return answer["data"]["result"]


def legend(fmt, labels):
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: labels.get(m.group(1), ""), fmt) or str(labels)


cols = 4
rows = math.ceil(len(panels) / cols)
fig, axes = plt.subplots(rows, cols, figsize=(5 * cols, 3.2 * rows), squeeze=False)
for ax in axes.flat[len(panels):]:
    ax.axis("off")
middle = (end - start - 10) / 2
for ax, panel in zip(axes.flat, panels):
    unit = panel.get("fieldConfig", {}).get("defaults", {}).get("unit", "short")
    factor, shown = SCALE.get(unit, (1, unit if unit not in ("short", "ops", "reqps") else ""))
    if unit in ("ops", "reqps"):
        shown = "/s"
    drawn = 0
    for target in panel["targets"]:
        for series in query(target["expr"]):
            xs = [float(t) - start for t, _ in series["values"]]
            ys = [float(v) * factor for _, v in series["values"]]
            label = legend(target.get("legendFormat", ""), series["metric"])
            ax.plot(xs, ys, linewidth=1, label=label)
            drawn += 1
    ax.axvline(middle, color="red", linewidth=0.8, linestyle="--")
    ax.set_title(panel["title"], fontsize=9)
    ax.set_ylabel(shown, fontsize=8)
    ax.tick_params(labelsize=7)
    ax.grid(alpha=0.3)
    if drawn and drawn <= 8:
        ax.legend(fontsize=6, loc="upper left")
    elif not drawn:
        ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes, fontsize=8)
fig.suptitle(
    f"Fish dashboard over a fishd dev cluster under fishctl bench (seconds from the start; red: {note}; "
    "rate windows 10 s and 30 s for a short run)",
    fontsize=11,
)
fig.tight_layout(rect=(0, 0, 1, 0.98))
fig.savefig(out, dpi=72)
