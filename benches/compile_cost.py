#!/usr/bin/env python3
"""Compile cost of hubspot_endpoint!, measured with warm dependency caches.

    python3 benches/compile_cost.py            # everything, 3 runs each, medians
    python3 benches/compile_cost.py --quick    # sizes 10 and 100, 1 run: a smoke test
    python3 benches/compile_cost.py --all-features   # (a) with every feature of hubspot-api
    python3 benches/compile_cost.py --plot-only      # redraw the plot from the json

Every build is timed twice: wall time, and CPU time (user + sys of cargo and
the rustc processes it waited for, from getrusage(RUSAGE_CHILDREN) deltas).
On a shared machine wall time moves with whatever else runs; CPU time much
less, so both are reported.

(a) `cargo build -p hubspot-api`, debug and release, after touching its
    sources: the time to rebuild the crate that declares the Conversations API.
(b) Generated crates with N = 0, 10, 100, 1000 endpoints of 10 fields each
    (1 path parameter, 3 required and 6 optional body fields), declared with
    hubspot_endpoint!. The marginal cost per endpoint, (t(N) - t(0)) / N, must
    stay flat: at 1000 within 1.3x of the cost at 100.
(c) The same endpoints written by hand with bon builders, serde derives and a
    hand-written `Endpoint` impl (what a user writes without the macro),
    built side by side; reported as ours / bon.

Writes benches/results/compile_cost.json and benches/compile_cost.svg, and
prints the tables BENCHMARKS.md quotes.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "compile-bench"
# The generated crates' own target directory: under $CARGO_TARGET_DIR when
# that is set, so that the benchmark writes where every other build does.
TARGET = Path(os.environ["CARGO_TARGET_DIR"]) / "compile-bench" if os.environ.get("CARGO_TARGET_DIR") else WORK / "target"
RESULTS = ROOT / "benches" / "results"


def cpu_of_children():
    """User + sys seconds of every child waited for so far (grandchildren included)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd, cwd, env=None):
    """Runs a command; returns (wall seconds, CPU seconds). Fails loudly."""
    cpu_before = cpu_of_children()
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    cpu = cpu_of_children() - cpu_before
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed in {cwd}:\n{done.stderr[-4000:]}")
    return elapsed, cpu


def timed_rebuilds(cmd, cwd, touch, runs, env=None):
    """Warms the cache once, then times `runs` rebuilds after touching `touch`.

    Returns a result entry: wall and CPU medians, and the runs behind them."""
    run(cmd, cwd, env)
    walls, cpus = [], []
    for _ in range(runs):
        os.utime(touch)
        wall, cpu = run(cmd, cwd, env)
        walls.append(wall)
        cpus.append(cpu)
    return {
        "median_s": statistics.median(walls),
        "runs_s": walls,
        "cpu_median_s": statistics.median(cpus),
        "cpu_runs_s": cpus,
    }


# ----------------------------------------------------------------- (a)

def own_crate(runs, feature_args):
    results = {}
    for profile, extra in (("debug", []), ("release", ["--release"])):
        results[profile] = timed_rebuilds(
            ["cargo", "build", "-p", "hubspot-api", *feature_args, *extra], ROOT, ROOT / "src" / "lib.rs", runs
        )
    return results


# ------------------------------------------------------------- (b), (c)

OURS_HEADER = """hubspot_runtime::hubspot_endpoint! {
    /// What every endpoint returns.
    pub object Thing {
        required { id: String }
        optional { name: String }
    }
}
"""

OURS_ENDPOINT = """hubspot_runtime::hubspot_endpoint! {{
    /// Endpoint {i}.
    #[scopes("things.write")]
    pub endpoint Endpoint{i}: POST {{
        v3 => "/things/v3/{{thingId}}/items{i}",
        "2026-03" => "/things/2026-03/{{thingId}}/items{i}",
    }} {{
        path {{ thing_id: i64 }}
        required {{ name: String, kind: String, count: i32 }}
        optional {{
            note: String,
            tags: Vec<String>,
            score: f64,
            active: bool,
            owner_id: String,
            created_at: String,
        }}
    }} -> 201 Thing;
}}
"""

BON_HEADER = """use hubspot_runtime::__private::{ApiVersion, AuthScheme, BodyInfo, EndpointInfo, Method, PathSegment, Schema, VersionedPath};
use serde::{Deserialize, Serialize};

/// What every endpoint returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Thing {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Schema for Thing {
    fn schema() -> hubspot_runtime::schema::TypeInfo {
        hubspot_runtime::schema::TypeInfo::Json
    }
}
"""

BON_ENDPOINT = """/// Endpoint {i}.
#[derive(Debug, Clone, PartialEq, Serialize, bon::Builder)]
#[serde(rename_all = "camelCase")]
pub struct Endpoint{i} {{
    #[serde(skip)]
    pub thing_id: i64,
    #[builder(into)]
    pub name: String,
    #[builder(into)]
    pub kind: String,
    pub count: i32,
    #[builder(into)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    #[builder(into)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    #[builder(into)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
}}

impl hubspot_runtime::Endpoint for Endpoint{i} {{
    type Response = Thing;
    const INFO: &'static EndpointInfo = &EndpointInfo {{
        name: "Endpoint{i}",
        method: Method::Post,
        paths: &[
            VersionedPath {{ version: ApiVersion::Numbered(3), template: "/things/v3/{{thingId}}/items{i}" }},
            VersionedPath {{ version: ApiVersion::Dated {{ year: 2026, month: 3 }}, template: "/things/2026-03/{{thingId}}/items{i}" }},
        ],
        path_params: &[],
        query_params: &[],
        body: BodyInfo::None,
        success_status: 201,
        response: <Thing as Schema>::schema,
        scopes: &["things.write"],
        auth: &[AuthScheme::OAuth, AuthScheme::PrivateApp],
    }};
    fn __path(&self, version_index: usize) -> String {{
        match version_index {{
            0 => format!("/things/v3/{{}}/items{i}", PathSegment(&self.thing_id)),
            _ => format!("/things/2026-03/{{}}/items{i}", PathSegment(&self.thing_id)),
        }}
    }}
    fn body(&self) -> Result<Option<Vec<u8>>, serde_json::Error> {{
        serde_json::to_vec(self).map(Some)
    }}
}}
"""


def write_crate(kind, n):
    crate = WORK / f"{kind}-{n}"
    (crate / "src").mkdir(parents=True, exist_ok=True)
    deps = f'hubspot-runtime = {{ path = "{ROOT / "runtime"}" }}\n'
    if kind == "bon":
        deps += 'bon = "3"\nserde = { version = "1", features = ["derive"] }\nserde_json = "1"\n'
    (crate / "Cargo.toml").write_text(
        f'[package]\nname = "{kind}-{n}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
        f"[lib]\npath = \"src/lib.rs\"\n\n[dependencies]\n{deps}\n[workspace]\n"
    )
    header, endpoint = (OURS_HEADER, OURS_ENDPOINT) if kind == "ours" else (BON_HEADER, BON_ENDPOINT)
    source = "#![allow(missing_docs, dead_code)]\n" + header + "".join(endpoint.format(i=i) for i in range(n))
    (crate / "src" / "lib.rs").write_text(source)
    return crate


def generated(sizes, kinds, runs):
    env = dict(os.environ, CARGO_TARGET_DIR=str(TARGET))
    results = {}
    for kind in kinds:
        for n in [0, *sizes]:
            crate = write_crate(kind, n)
            r = results[f"{kind}-{n}"] = timed_rebuilds(["cargo", "build"], crate, crate / "src" / "lib.rs", runs, env)
            print(
                f"  {kind:>4} {n:>5} endpoints: {r['median_s']:7.2f} s wall (runs: {', '.join(f'{t:.2f}' for t in r['runs_s'])}),"
                f" {r['cpu_median_s']:7.2f} s CPU (runs: {', '.join(f'{t:.2f}' for t in r['cpu_runs_s'])})",
                flush=True,
            )
    return results


# ----------------------------------------------------------------- plot

def svg_plot(results, sizes, kinds, path):
    """Compile time against endpoint count, log-log, one line per kind."""
    import math

    width, height, left, bottom, top, right = 640, 400, 70, 50, 30, 130
    points = {k: [(n, results[f"{k}-{n}"]["median_s"]) for n in sizes if f"{k}-{n}" in results] for k in kinds}
    # CPU time, dashed, when the results have it.
    cpu_points = {
        k: [(n, results[f"{k}-{n}"]["cpu_median_s"]) for n in sizes if "cpu_median_s" in results.get(f"{k}-{n}", {})]
        for k in kinds
    }
    all_t = [t for series in (*points.values(), *cpu_points.values()) for _, t in series]
    t_min, t_max = min(all_t) / 1.5, max(all_t) * 1.5
    n_min, n_max = min(sizes) / 1.5, max(sizes) * 1.5

    def x(n):
        return left + (math.log10(n) - math.log10(n_min)) / (math.log10(n_max) - math.log10(n_min)) * (width - left - right)

    def y(t):
        return height - bottom - (math.log10(t) - math.log10(t_min)) / (math.log10(t_max) - math.log10(t_min)) * (height - bottom - top)

    colors = {"ours": "#1f77b4", "bon": "#d62728"}
    labels = {"ours": "hubspot_endpoint!", "bon": "bon + serde + hand-written Endpoint"}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{width / 2 - right / 2}" y="18" text-anchor="middle" font-size="14">Debug build time vs. endpoints (warm dependencies, median; dashed: CPU)</text>',
           f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="black"/>',
           f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="black"/>',
           f'<text x="{(left + width - right) / 2}" y="{height - 12}" text-anchor="middle">endpoints (log scale)</text>',
           f'<text x="16" y="{(top + height - bottom) / 2}" transform="rotate(-90 16 {(top + height - bottom) / 2})" text-anchor="middle">seconds (log scale)</text>']
    for n in sizes:
        out.append(f'<line x1="{x(n):.1f}" y1="{height - bottom}" x2="{x(n):.1f}" y2="{height - bottom + 5}" stroke="black"/>')
        out.append(f'<text x="{x(n):.1f}" y="{height - bottom + 18}" text-anchor="middle">{n}</text>')
    tick = 10 ** math.floor(math.log10(t_min))
    while tick <= t_max:
        for m in (1, 2, 5):
            t = tick * m
            if t_min <= t <= t_max:
                out.append(f'<line x1="{left - 5}" y1="{y(t):.1f}" x2="{width - right}" y2="{y(t):.1f}" stroke="#ddd"/>')
                out.append(f'<text x="{left - 8}" y="{y(t) + 4:.1f}" text-anchor="end">{t:g}</text>')
        tick *= 10
    for i, (kind, series) in enumerate(points.items()):
        color = colors.get(kind, "black")
        coords = " ".join(f"{x(n):.1f},{y(t):.1f}" for n, t in series)
        out.append(f'<polyline points="{coords}" fill="none" stroke="{color}" stroke-width="2"/>')
        for n, t in series:
            out.append(f'<circle cx="{x(n):.1f}" cy="{y(t):.1f}" r="3.5" fill="{color}"/>')
            out.append(f'<text x="{x(n) + 6:.1f}" y="{y(t) - 6:.1f}" fill="{color}">{t:.1f}s</text>')
        cpu_series = cpu_points.get(kind, [])
        if cpu_series:
            coords = " ".join(f"{x(n):.1f},{y(t):.1f}" for n, t in cpu_series)
            out.append(f'<polyline points="{coords}" fill="none" stroke="{color}" stroke-width="1.5" stroke-dasharray="5,4"/>')
            for n, t in cpu_series:
                out.append(f'<circle cx="{x(n):.1f}" cy="{y(t):.1f}" r="2.5" fill="white" stroke="{color}"/>')
        ly = top + 20 + i * 20
        out.append(f'<line x1="{width - right + 10}" y1="{ly}" x2="{width - right + 30}" y2="{ly}" stroke="{color}" stroke-width="2"/>')
        out.append(f'<text x="{width - right + 34}" y="{ly + 4}" font-size="10">{labels.get(kind, kind)}</text>')
    out.append("</svg>")
    path.write_text("\n".join(out) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--quick", action="store_true", help="sizes 10,100; 1 run; no (a)")
    parser.add_argument("--skip-own", action="store_true", help="skip (a)")
    parser.add_argument("--skip-bon", action="store_true", help="skip (c)")
    parser.add_argument("--features", default=None, help="(a): passed to cargo build -p hubspot-api as --features")
    parser.add_argument("--all-features", action="store_true", help="(a): build hubspot-api with --all-features")
    parser.add_argument("--plot-only", action="store_true", help="redraw benches/compile_cost.svg from the json; build nothing")
    args = parser.parse_args()
    if args.plot_only:
        report = json.loads((RESULTS / "compile_cost.json").read_text())
        kinds = sorted({key.split("-")[0] for key in report["generated"]}, key=lambda k: k != "ours")
        svg_plot(report["generated"], report["sizes"], kinds, ROOT / "benches" / "compile_cost.svg")
        print("wrote benches/compile_cost.svg")
        return
    if args.quick:
        args.runs, args.sizes, args.skip_own = 1, "10,100", True
    sizes = [int(s) for s in args.sizes.split(",")]
    kinds = ["ours"] + ([] if args.skip_bon else ["bon"])

    feature_args = ["--all-features"] if args.all_features else (["--features", args.features] if args.features else [])
    report = {"runs": args.runs, "sizes": sizes}
    if not args.skip_own:
        print(f"(a) rebuilding hubspot-api {' '.join(feature_args)} after touching src/lib.rs", flush=True)
        report["own_features"] = feature_args
        report["own"] = own_crate(args.runs, feature_args)
        for profile, r in report["own"].items():
            print(f"  {profile:>7}: {r['median_s']:.2f} s wall, {r['cpu_median_s']:.2f} s CPU", flush=True)
    print("(b)/(c) generated crates", flush=True)
    report["generated"] = results = generated(sizes, kinds, args.runs)

    for label, key in (("wall", "median_s"), ("CPU", "cpu_median_s")):
        print(f"\n{label} time:")
        print("| endpoints | " + " | ".join(f"{k} (s)" for k in kinds) + " | ours per endpoint (ms) | ours / bon |")
        print("| --- | " + " | ".join("---" for _ in kinds) + " | --- | --- |")
        base = results["ours-0"][key]
        for n in [0, *sizes]:
            ours = results[f"ours-{n}"][key]
            per = f"{(ours - base) / n * 1000:.1f}" if n else "-"
            ratio = f"{ours / results[f'bon-{n}'][key]:.2f}" if "bon" in kinds and n else "-"
            cells = " | ".join(f"{results[f'{k}-{n}'][key]:.2f}" for k in kinds)
            print(f"| {n} | {cells} | {per} | {ratio} |")
        if 100 in sizes and 1000 in sizes:
            per100 = (results["ours-100"][key] - base) / 100
            per1000 = (results["ours-1000"][key] - base) / 1000
            suffix = "" if key == "median_s" else "_cpu"
            report["per_endpoint_ratio_1000_vs_100" + suffix] = per1000 / per100
            print(f"\nmarginal cost per endpoint ({label}) at 1000 / at 100: {per1000 / per100:.2f} (goal: <= 1.3)")

    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "compile_cost.json").write_text(json.dumps(report, indent=2) + "\n")
    svg_plot(results, sizes, kinds, ROOT / "benches" / "compile_cost.svg")
    print(f"wrote {RESULTS / 'compile_cost.json'} and benches/compile_cost.svg")


if __name__ == "__main__":
    main()
