//! A booking's life: its states and the language its citizen reads.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    Pending,
    Confirmed,
    CheckedIn,
    Called,
    Done,
    Cancelled,
    Expired,
    NoShow,
}

impl BookingStatus {
    pub const ALL: [BookingStatus; 8] = [
        BookingStatus::Pending,
        BookingStatus::Confirmed,
        BookingStatus::CheckedIn,
        BookingStatus::Called,
        BookingStatus::Done,
        BookingStatus::Cancelled,
        BookingStatus::Expired,
        BookingStatus::NoShow,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BookingStatus::Pending => "pending",
            BookingStatus::Confirmed => "confirmed",
            BookingStatus::CheckedIn => "checked_in",
            BookingStatus::Called => "called",
            BookingStatus::Done => "done",
            BookingStatus::Cancelled => "cancelled",
            BookingStatus::Expired => "expired",
            BookingStatus::NoShow => "no_show",
        }
    }

    pub fn parse(s: &str) -> Option<BookingStatus> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Still holds its place on the counter.
    pub fn holds_capacity(self) -> bool {
        matches!(
            self,
            BookingStatus::Pending
                | BookingStatus::Confirmed
                | BookingStatus::CheckedIn
                | BookingStatus::Called
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    De,
    En,
    Uk,
    Tr,
    Ar,
}

impl Language {
    pub const ALL: [Language; 5] = [
        Language::De,
        Language::En,
        Language::Uk,
        Language::Tr,
        Language::Ar,
    ];

    /// Written right to left.
    pub fn is_rtl(self) -> bool {
        self == Language::Ar
    }

    /// The language's name in itself, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::De => "Deutsch",
            Language::En => "English",
            Language::Uk => "Українська",
            Language::Tr => "Türkçe",
            Language::Ar => "العربية",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Language::De => "de",
            Language::En => "en",
            Language::Uk => "uk",
            Language::Tr => "tr",
            Language::Ar => "ar",
        }
    }

    pub fn parse(s: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s))
    }
}
