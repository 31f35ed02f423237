//! Who may see and do what in the admin panel: one table of platform roles and sections.
//! Everyone else (an ordinary user, a signed-out caller) is told "not found", never data; an
//! operator outside their role is told which role they lack.

use std::fmt;

use async_graphql::Enum;

/// A platform role, as stored on `users.platform_role`.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlatformRole {
    SuperAdmin,
    Support,
    Finance,
}

impl PlatformRole {
    pub fn parse(stored: &str) -> Option<Self> {
        match stored {
            "super_admin" => Some(Self::SuperAdmin),
            "support" => Some(Self::Support),
            "finance" => Some(Self::Finance),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::SuperAdmin => "super_admin",
            Self::Support => "support",
            Self::Finance => "finance",
        }
    }
}

impl fmt::Display for PlatformRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The panel's sections; each admin field and mutation belongs to one.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdminSection {
    Overview,
    Health,
    Users,
    Impersonation,
    Finance,
    Logs,
    Analytics,
    SavedQueries,
}

impl AdminSection {
    pub const ALL: [AdminSection; 8] = [
        Self::Overview,
        Self::Health,
        Self::Users,
        Self::Impersonation,
        Self::Finance,
        Self::Logs,
        Self::Analytics,
        Self::SavedQueries,
    ];

    /// super_admin: everything; support: users, impersonation, logs (and health, to answer
    /// "is it down?"); finance: the business figures, revenue, payments, refunds, invoices.
    pub fn allows(self, role: PlatformRole) -> bool {
        use AdminSection as S;
        match role {
            PlatformRole::SuperAdmin => true,
            PlatformRole::Support => {
                matches!(self, S::Users | S::Impersonation | S::Logs | S::Health)
            }
            PlatformRole::Finance => matches!(self, S::Overview | S::Finance),
        }
    }
}

/// The sections `role` opens, in the panel's order.
pub fn sections(role: PlatformRole) -> Vec<AdminSection> {
    AdminSection::ALL
        .into_iter()
        .filter(|s| s.allows(role))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_opens_its_sections() {
        use AdminSection as S;
        assert_eq!(sections(PlatformRole::SuperAdmin).len(), S::ALL.len());
        assert_eq!(
            sections(PlatformRole::Support),
            [S::Health, S::Users, S::Impersonation, S::Logs]
        );
        assert_eq!(sections(PlatformRole::Finance), [S::Overview, S::Finance]);
        for role in ["super_admin", "support", "finance"] {
            assert_eq!(PlatformRole::parse(role).map(|r| r.as_str()), Some(role));
        }
        assert_eq!(PlatformRole::parse("admin"), None);
    }
}
