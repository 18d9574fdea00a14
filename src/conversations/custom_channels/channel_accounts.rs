//! A custom channel's accounts: the addresses (a phone number, a bot) your
//! chat service sends and receives through, each tied to an inbox.

use hubspot_runtime::{DateTime, hubspot_endpoint};

pub use crate::conversations::channel_accounts::{
    CollectionResponseWithTotalPublicChannelAccount, PublicChannelAccount,
};
use crate::conversations::models::{DeliveryIdentifierType, PublicDeliveryIdentifier};

hubspot_endpoint! {
    /// Connects an account to a custom channel, so that its conversations
    /// land in an inbox.
    #[scopes("conversations.custom_channels.read", "conversations.custom_channels.write")]
    pub endpoint CreateChannelAccount: POST {
        v3        => "/conversations/v3/custom-channels/{channelId}/channel-accounts",
        "2025-09" => "/conversations/custom-channels/2025-09/{channelId}/channel-accounts",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}/channel-accounts",
        "2026-09" => "/conversations/custom-channels/2026-09/{channelId}/channel-accounts",
    } {
        path {
            /// The custom channel's id.
            channel_id: i32,
        }
        required {
            /// The account's name, as agents see it.
            name: String,
            /// The inbox its conversations land in.
            inbox_id: String,
            /// Whether it may send and receive right away.
            authorized: bool,
        }
        optional {
            /// Its address on your channel.
            delivery_identifier: PublicDeliveryIdentifier,
        }
    } -> 201 PublicChannelAccount;

    /// Lists a custom channel's accounts, a page at a time;
    /// `.stream(&client)` follows the pages.
    #[scopes("conversations.custom_channels.read", "conversations.custom_channels.write")]
    #[paginated]
    pub endpoint ListCustomChannelAccounts: GET {
        v3        => "/conversations/v3/custom-channels/{channelId}/channel-accounts",
        "2025-09" => "/conversations/custom-channels/2025-09/{channelId}/channel-accounts",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}/channel-accounts",
        "2026-09" => "/conversations/custom-channels/2026-09/{channelId}/channel-accounts",
    } {
        path {
            /// The custom channel's id.
            channel_id: i32,
        }
        query {
            /// The cursor from the previous page's `paging.next.after`.
            after: Option<String>,
            /// Whether to list archived accounts instead.
            archived: Option<bool>,
            /// How many accounts a page holds when `limit` is not given.
            default_page_length: Option<i32>,
            /// Only accounts whose address is of these kinds.
            delivery_identifier_type: Option<Vec<DeliveryIdentifierType>>,
            /// Only accounts with these addresses.
            delivery_identifier_value: Option<Vec<String>>,
            /// How many accounts a page holds.
            limit: Option<i32>,
            /// Properties to sort by.
            sort: Option<Vec<String>>,
        }
    } -> 200 CollectionResponseWithTotalPublicChannelAccount;

    /// Reads one of a custom channel's accounts.
    #[scopes("conversations.custom_channels.read", "conversations.custom_channels.write")]
    pub endpoint GetCustomChannelAccount: GET {
        v3        => "/conversations/v3/custom-channels/{channelId}/channel-accounts/{channelAccountId}",
        "2025-09" => "/conversations/custom-channels/2025-09/{channelId}/channel-accounts/{channelAccountId}",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}/channel-accounts/{channelAccountId}",
        "2026-09" => "/conversations/custom-channels/2026-09/{channelId}/channel-accounts/{channelAccountId}",
    } {
        path {
            /// The custom channel's id.
            channel_id: i32,
            /// The channel account's id.
            channel_account_id: i64,
        }
        query {
            /// Whether to look among archived accounts.
            archived: Option<bool>,
        }
    } -> 200 PublicChannelAccount;

    /// Renames a custom channel's account or changes whether it is
    /// authorized. Setting them twice is setting them once, so the client
    /// retries it safely.
    #[scopes("conversations.custom_channels.read", "conversations.custom_channels.write")]
    #[idempotent]
    pub endpoint UpdateChannelAccount: PATCH {
        v3        => "/conversations/v3/custom-channels/{channelId}/channel-accounts/{channelAccountId}",
        "2025-09" => "/conversations/custom-channels/2025-09/{channelId}/channel-accounts/{channelAccountId}",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}/channel-accounts/{channelAccountId}",
        "2026-09" => "/conversations/custom-channels/2026-09/{channelId}/channel-accounts/{channelAccountId}",
    } {
        path {
            /// The custom channel's id.
            channel_id: i32,
            /// The channel account's id.
            channel_account_id: i64,
        }
        optional {
            /// The new name.
            name: String,
            /// Whether it may send and receive.
            authorized: bool,
        }
    } -> 200 PublicChannelAccount;

    /// Completes a staged account connection (the `accountToken` HubSpot
    /// passed to your redirect URL) with the account's name and address.
    /// In `2026-09` both are required: see [`v2026_09::UpdateChannelAccountStagingToken`].
    #[scopes("conversations.custom_channels.read", "conversations.custom_channels.write")]
    pub endpoint UpdateChannelAccountStagingToken: PATCH {
        v3        => "/conversations/v3/custom-channels/{channelId}/channel-account-staging-tokens/{accountToken}",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}/channel-account-staging-tokens/{accountToken}",
    } {
        path {
            /// The custom channel's id.
            channel_id: i32,
            /// The staging token HubSpot passed to your redirect URL.
            account_token: String,
        }
        optional {
            /// The account's name.
            account_name: String,
            /// The account's address on your channel.
            delivery_identifier: PublicDeliveryIdentifier,
        }
    } -> 200 PublicChannelAccountStagingToken;

    /// A staged account connection.
    pub object PublicChannelAccountStagingToken {
        required {
            /// The staging token.
            account_token: String,
            /// When it was created.
            created_at: DateTime,
            /// The custom channel's id.
            generic_channel_id: i32,
            /// The inbox the account will belong to.
            inbox_id: i32,
            /// The HubSpot user who started the connection.
            user_id: i32,
        }
        optional {
            account_name: String,
            delivery_identifier: PublicDeliveryIdentifier,
        }
    }
}

/// The `2026-09` custom-channel-account endpoints that differ from older
/// versions.
pub mod v2026_09 {
    use hubspot_runtime::hubspot_endpoint;

    use super::PublicChannelAccountStagingToken;
    use crate::conversations::models::PublicDeliveryIdentifier;

    hubspot_endpoint! {
        /// Completes a staged account connection (the `accountToken` HubSpot
        /// passed to your redirect URL). From `2026-09` on, the account's
        /// name and address are required.
        #[scopes("conversations.custom_channels.read", "conversations.custom_channels.write")]
        pub endpoint UpdateChannelAccountStagingToken: PATCH {
            "2025-09" => "/conversations/custom-channels/2025-09/{channelId}/channel-account-staging-tokens/{accountToken}",
            "2026-09" => "/conversations/custom-channels/2026-09/{channelId}/channel-account-staging-tokens/{accountToken}",
        } {
            path {
                /// The custom channel's id.
                channel_id: i32,
                /// The staging token HubSpot passed to your redirect URL.
                account_token: String,
            }
            required {
                /// The account's name.
                account_name: String,
                /// The account's address on your channel.
                delivery_identifier: PublicDeliveryIdentifier,
            }
        } -> 200 PublicChannelAccountStagingToken;
    }
}
