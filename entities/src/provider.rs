//! The providers Satu can route to, and the kinds and states of a connection to one.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Provider {
    OpenAi,
    Anthropic,
    Gemini,
    Qwen,
    OpenAiCompatible,
}

impl Provider {
    pub const ALL: [Provider; 5] = [
        Provider::OpenAi,
        Provider::Anthropic,
        Provider::Gemini,
        Provider::Qwen,
        Provider::OpenAiCompatible,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Provider::OpenAi => "openai",
            Provider::Anthropic => "anthropic",
            Provider::Gemini => "gemini",
            Provider::Qwen => "qwen",
            Provider::OpenAiCompatible => "openai-compatible",
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error(
    "unknown provider `{0}` (expected one of: openai, anthropic, gemini, qwen, openai-compatible)"
)]
pub struct UnknownProvider(pub String);

impl FromStr for Provider {
    type Err = UnknownProvider;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Provider::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| UnknownProvider(s.to_owned()))
    }
}

/// How a provider account authenticates: the user's own API key or their subscription (OAuth).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountKind {
    ApiKey,
    OAuth,
}

impl AccountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountKind::ApiKey => "api_key",
            AccountKind::OAuth => "oauth",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "api_key" => Some(AccountKind::ApiKey),
            "oauth" => Some(AccountKind::OAuth),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountStatus {
    Active,
    Refreshing,
    Expired,
    Error,
    Revoked,
    Disabled,
    /// Over the plan's connection caps (after a move to a smaller plan): kept, not used, until
    /// the user picks it or the plan allows it again.
    Paused,
}

impl AccountStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountStatus::Active => "active",
            AccountStatus::Refreshing => "refreshing",
            AccountStatus::Expired => "expired",
            AccountStatus::Error => "error",
            AccountStatus::Revoked => "revoked",
            AccountStatus::Disabled => "disabled",
            AccountStatus::Paused => "paused",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            AccountStatus::Active,
            AccountStatus::Refreshing,
            AccountStatus::Expired,
            AccountStatus::Error,
            AccountStatus::Revoked,
            AccountStatus::Disabled,
            AccountStatus::Paused,
        ]
        .into_iter()
        .find(|st| st.as_str() == s)
    }

    /// Whether the proxy may send traffic through an account in this state.
    pub fn is_routable(self) -> bool {
        matches!(self, AccountStatus::Active | AccountStatus::Refreshing)
    }

    /// Whether the connection counts against the plan's caps: everything the user has not
    /// turned off, removed, or had paused by the plan.
    pub fn counts_against_plan(self) -> bool {
        !matches!(
            self,
            AccountStatus::Revoked | AccountStatus::Disabled | AccountStatus::Paused
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_names_round_trip() {
        for p in Provider::ALL {
            assert_eq!(p.as_str().parse::<Provider>().ok(), Some(p));
        }
        assert!("azure".parse::<Provider>().is_err());
    }
}
