//! The product's words as types: offices, counters, services, the capacity plan, bookings,
//! booking codes, tickets and the queue, staff roles.
//!
//! Nothing here knows about HTTP, SQL or mail.

pub mod booking;
pub mod code;
pub mod holidays;
pub mod office;
pub mod officefile;
pub mod plan;
pub mod queue;
pub mod roles;
pub mod schedule;
pub mod text;

pub use booking::{BookingStatus, Language};
pub use code::BookingCode;
pub use holidays::State;
pub use office::{ArrivalCap, Counter, Exception, Office, QueueRules, Service, Weekday, Window};
pub use queue::{Action, TicketKind, TicketState};
pub use roles::{Permission, Role};
