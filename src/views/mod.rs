//! HTML: pages and their parts as maud functions of plain data — no database,
//! no request, no clock. Handlers in `web/` pick a view and hand it what it shows.

pub mod citizen;
pub mod components;
pub mod errors;
pub mod layout;
pub mod mail;
pub mod staff;

pub use layout::page;
