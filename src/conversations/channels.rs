//! Channels: the kinds of conversation the account can have (email, chat,
//! Facebook Messenger, WhatsApp, your custom channels, …).

use hubspot_runtime::hubspot_endpoint;

use crate::conversations::models::Paging;

hubspot_endpoint! {
    /// Lists the channels, a page at a time; `.stream(&client)` follows the
    /// pages.
    #[scopes("conversations.read")]
    #[paginated]
    pub endpoint ListChannels: GET {
        v3        => "/conversations/v3/conversations/channels",
        "2026-09" => "/conversations/conversations/2026-09/channels",
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
    } -> 200 CollectionResponseWithTotalPublicChannel;

    /// Reads one channel.
    #[scopes("conversations.read")]
    pub endpoint GetChannel: GET {
        v3        => "/conversations/v3/conversations/channels/{channelId}",
        "2026-09" => "/conversations/conversations/2026-09/channels/{channelId}",
    } {
        path {
            /// The channel's id.
            channel_id: i32,
        }
    } -> 200 PublicChannel;

    /// A channel.
    pub object PublicChannel {
        required {
            /// The channel's id.
            id: String,
            /// Its name, e.g. `Email`.
            name: String,
        }
    }

    /// One page of channels.
    #[page]
    pub object CollectionResponseWithTotalPublicChannel {
        required {
            /// The channels on this page.
            results: Vec<PublicChannel>,
            /// How many channels there are in all.
            total: i32,
        }
        optional {
            /// Where the next page starts; absent on the last page.
            paging: Paging,
        }
    }
}
