//! The citizen's pages: finding a time, the form, the confirmation, the pages
//! behind the mail's link, and the pages a public service owes.

pub mod booking;
pub mod easy;
pub mod figures;
pub mod home;
pub mod legal;
pub mod manage;
