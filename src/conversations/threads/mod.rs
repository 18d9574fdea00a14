//! Inbox threads.

pub mod messages;
