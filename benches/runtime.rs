//! Run-time cost of the generated code against hand-written baselines, in one
//! run: `cargo bench --bench runtime`, then `python3 benches/ratios.py` for
//! the ours/baseline table (BENCHMARKS.md explains each pair).
//!
//! Each pair does the same work on the same data:
//! - `serialize/*`: build a publish request with every field set and
//!   serialize it to JSON; the baseline is a `#[derive(Serialize)]` struct.
//! - `decode/*`: decode a full `PublicConversationsMessage`; the baseline is a
//!   `#[derive(Deserialize)]` struct of the same shape.
//! - `send_sequential/*`, `send_concurrent/*`: 64 publishes (one at a time,
//!   or 8 at a time) to a loopback server that answers a canned 201. Ours is
//!   `client.send(&PublishMessage)`: serialize, send, decode the answer into
//!   `PublicConversationsMessage`. `baseline` is a hand-written client doing
//!   the same with raw reqwest and the hand-written structs, posting
//!   identical bytes. `raw_bytes` posts bytes serialized beforehand and only
//!   reads the answer's bytes: the floor.
//!
//! `cargo bench --bench paired` measures the same pairs in interleaved
//! rounds and in instruction counts, which a noisy machine moves less.

mod common;

use std::hint::black_box;
use std::sync::Arc;

use common::{
    BaseMessage, CONTENDERS, FULL_MESSAGE, Fixture, base_publish, concurrent, ours_publish,
    sequential,
};
use criterion::{Criterion, criterion_group, criterion_main};
use hubspot_api::conversations::models::PublicConversationsMessage;

fn serialize(c: &mut Criterion) {
    let mut group = c.benchmark_group("serialize");
    group.bench_function("ours", |b| {
        b.iter(|| {
            let request = ours_publish();
            black_box(serde_json::to_vec(black_box(&request)).expect("serializes"))
        })
    });
    group.bench_function("baseline", |b| {
        b.iter(|| {
            let request = base_publish();
            black_box(serde_json::to_vec(black_box(&request)).expect("serializes"))
        })
    });
    group.finish();
}

fn decode(c: &mut Criterion) {
    // Both sides must read the same document completely.
    serde_json::from_str::<PublicConversationsMessage>(FULL_MESSAGE).expect("ours decodes");
    serde_json::from_str::<BaseMessage>(FULL_MESSAGE).expect("baseline decodes");
    let mut group = c.benchmark_group("decode");
    group.bench_function("ours", |b| {
        b.iter(|| {
            black_box(serde_json::from_str::<PublicConversationsMessage>(
                black_box(FULL_MESSAGE),
            ))
        })
    });
    group.bench_function("baseline", |b| {
        b.iter(|| black_box(serde_json::from_str::<BaseMessage>(black_box(FULL_MESSAGE))))
    });
    group.finish();
}

fn sends(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let fixture = Arc::new(runtime.block_on(Fixture::new()));
    let mut group = c.benchmark_group("send_sequential");
    for contender in CONTENDERS {
        group.bench_function(contender.name(), |b| {
            b.to_async(&runtime)
                .iter(|| sequential(&fixture, contender))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("send_concurrent");
    for contender in CONTENDERS {
        group.bench_function(contender.name(), |b| {
            b.to_async(&runtime)
                .iter(|| concurrent(&fixture, contender))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).warm_up_time(std::time::Duration::from_secs(1));
    targets = serialize, decode, sends
}
criterion_main!(benches);
