//! Bounded memory: a server that streams 1 GiB at the client gets a typed
//! `Error::ResponseTooLarge`, and the process's peak memory barely moves.
//!
//! One test in this binary, so that nothing else running alongside it
//! moves the peak it measures.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use common::*;
use hubspot_runtime::{Client, Error, RetryPolicy};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpListener;

const GIB: u64 = 1024 * 1024 * 1024;
const MIB: u64 = 1024 * 1024;

/// The process's peak resident set size so far, in bytes (`VmHWM`).
fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let line = status
        .lines()
        .find(|line| line.starts_with("VmHWM:"))
        .expect("a VmHWM line");
    let kib: u64 = line
        .trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .expect("VmHWM in kB");
    kib * 1024
}

/// How the server frames its 1 GiB answer.
#[derive(Clone, Copy, Debug)]
enum Framing {
    /// `Content-Length: 1073741824`: the client can refuse it up front.
    ContentLength,
    /// `Transfer-Encoding: chunked`: the client only learns the size by
    /// reading.
    Chunked,
}

/// A loopback HTTP/1.1 server that answers every request with a 1 GiB JSON
/// string, written 64 KiB at a time until done or the client hangs up;
/// `written` counts the body bytes it got out.
async fn serve_a_gibibyte(framing: Framing, written: Arc<AtomicU64>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let written = written.clone();
            tokio::spawn(async move {
                // Read the request head (the test's requests have small bodies
                // that arrive with it).
                let mut head = Vec::new();
                let mut buffer = [0u8; 4096];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match socket.read(&mut buffer).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buffer[..n]),
                    }
                }
                let framing_header = match framing {
                    Framing::ContentLength => format!("Content-Length: {GIB}"),
                    Framing::Chunked => "Transfer-Encoding: chunked".to_owned(),
                };
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{framing_header}\r\n\r\n"
                );
                if socket.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let piece = vec![b'a'; 64 * 1024];
                let mut sent = 0u64;
                while sent < GIB {
                    let result = match framing {
                        Framing::ContentLength => socket.write_all(&piece).await,
                        Framing::Chunked => {
                            let mut chunk = format!("{:x}\r\n", piece.len()).into_bytes();
                            chunk.extend_from_slice(&piece);
                            chunk.extend_from_slice(b"\r\n");
                            socket.write_all(&chunk).await
                        }
                    };
                    if result.is_err() {
                        return;
                    }
                    sent += piece.len() as u64;
                    written.fetch_add(piece.len() as u64, Ordering::Relaxed);
                }
                if let Framing::Chunked = framing {
                    let _ = socket.write_all(b"0\r\n\r\n").await;
                }
            });
        }
    });
    format!("http://{addr}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gibibyte_answer_is_refused_with_bounded_memory() {
    let before = peak_rss();
    for framing in [Framing::ContentLength, Framing::Chunked] {
        let written = Arc::new(AtomicU64::new(0));
        let base_url = serve_a_gibibyte(framing, written.clone()).await;
        // The default limit, 16 MiB.
        let client = Client::builder()
            .token(TOKEN)
            .base_url(base_url)
            .retry_policy(RetryPolicy::disabled())
            .build()
            .unwrap();
        assert_eq!(client.max_response_bytes(), 16 * MIB);
        let error = client
            .send(&PublishMessage::new("42", "hello"))
            .await
            .expect_err("a 1 GiB answer is over the limit");
        assert!(
            matches!(error, Error::ResponseTooLarge { limit } if limit == 16 * MIB),
            "{framing:?}: {error:?}"
        );
        assert!(error.to_string().contains("16777216"), "{error}");
        // The client stopped reading long before the end: the server could
        // only get socket buffers' worth past the limit out.
        let sent = written.load(Ordering::Relaxed);
        assert!(sent < GIB / 4, "{framing:?}: the server wrote {sent} bytes");
        println!(
            "{framing:?}: the server got {} KiB out before the client hung up",
            sent / 1024
        );
    }
    let after = peak_rss();
    let growth = after.saturating_sub(before);
    println!(
        "peak RSS: {} MiB before, {} MiB after, growth {} MiB",
        before / MIB,
        after / MIB,
        growth / MIB
    );
    assert!(
        growth < 128 * MIB,
        "reading a 1 GiB answer grew the peak RSS by {} MiB",
        growth / MIB
    );
}
