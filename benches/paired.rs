//! Ours-against-baseline ratios that hold up on a noisy machine:
//! `cargo bench --bench paired`.
//!
//! Criterion (`benches/runtime.rs`) times each function in its own stretch
//! of time, so a neighbour's load that comes and goes moves one side of a
//! ratio and not the other. This binary measures the same pairs two more
//! ways:
//!
//! - **Interleaved rounds** (wall clock). Each round runs `SENDS` sends with
//!   every contender, back to back, in an order that rotates every round; the
//!   ratio is taken within each round, and the report gives the median and
//!   the quartiles of those per-round ratios. Slow drift in the machine's load
//!   hits both sides of a round alike.
//! - **Instruction counts** (`valgrind --tool=callgrind`, when valgrind is
//!   installed). The binary runs itself under callgrind once with zero
//!   iterations of a workload and once with `K`, after the same set-up and
//!   warm-up; the difference over `K` is the instructions one iteration
//!   costs. Counts do not depend on what else the machine is doing.
//!
//! Results go to `benches/results/paired.json`. Options (after `--`):
//! `--rounds N` (default 60), `--skip-rounds`, `--skip-instructions`.
//! The binary's own `--workload NAME --iterations K` mode is what callgrind
//! runs.

mod common;

use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{
    BaseMessage, CONCURRENCY, CONTENDERS, Contender, FULL_MESSAGE, Fixture, SENDS, base_publish,
    concurrent, ours_publish, sequential,
};
use hubspot_api::conversations::models::PublicConversationsMessage;

/// The workloads callgrind counts: (name, iterations to count).
const WORKLOADS: &[(&str, u64)] = &[
    ("serialize/ours", 2000),
    ("serialize/baseline", 2000),
    ("decode/ours", 2000),
    ("decode/baseline", 2000),
    ("send/ours", 200),
    ("send/baseline", 200),
    ("send/raw_bytes", 200),
];

/// Sends made before counting or timing starts: connections, pools and
/// allocator caches settle.
const WARM_UP_SENDS: usize = 32;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| {
        args.iter()
            .position(|arg| arg == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if let Some(workload) = value("--workload") {
        let iterations = value("--iterations")
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        run_workload(&workload, iterations);
        return;
    }
    let rounds: usize = value("--rounds").and_then(|n| n.parse().ok()).unwrap_or(60);
    let mut report = serde_json::Map::new();
    if !args.iter().any(|arg| arg == "--skip-rounds") {
        report.insert("rounds".into(), interleaved_rounds(rounds));
    }
    if !args.iter().any(|arg| arg == "--skip-instructions") {
        match instruction_counts() {
            Ok(counts) => {
                report.insert("instructions".into(), counts);
            }
            Err(why) => println!("instruction counts skipped: {why}"),
        }
    }
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/results/paired.json");
    std::fs::create_dir_all(out.parent().expect("a parent")).expect("benches/results");
    let json = serde_json::to_string_pretty(&report).expect("serializes");
    std::fs::write(&out, json + "\n").expect("writes the report");
    println!("wrote {}", out.display());
}

// ------------------------------------------------------ interleaved rounds

fn interleaved_rounds(rounds: usize) -> serde_json::Value {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let fixture = Arc::new(runtime.block_on(Fixture::new()));
    let mut report = serde_json::Map::new();
    println!("interleaved rounds: {rounds} rounds of {SENDS} sends per contender");
    println!(
        "| group | ours / baseline throughput: median [q1, q3] | ours / raw_bytes | ours per send | baseline per send |"
    );
    println!("| --- | --- | --- | --- | --- |");
    for group in ["send_sequential", "send_concurrent"] {
        let run = |contender: Contender| -> Duration {
            let started = Instant::now();
            runtime.block_on(async {
                if group == "send_sequential" {
                    sequential(&fixture, contender).await
                } else {
                    concurrent(&fixture, contender).await
                }
            });
            started.elapsed()
        };
        for contender in CONTENDERS {
            for _ in 0..WARM_UP_SENDS / SENDS + 2 {
                run(contender);
            }
        }
        let mut times: Vec<[Duration; 3]> = Vec::with_capacity(rounds);
        for round in 0..rounds {
            let mut row = [Duration::ZERO; 3];
            for k in 0..CONTENDERS.len() {
                let index = (round + k) % CONTENDERS.len();
                row[index] = run(CONTENDERS[index]);
            }
            times.push(row);
        }
        // Throughput ratio ours / baseline = time baseline / time ours.
        let versus = |other: usize| {
            quartiles(
                times
                    .iter()
                    .map(|row| row[other].as_secs_f64() / row[0].as_secs_f64())
                    .collect(),
            )
        };
        let per_send = |index: usize| {
            quartiles(
                times
                    .iter()
                    .map(|row| row[index].as_secs_f64() / SENDS as f64 * 1e6)
                    .collect(),
            )
        };
        let (baseline, floor) = (versus(1), versus(2));
        let (ours_us, base_us) = (per_send(0), per_send(1));
        println!(
            "| {group} | {:.3} [{:.3}, {:.3}] | {:.3} | {:.1} µs | {:.1} µs |",
            baseline[1], baseline[0], baseline[2], floor[1], ours_us[1], base_us[1]
        );
        report.insert(
            group.into(),
            serde_json::json!({
                "rounds": rounds,
                "sends_per_round": SENDS,
                "concurrency": if group == "send_sequential" { 1 } else { CONCURRENCY },
                "throughput_ratio_vs_baseline": {"q1": baseline[0], "median": baseline[1], "q3": baseline[2]},
                "throughput_ratio_vs_raw_bytes": {"q1": floor[0], "median": floor[1], "q3": floor[2]},
                "us_per_send": {
                    "ours": ours_us[1],
                    "baseline": base_us[1],
                    "raw_bytes": per_send(2)[1],
                },
            }),
        );
    }
    serde_json::Value::Object(report)
}

/// First quartile, median and third quartile.
fn quartiles(mut values: Vec<f64>) -> [f64; 3] {
    values.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let position = q * (values.len() - 1) as f64;
        let (low, high) = (position.floor() as usize, position.ceil() as usize);
        values[low] + (values[high] - values[low]) * (position - low as f64)
    };
    [at(0.25), at(0.5), at(0.75)]
}

// ---------------------------------------------------- instruction counts

/// What callgrind runs: set-up and warm-up, then `iterations` of `workload`.
fn run_workload(workload: &str, iterations: u64) {
    match workload {
        "serialize/ours" => {
            for _ in 0..iterations {
                let request = ours_publish();
                black_box(serde_json::to_vec(black_box(&request)).expect("serializes"));
            }
        }
        "serialize/baseline" => {
            for _ in 0..iterations {
                let request = base_publish();
                black_box(serde_json::to_vec(black_box(&request)).expect("serializes"));
            }
        }
        "decode/ours" => {
            for _ in 0..iterations {
                black_box(
                    serde_json::from_str::<PublicConversationsMessage>(black_box(FULL_MESSAGE))
                        .expect("decodes"),
                );
            }
        }
        "decode/baseline" => {
            for _ in 0..iterations {
                black_box(
                    serde_json::from_str::<BaseMessage>(black_box(FULL_MESSAGE)).expect("decodes"),
                );
            }
        }
        send if send.starts_with("send/") => {
            let contender = CONTENDERS
                .into_iter()
                .find(|contender| send == format!("send/{}", contender.name()))
                .unwrap_or_else(|| panic!("no workload {send:?}"));
            // One thread: the count is the same from run to run.
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a tokio runtime");
            runtime.block_on(async {
                let fixture = Fixture::new().await;
                for _ in 0..WARM_UP_SENDS {
                    fixture.send(contender).await;
                }
                for _ in 0..iterations {
                    fixture.send(contender).await;
                }
            });
        }
        other => panic!("no workload {other:?}"),
    }
}

/// Counts each workload's instructions per iteration under callgrind.
fn instruction_counts() -> Result<serde_json::Value, String> {
    let valgrind = Command::new("valgrind").arg("--version").output();
    if !valgrind.is_ok_and(|out| out.status.success()) {
        return Err("valgrind is not installed".into());
    }
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let dir = std::env::temp_dir().join(format!("hubspot-paired-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let count = |workload: &str, iterations: u64| -> Result<u64, String> {
        let out = dir.join(format!("{}-{iterations}.out", workload.replace('/', "-")));
        let status = Command::new("valgrind")
            .arg("--tool=callgrind")
            .arg(format!("--callgrind-out-file={}", out.display()))
            .arg(&exe)
            .args([
                "--workload",
                workload,
                "--iterations",
                &iterations.to_string(),
            ])
            .output()
            .map_err(|e| e.to_string())?;
        if !status.status.success() {
            return Err(format!(
                "callgrind failed on {workload}: {}",
                String::from_utf8_lossy(&status.stderr)
            ));
        }
        let text = std::fs::read_to_string(&out).map_err(|e| e.to_string())?;
        text.lines()
            .find_map(|line| {
                line.strip_prefix("summary:")
                    .or_else(|| line.strip_prefix("totals:"))
            })
            .and_then(|total| total.split_whitespace().next()?.parse().ok())
            .ok_or_else(|| format!("no total in {}", out.display()))
    };
    println!("instructions per iteration (valgrind --tool=callgrind):");
    let mut per_iteration = serde_json::Map::new();
    for &(workload, iterations) in WORKLOADS {
        let empty = count(workload, 0)?;
        let full = count(workload, iterations)?;
        let each = full.saturating_sub(empty) as f64 / iterations as f64;
        println!("  {workload:<20} {each:>12.0}");
        per_iteration.insert(workload.into(), serde_json::json!(each));
    }
    let _ = std::fs::remove_dir_all(&dir);
    let of = |name: &str| per_iteration[name].as_f64().unwrap_or(f64::NAN);
    let ratios = serde_json::json!({
        "serialize": of("serialize/ours") / of("serialize/baseline"),
        "decode": of("decode/ours") / of("decode/baseline"),
        "send": of("send/ours") / of("send/baseline"),
        "send_vs_raw_bytes": of("send/ours") / of("send/raw_bytes"),
    });
    println!("ours / baseline (instructions): {ratios}");
    Ok(serde_json::json!({
        "per_iteration": per_iteration,
        "ours_over_baseline": ratios,
    }))
}
