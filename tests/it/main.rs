//! One integration-test binary: scenarios on SQLite and PostgreSQL, the HTTP API through
//! the real router, and the real `termin` binary over sockets.

mod api;
mod catalogs;
mod engine;
mod faults;
mod feeds;
mod flow;
mod fuzz;
mod hostile;
mod mail;
mod ops;
mod pages;
mod plans;
mod processes;
mod queue;
mod schema;
mod smtp;
mod snapshots;
mod staff;
mod staff_pages;
mod statistics;
mod support;
mod webhooks;
