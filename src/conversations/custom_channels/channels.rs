//! Custom channels themselves: register your chat service with HubSpot, list,
//! read, change and archive the channels you registered.
//!
//! HubSpot authenticates these requests with your developer account's API
//! key rather than an OAuth token (`#[auth(developer_key)]`), so they list no
//! scopes.

use std::collections::HashMap;

use hubspot_runtime::{DateTime, JsonValue, hubspot_endpoint};

use crate::conversations::models::Paging;

hubspot_endpoint! {
    /// Registers a custom channel: your chat service, as HubSpot's inbox will
    /// show it.
    #[auth(developer_key)]
    pub endpoint CreateCustomChannel: POST {
        v3        => "/conversations/custom-channels/v3",
        "2025-09" => "/conversations/custom-channels/2025-09",
        "2026-03" => "/conversations/custom-channels/2026-03",
        "2026-09" => "/conversations/custom-channels/2026-09",
    } {
        required {
            /// The channel's name, as agents see it.
            name: String,
            /// What the channel can do (rich text, attachments, threading
            /// model, …), by capability name.
            capabilities: HashMap<String, JsonValue>,
        }
        optional {
            /// Where HubSpot sends the channel's events (outgoing messages,
            /// account changes).
            webhook_url: String,
            /// A description shown when connecting an account.
            channel_description: String,
            /// A logo shown in the inbox.
            channel_logo_url: String,
            /// Where HubSpot sends a user who connects an account.
            channel_account_connection_redirect_url: String,
        }
    } -> 201 PublicChannelIntegrationChannel;

    /// Lists your custom channels, a page at a time; `.stream(&client)`
    /// follows the pages.
    #[paginated]
    #[auth(developer_key)]
    pub endpoint ListCustomChannels: GET {
        v3        => "/conversations/custom-channels/v3",
        "2025-09" => "/conversations/custom-channels/2025-09",
        "2026-03" => "/conversations/custom-channels/2026-03",
        "2026-09" => "/conversations/custom-channels/2026-09",
    } {
        query {
            /// The cursor from the previous page's `paging.next.after`.
            after: Option<String>,
            /// How many channels a page holds when `limit` is not given.
            default_page_length: Option<i32>,
            /// How many channels a page holds.
            limit: Option<i32>,
            /// Properties to sort by.
            sort: Option<Vec<String>>,
        }
    } -> 200 CollectionResponseWithTotalPublicChannelIntegrationChannel;

    /// Reads one custom channel.
    #[auth(developer_key)]
    pub endpoint GetCustomChannel: GET {
        v3        => "/conversations/v3/custom-channels/{channelId}",
        "2025-09" => "/conversations/custom-channels/2025-09/{channelId}",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}",
        "2026-09" => "/conversations/custom-channels/2026-09/{channelId}",
    } {
        path {
            /// The custom channel's id.
            channel_id: i32,
        }
    } -> 200 PublicChannelIntegrationChannel;

    /// Changes a custom channel; fields left out stay as they are. Setting
    /// them twice is setting them once, so the client retries it safely.
    #[idempotent]
    #[auth(developer_key)]
    pub endpoint UpdateCustomChannel: PATCH {
        v3        => "/conversations/v3/custom-channels/{channelId}",
        "2025-09" => "/conversations/custom-channels/2025-09/{channelId}",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}",
        "2026-09" => "/conversations/custom-channels/2026-09/{channelId}",
    } {
        path {
            /// The custom channel's id.
            channel_id: i32,
        }
        optional {
            /// The new name.
            name: String,
            /// The new capabilities.
            capabilities: HashMap<String, JsonValue>,
            /// The new webhook URL.
            webhook_url: String,
            /// The new description.
            channel_description: String,
            /// The new logo.
            channel_logo_url: String,
            /// The new account-connection redirect URL.
            channel_account_connection_redirect_url: String,
        }
    } -> 200 PublicChannelIntegrationChannel;

    /// Archives a custom channel: its accounts stop receiving messages.
    #[auth(developer_key)]
    pub endpoint ArchiveCustomChannel: DELETE {
        v3        => "/conversations/v3/custom-channels/{channelId}",
        "2025-09" => "/conversations/custom-channels/2025-09/{channelId}",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}",
        "2026-09" => "/conversations/custom-channels/2026-09/{channelId}",
    } {
        path {
            /// The custom channel's id.
            channel_id: i32,
        }
    } -> 204 ();

    /// A custom channel, as HubSpot stores it.
    pub object PublicChannelIntegrationChannel {
        required {
            /// The channel's id (use it as `channel_id` in paths).
            id: String,
            /// The channel's name.
            name: String,
            /// What the channel can do, by capability name.
            capabilities: HashMap<String, JsonValue>,
            /// When it was created.
            created_at: DateTime,
        }
        optional {
            webhook_url: String,
            channel_description: String,
            channel_logo_url: String,
            channel_account_connection_redirect_url: String,
        }
    }

    /// One page of custom channels.
    #[page]
    pub object CollectionResponseWithTotalPublicChannelIntegrationChannel {
        required {
            /// The channels on this page.
            results: Vec<PublicChannelIntegrationChannel>,
            /// How many channels there are in all.
            total: i32,
        }
        optional {
            /// Where the next page starts; absent on the last page.
            paging: Paging,
        }
    }
}
