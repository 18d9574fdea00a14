//! `hubspot-fake`: runs the fake HubSpot Conversations server until Ctrl-C.
//!
//! ```text
//! cargo run -p hubspot-fake -- [--port N] [--bind ADDR] [--token T]
//!     [--client-secret S] [--webhook CHANNEL_ID=URL]...
//! ```
#![warn(missing_docs)]

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use hubspot_fake::{FakeConfig, FakeHubSpot};

/// Port used when `--port` is not given.
const DEFAULT_PORT: u16 = 4010;

const USAGE: &str = "\
hubspot-fake: an in-memory HubSpot Conversations server for local development

USAGE:
    hubspot-fake [--port N] [--bind ADDR] [--token T] [--client-secret S]
                 [--webhook CHANNEL_ID=URL]...

OPTIONS:
    --port N                  port to listen on (default 4010; 0 picks a free port)
    --bind ADDR               address to listen on: an IP (default 127.0.0.1) or IP:PORT
    --token T                 bearer token requests must carry (default fake-hubspot-token)
    --client-secret S         client secret webhooks are signed with
                              (default fake-hubspot-client-secret)
    --webhook CHANNEL_ID=URL  POST messages sent over custom channel CHANNEL_ID to URL
                              (http:// only); repeat for more channels
    -h, --help                print this help
";

#[derive(Debug)]
enum Command {
    Run(FakeConfig),
    Help,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut ip: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);
    let mut port: Option<u16> = None;
    let mut bind_port: Option<u16> = None;
    let mut token = FakeHubSpot::DEFAULT_TOKEN.to_string();
    let mut client_secret = FakeHubSpot::DEFAULT_CLIENT_SECRET.to_string();
    let mut webhooks: Vec<(i32, String)> = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_string(), Some(value.to_string()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--port" => {
                let v = value("--port")?;
                port = Some(
                    v.parse()
                        .map_err(|_| format!("--port: not a port number: {v}"))?,
                );
            }
            "--bind" => {
                let v = value("--bind")?;
                if let Ok(addr) = v.parse::<SocketAddr>() {
                    ip = addr.ip();
                    bind_port = Some(addr.port());
                } else {
                    ip = v
                        .parse()
                        .map_err(|_| format!("--bind: not an IP address or IP:PORT: {v}"))?;
                }
            }
            "--token" => {
                token = value("--token")?;
                if token.is_empty() || token.contains(char::is_whitespace) {
                    return Err("--token: must be non-empty and contain no spaces".to_string());
                }
            }
            "--client-secret" => {
                client_secret = value("--client-secret")?;
                if client_secret.is_empty() {
                    return Err("--client-secret: must be non-empty".to_string());
                }
            }
            "--webhook" => {
                let v = value("--webhook")?;
                let (channel, url) = v
                    .split_once('=')
                    .ok_or_else(|| format!("--webhook: expected CHANNEL_ID=URL, got {v}"))?;
                let channel: i32 = channel
                    .parse()
                    .map_err(|_| format!("--webhook: not a channel id: {channel}"))?;
                if !url.starts_with("http://") {
                    return Err(format!("--webhook: only http:// URLs are supported: {url}"));
                }
                webhooks.retain(|(id, _)| *id != channel);
                webhooks.push((channel, url.to_string()));
            }
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    let port = port.or(bind_port).unwrap_or(DEFAULT_PORT);
    Ok(Command::Run(FakeConfig {
        token,
        bind: SocketAddr::new(ip, port),
        client_secret,
        webhooks,
        ..FakeConfig::default()
    }))
}

#[tokio::main]
async fn main() -> ExitCode {
    let config = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Run(config)) => config,
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("hubspot-fake: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let bind = config.bind;
    let webhooks = config.webhooks.clone();
    let fake = match FakeHubSpot::start_with(config).await {
        Ok(fake) => fake,
        Err(e) => {
            eprintln!("hubspot-fake: cannot listen on {bind}: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("hubspot-fake listening on {}", fake.base_url());
    println!("  token: {}", fake.token());
    println!(
        "  client secret (webhook signatures): {}",
        fake.client_secret()
    );
    for (channel, url) in &webhooks {
        println!("  channel {channel} webhooks -> {url}");
    }
    println!("Press Ctrl-C to stop.");
    if let Err(e) = tokio::signal::ctrl_c().await {
        eprintln!("hubspot-fake: cannot wait for Ctrl-C: {e}");
    }
    println!("hubspot-fake: shutting down");
    fake.shutdown().await;
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<(String, SocketAddr), String> {
        config(args).map(|config| (config.token, config.bind))
    }

    fn config(args: &[&str]) -> Result<FakeConfig, String> {
        match parse_args(args.iter().map(|s| (*s).to_string()))? {
            Command::Run(config) => Ok(config),
            Command::Help => Err("help".to_string()),
        }
    }

    #[test]
    fn webhooks_and_client_secret() {
        let parsed = config(&[
            "--webhook",
            "1001=http://127.0.0.1:3000/hubspot?x=1",
            "--webhook=1002=http://localhost:9/a",
            "--client-secret",
            "s3cret",
            "--webhook",
            "1001=http://127.0.0.1:3001/b",
        ])
        .unwrap();
        assert_eq!(parsed.client_secret, "s3cret");
        assert_eq!(
            parsed.webhooks,
            [
                (1002, "http://localhost:9/a".to_string()),
                (1001, "http://127.0.0.1:3001/b".to_string()),
            ]
        );
        assert_eq!(
            config(&[]).unwrap().client_secret,
            FakeHubSpot::DEFAULT_CLIENT_SECRET
        );
        for (args, error) in [
            (&["--webhook", "http://x"][..], "CHANNEL_ID=URL"),
            (&["--webhook", "abc=http://x"][..], "not a channel id"),
            (&["--webhook", "1=https://x"][..], "only http://"),
            (&["--client-secret", ""][..], "non-empty"),
        ] {
            let message = config(args).unwrap_err();
            assert!(message.contains(error), "{args:?}: {message}");
        }
    }

    #[test]
    fn defaults() {
        let (token, bind) = run(&[]).unwrap();
        assert_eq!(token, FakeHubSpot::DEFAULT_TOKEN);
        assert_eq!(bind.to_string(), "127.0.0.1:4010");
    }

    #[test]
    fn flags() {
        let (token, bind) = run(&["--port", "9000", "--token=abc", "--bind", "0.0.0.0"]).unwrap();
        assert_eq!(token, "abc");
        assert_eq!(bind.to_string(), "0.0.0.0:9000");
        let (_, bind) = run(&["--bind=127.0.0.2:7000"]).unwrap();
        assert_eq!(bind.to_string(), "127.0.0.2:7000");
        let (_, bind) = run(&["--bind", "[::1]:7000", "--port", "0"]).unwrap();
        assert_eq!(bind.to_string(), "[::1]:0");
    }

    #[test]
    fn errors_and_help() {
        assert_eq!(run(&["-h"]).unwrap_err(), "help");
        assert!(run(&["--port"]).unwrap_err().contains("needs a value"));
        assert!(
            run(&["--port", "99999"])
                .unwrap_err()
                .contains("not a port")
        );
        assert!(
            run(&["--bind", "localhost"])
                .unwrap_err()
                .contains("not an IP")
        );
        assert!(run(&["--token", ""]).unwrap_err().contains("non-empty"));
        assert!(
            run(&["--verbose"])
                .unwrap_err()
                .contains("unknown argument")
        );
    }
}
