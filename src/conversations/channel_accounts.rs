//! Channel accounts: the concrete addresses (an email inbox, a phone number,
//! a custom channel's bot) through which a channel sends and receives.

use hubspot_runtime::{DateTime, hubspot_endpoint};

use crate::conversations::models::{Paging, PublicDeliveryIdentifier};

hubspot_endpoint! {
    /// Lists the account's channel accounts, a page at a time;
    /// `.stream(&client)` follows the pages.
    #[scopes("conversations.read")]
    #[paginated]
    pub endpoint ListChannelAccounts: GET {
        v3        => "/conversations/v3/conversations/channel-accounts",
        "2026-09" => "/conversations/conversations/2026-09/channel-accounts",
    } {
        query {
            /// The cursor from the previous page's `paging.next.after`.
            after: Option<String>,
            /// Whether to list archived channel accounts instead.
            archived: Option<bool>,
            /// Only these channels' accounts.
            channel_id: Option<Vec<i32>>,
            /// How many accounts a page holds when `limit` is not given.
            default_page_length: Option<i32>,
            /// Only accounts in these inboxes.
            inbox_id: Option<Vec<i32>>,
            /// How many accounts a page holds.
            limit: Option<i32>,
            /// Properties to sort by.
            sort: Option<Vec<String>>,
        }
    } -> 200 CollectionResponseWithTotalPublicChannelAccount;

    /// Reads one channel account.
    #[scopes("conversations.read")]
    pub endpoint GetChannelAccount: GET {
        v3        => "/conversations/v3/conversations/channel-accounts/{channelAccountId}",
        "2026-09" => "/conversations/conversations/2026-09/channel-accounts/{channelAccountId}",
    } {
        path {
            /// The channel account's id.
            channel_account_id: i64,
        }
        query {
            /// Whether to look among archived channel accounts.
            archived: Option<bool>,
        }
    } -> 200 PublicChannelAccount;

    /// A channel account: one address of a channel, tied to an inbox.
    pub object PublicChannelAccount {
        required {
            /// The channel account's id.
            id: String,
            /// The channel it belongs to.
            channel_id: String,
            /// The inbox its conversations land in.
            inbox_id: String,
            /// Its name.
            name: String,
            /// Whether it is connected and working.
            active: bool,
            /// Whether it may send and receive.
            authorized: bool,
            /// Whether it is archived.
            archived: bool,
            /// When it was created.
            created_at: DateTime,
        }
        optional {
            /// When it was archived.
            archived_at: DateTime,
            /// Its address on the channel.
            delivery_identifier: PublicDeliveryIdentifier,
        }
    }

    /// One page of channel accounts.
    #[page]
    pub object CollectionResponseWithTotalPublicChannelAccount {
        required {
            /// The accounts on this page.
            results: Vec<PublicChannelAccount>,
            /// How many accounts there are in all.
            total: i32,
        }
        optional {
            /// Where the next page starts; absent on the last page.
            paging: Paging,
        }
    }
}
