//! Termin: online appointment booking for citizen offices.

pub mod app;
pub mod bench;
pub mod booking;
pub mod client;
pub mod clock;
pub mod config;
pub mod demo;
pub mod domain;
pub mod feeds;
pub mod hold;
pub mod i18n;
pub mod mail;
pub mod metrics;
pub mod paths;
pub mod plan;
pub mod qr;
pub mod queue;
pub mod secret;
pub mod server;
pub mod staff;
pub mod stats;
pub mod store;
pub mod views;
pub mod web;
pub mod webhooks;

/// The demo offices, in the office-file format.
pub const DEMO_OFFICES: &str = include_str!("demo.toml");
