//! What one caller may use: the plan's limits, overridden per user (by an operator) and per
//! key; with a team key, the team's plan and budget plus the member's own limits.

use chrono::{DateTime, Utc};
use entities::{api_keys, plans, team_members, teams, users};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowance {
    pub plan_name: String,
    /// Requests per billing period for the subscriber; `None`: unlimited.
    pub monthly_requests: Option<i64>,
    pub user_rpm: Option<i64>,
    pub user_tpm: Option<i64>,
    pub key_rpm: Option<i64>,
    pub key_tpm: Option<i64>,
    pub billing_anchor: DateTime<Utc>,
    /// The team's monthly cost budget, nano-USD (team keys only).
    pub team_budget_nanos: Option<i64>,
    /// What an admin allows this member (team keys only).
    pub member: Option<MemberAllowance>,
}

/// One member's own limits inside a team, on top of the team's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberAllowance {
    pub user_id: Uuid,
    pub monthly_requests: Option<i64>,
    pub rpm: Option<i64>,
    pub budget_nanos: Option<i64>,
}

impl MemberAllowance {
    fn is_unlimited(&self) -> bool {
        self.monthly_requests.is_none() && self.rpm.is_none() && self.budget_nanos.is_none()
    }
}

impl Allowance {
    /// A key without its own limits gets the plan's per-minute limits; the user's limits apply
    /// on top, across all their keys.
    pub fn of(plan: &plans::Model, user: &users::Model, key: &api_keys::Model) -> Self {
        let user_rpm = user.rpm_limit.or(plan.requests_per_minute);
        let user_tpm = user.tpm_limit.or(plan.tokens_per_minute);
        Self {
            plan_name: plan.name.clone(),
            monthly_requests: user
                .monthly_requests_limit
                .or(plan.monthly_requests)
                .map(|quota| quota.saturating_add(user.extra_requests_at(Utc::now()))),
            user_rpm,
            user_tpm,
            key_rpm: key.rpm_limit.or(user_rpm),
            key_tpm: key.tpm_limit.or(user_tpm),
            billing_anchor: user.billing_anchor_at.unwrap_or(user.created_at),
            team_budget_nanos: None,
            member: None,
        }
    }

    /// A team key: the team's plan and overrides, shared by all its members' keys (the
    /// `user_*` counters are the team's).
    pub fn of_team(
        plan: &plans::Model,
        team: &teams::Model,
        member: &team_members::Model,
        key: &api_keys::Model,
    ) -> Self {
        let team_rpm = team.rpm_limit.or(plan.requests_per_minute);
        let team_tpm = team.tpm_limit.or(plan.tokens_per_minute);
        Self {
            plan_name: plan.name.clone(),
            monthly_requests: team.monthly_requests_limit.or(plan.monthly_requests),
            user_rpm: team_rpm,
            user_tpm: team_tpm,
            key_rpm: key.rpm_limit.or(team_rpm),
            key_tpm: key.tpm_limit.or(team_tpm),
            billing_anchor: team.billing_anchor_at,
            team_budget_nanos: team.budget_nanos,
            member: Some(MemberAllowance {
                user_id: member.user_id,
                monthly_requests: member.monthly_requests_limit,
                rpm: member.rpm_limit,
                budget_nanos: member.budget_nanos,
            }),
        }
    }

    /// Nothing to count: admission needs no round trip.
    pub fn is_unlimited(&self) -> bool {
        [
            self.monthly_requests,
            self.user_rpm,
            self.user_tpm,
            self.key_rpm,
            self.key_tpm,
        ]
        .iter()
        .all(Option::is_none)
            && self.team_budget_nanos.is_none()
            && self
                .member
                .as_ref()
                .is_none_or(MemberAllowance::is_unlimited)
    }

    /// A cost budget applies: requests reserve their estimated cost.
    pub fn limits_cost(&self) -> bool {
        self.team_budget_nanos.is_some()
            || self
                .member
                .as_ref()
                .is_some_and(|m| m.budget_nanos.is_some())
    }

    pub fn limits_tokens(&self) -> bool {
        self.user_tpm.is_some() || self.key_tpm.is_some()
    }
}
