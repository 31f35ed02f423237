//! GraphQL inputs and objects of the usage dashboard, built from the usage queries' results.

use std::collections::HashMap;

use async_graphql::{Enum, InputObject, SimpleObject};
use chrono::{DateTime, Utc};
use entities::usage_events;
use entities::usage_queries::{self as q, GroupKey, Range, Totals};
use serde::Serialize;
use uuid::Uuid;

use super::context::usage::Grouping;
use super::error::{ApiError, ApiResult};

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum UsageRangePreset {
    #[graphql(name = "LAST_24H")]
    Last24h,
    #[graphql(name = "LAST_7D")]
    Last7d,
    #[graphql(name = "LAST_30D")]
    Last30d,
}

/// A preset, or a custom `from`/`to` (both, `from` before `to`, at most 400 days apart).
/// Ranges are whole hours: `from` rounds down, `to` up.
#[derive(InputObject, Clone, Debug)]
pub struct UsageRange {
    pub preset: Option<UsageRangePreset>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

impl UsageRange {
    pub fn resolve(&self, now: DateTime<Utc>) -> ApiResult<Range> {
        match (self.preset, self.from, self.to) {
            (Some(preset), None, None) => Ok(Range::last_hours(preset.hours(), now)),
            (None, Some(from), Some(to)) => Ok(Range::new(from, to)?),
            _ => Err(ApiError::BadInput(
                "Give a range as either `preset` or both `from` and `to`.".to_owned(),
            )),
        }
    }
}

impl UsageRangePreset {
    fn hours(self) -> i64 {
        match self {
            UsageRangePreset::Last24h => 24,
            UsageRangePreset::Last7d => 7 * 24,
            UsageRangePreset::Last30d => 30 * 24,
        }
    }
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum UsageGroup {
    Provider,
    Model,
    ApiKey,
    Account,
    /// Team members (in a team workspace): each member's keys together.
    Member,
}

impl From<UsageGroup> for Grouping {
    fn from(g: UsageGroup) -> Self {
        match g {
            UsageGroup::Provider => Grouping::By(q::GroupBy::Provider),
            UsageGroup::Model => Grouping::By(q::GroupBy::Model),
            UsageGroup::ApiKey => Grouping::By(q::GroupBy::ApiKey),
            UsageGroup::Account => Grouping::By(q::GroupBy::Account),
            UsageGroup::Member => Grouping::Member,
        }
    }
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum UsageBucket {
    Hour,
    Day,
}

/// Narrows usage to one model, provider, API key or connection (your own: another id is
/// "not found").
#[derive(InputObject, Clone, Debug, Default)]
pub struct UsageFilter {
    pub model: Option<String>,
    pub provider: Option<String>,
    pub api_key_id: Option<Uuid>,
    pub account_id: Option<Uuid>,
    /// A team member's requests (in a team workspace).
    pub member_id: Option<Uuid>,
}

impl From<UsageFilter> for q::Filter {
    fn from(f: UsageFilter) -> Self {
        Self {
            model: f.model,
            provider: f.provider,
            api_key_id: f.api_key_id,
            account_id: f.account_id,
            member: f.member_id,
            keys: None,
        }
    }
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum RequestStatus {
    /// Answered without error.
    Ok,
    /// Status 400 or above, or failed on the way.
    Error,
}

/// The usage filter plus status and a time window `[from, to)`.
#[derive(InputObject, Clone, Debug, Default)]
pub struct RequestLogFilter {
    pub model: Option<String>,
    pub provider: Option<String>,
    pub api_key_id: Option<Uuid>,
    pub account_id: Option<Uuid>,
    pub member_id: Option<Uuid>,
    pub status: Option<RequestStatus>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

impl RequestLogFilter {
    pub fn into_query(self) -> ApiResult<q::LogFilter> {
        if let (Some(from), Some(to)) = (self.from, self.to)
            && from >= to
        {
            return Err(ApiError::BadInput(
                "Invalid range: `from` must be before `to`.".to_owned(),
            ));
        }
        Ok(q::LogFilter {
            usage: q::Filter {
                model: self.model,
                provider: self.provider,
                api_key_id: self.api_key_id,
                account_id: self.account_id,
                member: self.member_id,
                keys: None,
            },
            status: self.status.map(|s| match s {
                RequestStatus::Ok => q::StatusClass::Ok,
                RequestStatus::Error => q::StatusClass::Error,
            }),
            from: self.from,
            to: self.to,
        })
    }
}

#[derive(SimpleObject, Clone, Debug)]
pub struct UsageTotals {
    pub requests: i64,
    pub errors: i64,
    /// Input tokens, cached ones included.
    pub prompt_tokens: i64,
    /// Output tokens, reasoning included.
    pub completion_tokens: i64,
    pub cached_tokens: i64,
    pub reasoning_tokens: i64,
    /// Cost in billionths of a US dollar (exact), and in dollars.
    pub cost_nanos: i64,
    pub cost_usd: f64,
    pub latency_ms_avg: Option<f64>,
    /// From the rollups' latency histogram: within one bucket (about ×1.4) of the exact value.
    pub latency_ms_p50: Option<i64>,
    pub latency_ms_p95: Option<i64>,
}

impl From<&Totals> for UsageTotals {
    fn from(t: &Totals) -> Self {
        Self {
            requests: t.requests,
            errors: t.errors,
            prompt_tokens: t.prompt_tokens,
            completion_tokens: t.completion_tokens,
            cached_tokens: t.cached_tokens,
            reasoning_tokens: t.reasoning_tokens,
            cost_nanos: t.cost_nanos,
            cost_usd: usd(t.cost_nanos),
            latency_ms_avg: t.latency_avg_ms(),
            latency_ms_p50: t.latency.quantile(0.5),
            latency_ms_p95: t.latency.quantile(0.95),
        }
    }
}

pub(crate) fn usd(nanos: i64) -> f64 {
    nanos as f64 / 1e9
}

/// A group's value and a readable label: provider or model name, or a key's or connection's id
/// with its name. `group` is null for requests that reached no provider or connection.
#[derive(SimpleObject, Clone, Debug)]
pub struct UsageGroupTotals {
    pub group: Option<String>,
    pub label: Option<String>,
    pub totals: UsageTotals,
}

#[derive(SimpleObject, Clone, Debug)]
pub struct UsageSummary {
    /// The range actually covered (whole hours).
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub totals: UsageTotals,
    /// Busiest first; empty without `groupBy`.
    pub groups: Vec<UsageGroupTotals>,
}

#[derive(SimpleObject, Clone, Debug)]
pub struct UsagePoint {
    /// The bucket's start.
    pub at: DateTime<Utc>,
    pub totals: UsageTotals,
}

#[derive(SimpleObject, Clone, Debug)]
pub struct UsageSeriesGroup {
    pub group: Option<String>,
    pub label: Option<String>,
    /// One point per bucket of the range, zeros included.
    pub points: Vec<UsagePoint>,
}

#[derive(SimpleObject, Clone, Debug)]
pub struct UsageSeries {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub bucket: UsageBucket,
    /// One series per group, busiest first (a single one without `groupBy`); empty when
    /// nothing happened in the range.
    pub series: Vec<UsageSeriesGroup>,
}

/// Labels of the user's keys and connections, by id.
pub type Labels = HashMap<Uuid, String>;

/// `(group, label)` of a group key.
pub fn group_fields(key: &GroupKey, labels: &Labels) -> (Option<String>, Option<String>) {
    match key {
        GroupKey::All | GroupKey::Missing => (None, None),
        GroupKey::Name(name) => (Some(name.clone()), Some(name.clone())),
        GroupKey::Id(id) => (Some(id.to_string()), labels.get(id).cloned()),
    }
}

/// One proxied request. Also the shape of a row in the JSON export.
#[derive(SimpleObject, Serialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RequestLog {
    /// The request id (the `x-request-id` answer header).
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    pub model: String,
    pub provider: Option<String>,
    pub api_key_id: Option<Uuid>,
    pub account_id: Option<Uuid>,
    /// In a team: the member who sent it (null in a personal workspace).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member_id: Option<Uuid>,
    pub endpoint: String,
    pub stream: bool,
    pub status_code: i32,
    pub error_kind: Option<String>,
    pub prompt_tokens: i64,
    pub completion_tokens: i64,
    pub cached_tokens: i64,
    pub reasoning_tokens: i64,
    pub cost_nanos: i64,
    pub cost_usd: f64,
    pub latency_ms: i64,
    pub ttft_ms: Option<i64>,
}

impl From<&usage_events::Model> for RequestLog {
    fn from(e: &usage_events::Model) -> Self {
        Self {
            id: e.request_id,
            created_at: e.created_at,
            model: e.model.clone(),
            provider: e.provider.clone(),
            api_key_id: e.api_key_id,
            account_id: e.account_id,
            member_id: e.team_id.and(e.user_id),
            endpoint: e.endpoint.clone(),
            stream: e.stream,
            status_code: e.status_code,
            error_kind: e.error_kind.clone(),
            prompt_tokens: e.prompt_tokens,
            completion_tokens: e.completion_tokens,
            cached_tokens: e.cached_tokens,
            reasoning_tokens: e.reasoning_tokens,
            cost_nanos: e.cost_nanos,
            cost_usd: usd(e.cost_nanos),
            latency_ms: e.latency_ms,
            ttft_ms: e.ttft_ms,
        }
    }
}

/// A page of request logs, newest first.
#[derive(SimpleObject, Clone, Debug)]
pub struct RequestLogPage {
    pub items: Vec<RequestLog>,
    /// Pass as `after` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}
