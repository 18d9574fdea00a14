#!/usr/bin/env python3
"""Prints ours / baseline for each group of `cargo bench --bench runtime`.

Reads criterion's estimates under target/criterion/<group>/<bench>/new/ and
writes benches/results/runtime.json. Times are criterion's mean point
estimates; for the send groups a ratio of times is the inverse of the ratio of
throughputs, which is also printed.
"""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CRITERION = ROOT / "target" / "criterion"
GROUPS = ["serialize", "decode", "send_sequential", "send_concurrent"]


def mean_ns(group, bench):
    path = CRITERION / group / bench / "new" / "estimates.json"
    if not path.exists():
        return None
    return json.loads(path.read_text())["mean"]["point_estimate"]


def main():
    rows = {}
    print("| benchmark | ours | baseline | ours / baseline (time) | ours / baseline (throughput) |")
    print("| --- | --- | --- | --- | --- |")
    for group in GROUPS:
        for baseline in ("baseline", "raw_bytes"):
            ours, base = mean_ns(group, "ours"), mean_ns(group, baseline)
            if ours is None or base is None:
                continue
            name = group if baseline == "baseline" else f"{group} (vs bytes only)"
            rows[name] = {"ours_ns": ours, "baseline_ns": base, "time_ratio": ours / base}
            print(f"| {name} | {fmt(ours)} | {fmt(base)} | {ours / base:.3f} | {base / ours:.3f} |")
    out = ROOT / "benches" / "results" / "runtime.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=2) + "\n")


def fmt(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.0f} ns"


if __name__ == "__main__":
    main()
