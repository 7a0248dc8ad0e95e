//! Who may do what on the staff side: roles of users, API keys and kiosks, and what each permits.

use serde::{Deserialize, Serialize};

/// A role, of a staff user (`clerk`, `head`, `admin`), an API key (`reader`,
/// `clerk`, `head`) or an unlocked kiosk device (`kiosk`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// An API key that reads the day's appointments, as keys did before roles.
    Reader,
    /// A self-service device at the entrance: check-in and walk-in tickets.
    Kiosk,
    Clerk,
    Head,
    Admin,
}

/// Something a role may or may not do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Read the day's appointments (with personal data).
    Appointments,
    /// Check bookings in and give walk-in tickets.
    FrontDesk,
    /// Call tickets to a desk, act on them, see the queue, raise and answer alerts.
    Desk,
    /// Read the audit log.
    Audit,
    /// Read the office's statistics and its week's load.
    Statistics,
    /// Change the office's plan: hours, desks, services, rules.
    Plan,
    /// Add and disable users, add API keys, unlock and revoke kiosks.
    ManageStaff,
}

impl Role {
    pub const USER_ROLES: [Role; 3] = [Role::Clerk, Role::Head, Role::Admin];
    pub const KEY_ROLES: [Role; 3] = [Role::Reader, Role::Clerk, Role::Head];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reader => "reader",
            Role::Kiosk => "kiosk",
            Role::Clerk => "clerk",
            Role::Head => "head",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        [
            Role::Reader,
            Role::Kiosk,
            Role::Clerk,
            Role::Head,
            Role::Admin,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }

    pub fn may(self, p: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Reader => matches!(p, Appointments),
            Role::Kiosk => matches!(p, FrontDesk),
            Role::Clerk => matches!(p, Appointments | FrontDesk | Desk),
            Role::Head => matches!(
                p,
                Appointments | FrontDesk | Desk | Audit | Statistics | Plan
            ),
            Role::Admin => true,
        }
    }
}

/// What someone may act on: one office, or (admins, keys bound to none) every office.
pub fn covers(scope: Option<&str>, office: &str) -> bool {
    scope.is_none_or(|o| o == office)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_may_what_the_design_says() {
        assert!(Role::Reader.may(Permission::Appointments));
        assert!(!Role::Reader.may(Permission::Desk));
        assert!(Role::Kiosk.may(Permission::FrontDesk));
        assert!(!Role::Kiosk.may(Permission::Desk));
        assert!(!Role::Kiosk.may(Permission::Appointments));
        assert!(Role::Clerk.may(Permission::Desk));
        assert!(!Role::Clerk.may(Permission::Audit));
        assert!(Role::Head.may(Permission::Audit));
        assert!(Role::Head.may(Permission::Statistics));
        assert!(!Role::Clerk.may(Permission::Statistics));
        assert!(!Role::Head.may(Permission::ManageStaff));
        assert!(Role::Admin.may(Permission::ManageStaff));
        assert!(covers(None, "mitte"));
        assert!(covers(Some("mitte"), "mitte"));
        assert!(!covers(Some("nordwest"), "mitte"));
    }
}
