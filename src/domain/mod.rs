//! The product's words as types: offices, counters, services, the capacity plan, bookings.
//!
//! Nothing here knows about HTTP, SQL or mail.

pub mod booking;
pub mod holidays;
pub mod office;
pub mod officefile;
pub mod schedule;
pub mod text;

pub use booking::{BookingStatus, Language};
pub use holidays::State;
pub use office::{ArrivalCap, Counter, Exception, Office, Service, Weekday, Window};
