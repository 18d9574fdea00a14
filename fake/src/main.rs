//! `hubspot-fake`: runs the fake HubSpot Conversations server until Ctrl-C.
//!
//! ```text
//! cargo run -p hubspot-fake -- [--port N] [--bind ADDR] [--token T]
//!     [--client-secret S] [--webhook CHANNEL_ID=URL]...
//!     [--rate-limit N] [--rate-window-ms MS]
//!     [--fault-rate R] [--faults LIST] [--seed N] [--slow-ms MS] [--spare-oauth]
//!     [--account HUB_ID]... [--oauth-client-id ID] [--oauth-client-secret S]
//!     [--redirect-uri URL] [--app-id N] [--developer-key K] [--scopes LIST]
//!     [--token-lifetime-secs N] [--code-lifetime-secs N]
//!     [--rotate-refresh-tokens] [--require-developer-key]
//!     [--contact PROPS]... [--company PROPS]... [--no-crm-samples]
//! ```
#![warn(missing_docs)]

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::time::Duration;

use hubspot_fake::{
    CrmObjectType, CrmSeed, FakeConfig, FakeHubSpot, Fault, FaultConfig, OAuthApp, RateLimitConfig,
};

/// Port used when `--port` is not given.
const DEFAULT_PORT: u16 = 4010;

const USAGE: &str = "\
hubspot-fake: an in-memory HubSpot Conversations server for local development

USAGE:
    hubspot-fake [--port N] [--bind ADDR] [--token T] [--client-secret S]
                 [--webhook CHANNEL_ID=URL]... [--rate-limit N] [--rate-window-ms MS]
                 [--fault-rate R] [--faults LIST] [--seed N] [--slow-ms MS] [--spare-oauth]
                 [--account HUB_ID]... [--contact PROPS]... [--company PROPS]...

OPTIONS:
    --port N                  port to listen on (default 4010; 0 picks a free port)
    --bind ADDR               address to listen on: an IP (default 127.0.0.1) or IP:PORT
    --token T                 bearer token requests must carry (default fake-hubspot-token)
    --client-secret S         client secret webhooks are signed with
                              (default fake-hubspot-client-secret)
    --webhook CHANNEL_ID=URL  POST messages sent over custom channel CHANNEL_ID to URL
                              (http:// only); repeat for more channels
    --rate-limit N            accept at most N requests per rolling window; answer the
                              rest 429 like HubSpot (default: no limit)
    --rate-window-ms MS       the rate limit's window (default 10000, HubSpot's)
    --fault-rate R            inject a fault into this share of requests, 0.0 to 1.0
                              (default 0)
    --faults LIST             comma-separated faults to pick from (default all): 500,
                              502, 503, reset-before, reset-after, slow, truncated,
                              malformed
    --seed N                  seed of the fault generator, to reproduce a run (default 0)
    --slow-ms MS              how long a slow answer is held back (default 5000)
    --spare-oauth             no random faults on HubSpot's OAuth endpoints
    --account HUB_ID          an account (hub id) with its own data, tokens and rate-limit
                              window; repeat for more; the first is the default account,
                              whose private-app token is --token (default: 62515)
    --oauth-client-id ID      the app's OAuth client id (default fake-hubspot-client-id)
    --oauth-client-secret S   the app's client secret: the same as --client-secret
    --redirect-uri URL        the app's redirect URI
                              (default http://localhost:3000/oauth-callback)
    --app-id N                the app's id (default 1234567)
    --developer-key K         the developer API key (hapikey) of the app's developer
                              account (default fake-hubspot-developer-key)
    --scopes LIST             space- or comma-separated scopes the app may ask for
                              (default: the Conversations scopes and oauth)
    --token-lifetime-secs N   how long access tokens live (default 1800)
    --code-lifetime-secs N    how long authorization codes can be exchanged (default 300)
    --rotate-refresh-tokens   each refresh answers a new refresh token; the old one is
                              rejected from then on
    --require-developer-key   channel administration accepts only hapikey=&appId=, not
                              bearer tokens, as at HubSpot
    --contact PROPS           a CRM contact in every account, e.g.
                              email=grace@example.com,firstname=Grace (an existing
                              email gets the properties merged in); repeat for more
    --company PROPS           a CRM company in every account, e.g. name=Acme,domain=acme.test
    --no-crm-samples          do not seed the sample contact (Ada Lovelace,
                              ada@example.com, the seeded visitor V-2001)
    -h, --help                print this help

Secrets given by flag (--token, --client-secret, --developer-key) are never printed.
";

#[derive(Debug)]
enum Command {
    Run(Box<FakeConfig>),
    Help,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut ip: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);
    let mut port: Option<u16> = None;
    let mut bind_port: Option<u16> = None;
    let mut token = FakeHubSpot::DEFAULT_TOKEN.to_string();
    let mut client_secret = FakeHubSpot::DEFAULT_CLIENT_SECRET.to_string();
    let mut webhooks: Vec<(i32, String)> = Vec::new();
    let mut rate_limit: Option<u32> = None;
    let mut rate_window = Duration::from_secs(10);
    let mut fault_rate: Option<f64> = None;
    let mut faults = FaultConfig::new(0.0);
    let mut accounts: Vec<i64> = Vec::new();
    let mut oauth = OAuthApp::default();
    let mut crm_seed = CrmSeed::samples();
    let mut crm_extra = Vec::new();
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
            "--rate-limit" => {
                let v = value("--rate-limit")?;
                let n: u32 = v
                    .parse()
                    .map_err(|_| format!("--rate-limit: not a number of requests: {v}"))?;
                if n == 0 {
                    return Err("--rate-limit: must be at least 1".to_string());
                }
                rate_limit = Some(n);
            }
            "--rate-window-ms" => {
                rate_window =
                    Duration::from_millis(millis(&value("--rate-window-ms")?, "--rate-window-ms")?);
                if rate_window.is_zero() {
                    return Err("--rate-window-ms: must be at least 1".to_string());
                }
            }
            "--fault-rate" => {
                let v = value("--fault-rate")?;
                let rate: f64 = v
                    .parse()
                    .ok()
                    .filter(|r: &f64| (0.0..=1.0).contains(r))
                    .ok_or_else(|| format!("--fault-rate: not a number from 0.0 to 1.0: {v}"))?;
                fault_rate = Some(rate);
            }
            "--faults" => {
                let kinds = value("--faults")?
                    .split(',')
                    .map(|name| name.trim().parse::<Fault>())
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| format!("--faults: {e}"))?;
                faults = faults.with_kinds(kinds);
            }
            "--seed" => {
                let v = value("--seed")?;
                faults = faults.with_seed(
                    v.parse()
                        .map_err(|_| format!("--seed: not a number: {v}"))?,
                );
            }
            "--slow-ms" => {
                faults = faults.with_slow_delay(Duration::from_millis(millis(
                    &value("--slow-ms")?,
                    "--slow-ms",
                )?));
            }
            "--spare-oauth" => faults = faults.spare_oauth(true),
            "--client-secret" | "--oauth-client-secret" => {
                client_secret = value(&flag)?;
                if client_secret.is_empty() {
                    return Err(format!("{flag}: must be non-empty"));
                }
            }
            "--account" => {
                let v = value("--account")?;
                let hub_id =
                    v.parse::<i32>().ok().filter(|id| *id > 0).ok_or_else(|| {
                        format!("--account: not a hub id (a positive int32): {v}")
                    })?;
                if !accounts.contains(&i64::from(hub_id)) {
                    accounts.push(i64::from(hub_id));
                }
            }
            "--oauth-client-id" => oauth.client_id = non_empty(value(&flag)?, &flag)?,
            "--redirect-uri" => oauth.redirect_uri = non_empty(value(&flag)?, &flag)?,
            "--developer-key" => oauth.developer_key = non_empty(value(&flag)?, &flag)?,
            "--app-id" => {
                let v = value("--app-id")?;
                oauth.app_id = v
                    .parse()
                    .map_err(|_| format!("--app-id: not an app id (an int32): {v}"))?;
            }
            "--scopes" => {
                oauth.scopes = value("--scopes")?
                    .split([' ', ','])
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
                if oauth.scopes.is_empty() {
                    return Err("--scopes: give at least one scope".to_string());
                }
            }
            "--token-lifetime-secs" | "--code-lifetime-secs" => {
                let v = value(&flag)?;
                let secs: u64 =
                    v.parse().ok().filter(|s| *s > 0).ok_or_else(|| {
                        format!("{flag}: not a number of seconds (at least 1): {v}")
                    })?;
                if flag == "--token-lifetime-secs" {
                    oauth.token_lifetime = Duration::from_secs(secs);
                } else {
                    oauth.code_lifetime = Duration::from_secs(secs);
                }
            }
            "--contact" | "--company" => {
                let object_type = if flag == "--contact" {
                    CrmObjectType::Contacts
                } else {
                    CrmObjectType::Companies
                };
                crm_extra.push(CrmSeed::new(
                    object_type,
                    properties(&value(&flag)?, &flag)?,
                ));
            }
            "--no-crm-samples" => crm_seed.clear(),
            "--rotate-refresh-tokens" => oauth.rotate_refresh_tokens = true,
            "--require-developer-key" => oauth.require_developer_key = true,
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
    let faults = fault_rate.map(|rate| {
        let mut faults = faults;
        faults.rate = rate;
        faults
    });
    Ok(Command::Run(Box::new(FakeConfig {
        token,
        bind: SocketAddr::new(ip, port),
        rate_limit: rate_limit.map(|n| RateLimitConfig::new(n, rate_window)),
        faults,
        client_secret,
        webhooks,
        accounts,
        oauth,
        crm_seed: crm_seed.into_iter().chain(crm_extra).collect(),
        ..FakeConfig::default()
    })))
}

/// `name=value,name=value` as CRM properties.
fn properties(value: &str, flag: &str) -> Result<Vec<(String, String)>, String> {
    let pairs = value
        .split(',')
        .filter(|pair| !pair.trim().is_empty())
        .map(|pair| {
            pair.split_once('=')
                .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
                .filter(|(name, _)| !name.is_empty())
                .ok_or_else(|| format!("{flag}: expected name=value[,name=value...], got {pair}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    if pairs.is_empty() {
        return Err(format!("{flag}: give at least one name=value"));
    }
    Ok(pairs)
}

fn non_empty(value: String, flag: &str) -> Result<String, String> {
    if value.is_empty() || value.contains(char::is_whitespace) {
        Err(format!("{flag}: must be non-empty and contain no spaces"))
    } else {
        Ok(value)
    }
}

fn millis(value: &str, flag: &str) -> Result<u64, String> {
    value
        .parse()
        .map_err(|_| format!("{flag}: not a number of milliseconds: {value}"))
}

#[tokio::main]
async fn main() -> ExitCode {
    let config = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Run(config)) => *config,
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
    let (rate_limit, faults) = (config.rate_limit, config.faults.clone());
    let webhooks = config.webhooks.clone();
    let fake = match FakeHubSpot::start_with(config).await {
        Ok(fake) => fake,
        Err(e) => {
            eprintln!("hubspot-fake: cannot listen on {bind}: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("hubspot-fake listening on {}", fake.base_url());
    // A secret is shown only when it is the well-known default; one given
    // by flag stays out of the terminal (and of any log it is piped to).
    let shown = |value: &str, default: &str, flag: &str| {
        if value == default {
            value.to_owned()
        } else {
            format!("<as given by {flag}>")
        }
    };
    let hub_ids = fake.hub_ids();
    println!(
        "  accounts: {} (default {})",
        hub_ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        fake.default_hub_id()
    );
    println!(
        "  token (default account's private app): {}",
        shown(fake.token(), FakeHubSpot::DEFAULT_TOKEN, "--token")
    );
    if let Some(limit) = &rate_limit {
        println!(
            "  rate limit: {} requests per {} ms, per account",
            limit.max_requests,
            limit.window.as_millis()
        );
    }
    if let Some(faults) = &faults {
        let kinds: Vec<&str> = faults.kinds.iter().map(|f| f.name()).collect();
        println!(
            "  faults: {:.0}% of requests, from {} (seed {})",
            faults.rate * 100.0,
            kinds.join(", "),
            faults.seed
        );
    }
    println!(
        "  client secret (OAuth, webhook signatures): {}",
        shown(
            fake.client_secret(),
            FakeHubSpot::DEFAULT_CLIENT_SECRET,
            "--client-secret"
        )
    );
    let app = fake.oauth_app();
    println!(
        "  OAuth app {}: client id {}, redirect URI {}",
        app.app_id, app.client_id, app.redirect_uri
    );
    println!(
        "  authorize: {}  token: {}/oauth/v3/token",
        fake.authorize_endpoint(),
        fake.base_url()
    );
    println!(
        "  access tokens live {} s{}; developer key: {}{}",
        app.token_lifetime.as_secs(),
        if app.rotate_refresh_tokens {
            ", refresh tokens rotate"
        } else {
            ""
        },
        shown(
            &app.developer_key,
            OAuthApp::DEFAULT_DEVELOPER_KEY,
            "--developer-key"
        ),
        if app.require_developer_key {
            " (required on channel administration)"
        } else {
            ""
        }
    );
    let hub = fake.default_hub_id();
    let count = |object_type| fake.crm_objects(hub, object_type).map_or(0, |o| o.len());
    println!(
        "  CRM (account {hub}): {} contact(s), {} company(ies); conversation visitors become contacts",
        count(CrmObjectType::Contacts),
        count(CrmObjectType::Companies)
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
            Command::Run(config) => Ok(*config),
            Command::Help => Err("help".to_string()),
        }
    }

    #[test]
    fn rate_limit_and_fault_flags() {
        let plain = config(&[]).unwrap();
        assert_eq!(plain.rate_limit, None);
        assert_eq!(plain.faults, None);

        let config = config(&[
            "--rate-limit",
            "100",
            "--rate-window-ms=250",
            "--fault-rate",
            "0.2",
            "--faults",
            "502,reset-after,slow",
            "--seed",
            "42",
            "--slow-ms",
            "1500",
            "--spare-oauth",
        ])
        .unwrap();
        assert_eq!(
            config.rate_limit,
            Some(RateLimitConfig::new(100, Duration::from_millis(250)))
        );
        let faults = config.faults.unwrap();
        assert_eq!(faults.rate, 0.2);
        assert!(faults.spare_oauth);
        assert_eq!(
            faults.kinds,
            [Fault::BadGateway, Fault::ResetAfterHandling, Fault::Slow]
        );
        assert_eq!(faults.seed, 42);
        assert_eq!(faults.slow_delay, Duration::from_millis(1500));

        // The window alone does not turn the limit on; HubSpot's is the default.
        let limit = super::tests::config(&["--rate-limit", "5"])
            .unwrap()
            .rate_limit;
        assert_eq!(
            limit,
            Some(RateLimitConfig::new(5, Duration::from_secs(10)))
        );
        assert_eq!(
            super::tests::config(&["--rate-window-ms", "5"])
                .unwrap()
                .rate_limit,
            None
        );
    }

    #[test]
    fn bad_rate_limit_and_fault_flags() {
        for (args, expected) in [
            (&["--rate-limit", "0"][..], "at least 1"),
            (&["--rate-limit", "many"], "not a number"),
            (&["--rate-window-ms", "0"], "at least 1"),
            (&["--fault-rate", "1.5"], "0.0 to 1.0"),
            (&["--fault-rate", "often"], "0.0 to 1.0"),
            (&["--faults", "502,explode"], "unknown fault"),
            (&["--seed", "-1"], "not a number"),
            (&["--slow-ms", "soon"], "milliseconds"),
        ] {
            let error = config(args).unwrap_err();
            assert!(error.contains(expected), "{args:?}: {error}");
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
    fn account_and_oauth_flags() {
        let parsed = config(&[
            "--account",
            "101",
            "--account=202",
            "--account",
            "101",
            "--oauth-client-id",
            "cid",
            "--oauth-client-secret",
            "sec",
            "--redirect-uri",
            "http://localhost:9/cb",
            "--app-id",
            "42",
            "--developer-key",
            "dk",
            "--scopes",
            "oauth,conversations.read",
            "--token-lifetime-secs",
            "2",
            "--code-lifetime-secs=30",
            "--rotate-refresh-tokens",
            "--require-developer-key",
        ])
        .unwrap();
        assert_eq!(parsed.accounts, [101, 202]);
        assert_eq!(parsed.client_secret, "sec");
        let app = &parsed.oauth;
        assert_eq!(
            (
                app.client_id.as_str(),
                app.redirect_uri.as_str(),
                app.app_id,
                app.developer_key.as_str()
            ),
            ("cid", "http://localhost:9/cb", 42, "dk")
        );
        assert_eq!(app.scopes, ["oauth", "conversations.read"]);
        assert_eq!(app.token_lifetime, Duration::from_secs(2));
        assert_eq!(app.code_lifetime, Duration::from_secs(30));
        assert!(app.rotate_refresh_tokens && app.require_developer_key);
        // Secrets stay out of Debug output.
        let debug = format!("{parsed:?}");
        assert!(
            !debug.contains("sec\"") && !debug.contains("\"dk\""),
            "{debug}"
        );

        let plain = config(&[]).unwrap();
        assert!(plain.accounts.is_empty());
        assert_eq!(plain.oauth, OAuthApp::default());
        for (args, error) in [
            (&["--account", "0"][..], "hub id"),
            (&["--account", "x"][..], "hub id"),
            (&["--app-id", "x"][..], "app id"),
            (&["--token-lifetime-secs", "0"][..], "seconds"),
            (&["--scopes", ","][..], "at least one"),
            (&["--developer-key", ""][..], "non-empty"),
        ] {
            let message = config(args).unwrap_err();
            assert!(message.contains(error), "{args:?}: {message}");
        }
    }

    #[test]
    fn crm_seed_flags() {
        assert_eq!(config(&[]).unwrap().crm_seed, CrmSeed::samples());
        let parsed = config(&[
            "--contact",
            "email=grace@example.com, firstname=Grace",
            "--company=name=Acme,domain=acme.test",
            "--no-crm-samples",
        ])
        .unwrap();
        assert_eq!(
            parsed.crm_seed,
            [
                CrmSeed::contact([("email", "grace@example.com"), ("firstname", "Grace")]),
                CrmSeed::company([("name", "Acme"), ("domain", "acme.test")]),
            ]
        );
        for (args, error) in [
            (&["--contact", "email"][..], "name=value"),
            (&["--company", ","][..], "at least one"),
            (&["--contact", "=x"][..], "name=value"),
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
