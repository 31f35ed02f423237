//! Live usage for the signed-in user: each request as it completes, and running totals. Events
//! come from the bus (every replica's, when Redis carries it); each subscriber has a bounded
//! buffer, and one that falls behind gets a `LAGGED` error item and continues from the newest.

use std::sync::Arc;

use async_graphql::{Context, Enum, SimpleObject, Subscription};
use chrono::{DateTime, Duration, Utc};
use futures::Stream;
use proxy::bus::UsageEvent;
use tokio::sync::broadcast::{self, error::RecvError};
use uuid::Uuid;

use super::context::{deps, reader};
use super::error::ApiError;

#[derive(SimpleObject, Clone)]
pub struct LiveUsage {
    pub request_id: Uuid,
    pub api_key_id: Uuid,
    /// In a team: the member who sent it (null in a personal workspace).
    pub member_id: Option<Uuid>,
    pub account_id: Option<Uuid>,
    pub provider: Option<String>,
    pub model: String,
    pub endpoint: String,
    pub stream: bool,
    pub status: i32,
    pub error_kind: Option<String>,
    pub prompt_tokens: i64,
    pub completion_tokens: i64,
    pub cached_tokens: i64,
    pub reasoning_tokens: i64,
    /// Cost in nano-dollars (USD × 10⁹) at the catalog's prices.
    pub cost_nanos: i64,
    pub latency_ms: i64,
    pub ttft_ms: Option<i64>,
    pub created_at: DateTime<Utc>,
}

impl From<&UsageEvent> for LiveUsage {
    fn from(e: &UsageEvent) -> Self {
        Self {
            request_id: e.request_id,
            api_key_id: e.api_key_id,
            member_id: e.team_id.map(|_| e.user_id),
            account_id: e.account_id,
            provider: e.provider.clone(),
            model: e.model.clone(),
            endpoint: e.endpoint.clone(),
            stream: e.stream,
            status: i32::from(e.status_code),
            error_kind: e.error_kind.clone(),
            prompt_tokens: e.prompt_tokens,
            completion_tokens: e.completion_tokens,
            cached_tokens: e.cached_tokens,
            reasoning_tokens: e.reasoning_tokens,
            cost_nanos: e.cost_nanos,
            latency_ms: e.latency_ms,
            ttft_ms: e.ttft_ms,
            created_at: e.created_at,
        }
    }
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum TotalsWindow {
    LastHour,
    #[graphql(name = "LAST_24H")]
    Last24h,
    #[graphql(name = "LAST_7D")]
    Last7d,
    #[graphql(name = "LAST_30D")]
    Last30d,
}

impl TotalsWindow {
    fn duration(self) -> Duration {
        match self {
            TotalsWindow::LastHour => Duration::hours(1),
            TotalsWindow::Last24h => Duration::hours(24),
            TotalsWindow::Last7d => Duration::days(7),
            TotalsWindow::Last30d => Duration::days(30),
        }
    }
}

/// Totals since `since` (the window's start when the subscription began, on whole hours).
#[derive(SimpleObject, Clone, Default)]
pub struct LiveTotals {
    pub since: DateTime<Utc>,
    pub requests: i64,
    pub errors: i64,
    pub prompt_tokens: i64,
    pub completion_tokens: i64,
    pub cached_tokens: i64,
    pub cost_nanos: i64,
}

impl LiveTotals {
    fn add(&mut self, e: &UsageEvent) {
        self.requests += 1;
        self.errors += i64::from(e.status_code >= 400);
        self.prompt_tokens += e.prompt_tokens;
        self.completion_tokens += e.completion_tokens;
        self.cached_tokens += e.cached_tokens;
        self.cost_nanos += e.cost_nanos;
    }
}

#[derive(Default)]
pub struct LiveSubscription;

#[Subscription]
impl LiveSubscription {
    /// Each request of the workspace as it completes (once its usage is stored); a team's
    /// plain members see their own.
    async fn usage_events(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<LiveUsage>> + use<>> {
        let user = reader(ctx)?;
        let events = deps(ctx).bus.usage_events(user.workspace().id());
        let only = user.key_scope().member;
        let items = follow(events, move |e| {
            only.is_none_or(|m| e.user_id == m)
                .then(|| LiveUsage::from(e.as_ref()))
        });
        Ok(user.while_signed_in(items))
    }

    /// Running totals of the workspace over `window`: the stored totals first, then one
    /// update per request.
    async fn usage_totals(
        &self,
        ctx: &Context<'_>,
        window: TotalsWindow,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<LiveTotals>> + use<>> {
        let user = reader(ctx)?;
        // Subscribe before reading the baseline: an event in between is counted, not lost.
        let events = deps(ctx).bus.usage_events(user.workspace().id());
        let since = hour_floor(Utc::now() - window.duration());
        let stored = user.hourly_totals_since(since).await?;
        let baseline = LiveTotals {
            since,
            requests: stored.requests,
            errors: stored.errors,
            prompt_tokens: stored.prompt_tokens,
            completion_tokens: stored.completion_tokens,
            cached_tokens: stored.cached_tokens,
            cost_nanos: stored.cost_nanos,
        };
        let first = futures::stream::once(futures::future::ready(Ok(baseline.clone())));
        let mut running = baseline;
        let updates = follow(events, move |e| {
            running.add(e);
            Some(running.clone())
        });
        let items = futures::StreamExt::chain(first, updates);
        Ok(user.while_signed_in(items))
    }
}

/// The receiver as a stream of `map`ped items (events it maps to `None` are skipped), with
/// lag reported and the stream going on.
fn follow<T, F>(
    events: broadcast::Receiver<Arc<UsageEvent>>,
    map: F,
) -> impl Stream<Item = async_graphql::Result<T>>
where
    F: FnMut(&Arc<UsageEvent>) -> Option<T>,
{
    futures::stream::unfold((events, map), |(mut events, mut map)| async move {
        loop {
            let item = match events.recv().await {
                Ok(event) => match map(&event) {
                    Some(item) => Ok(item),
                    None => continue,
                },
                Err(RecvError::Lagged(skipped)) => Err(ApiError::Lagged(skipped).into()),
                Err(RecvError::Closed) => return None,
            };
            return Some((item, (events, map)));
        }
    })
}

fn hour_floor(t: DateTime<Utc>) -> DateTime<Utc> {
    use chrono::DurationRound;
    t.duration_trunc(Duration::hours(1)).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::StreamExt;

    fn event(n: i64) -> UsageEvent {
        UsageEvent {
            request_id: Uuid::new_v4(),
            user_id: Uuid::nil(),
            team_id: None,
            api_key_id: Uuid::nil(),
            account_id: None,
            provider: None,
            model: format!("m{n}"),
            endpoint: "chat_completions".to_owned(),
            stream: false,
            status_code: 200,
            error_kind: None,
            prompt_tokens: n,
            completion_tokens: 0,
            cached_tokens: 0,
            reasoning_tokens: 0,
            cost_nanos: 0,
            latency_ms: 1,
            ttft_ms: None,
            created_at: Utc::now(),
        }
    }

    /// A subscriber that reads too slowly is told how many events it missed and goes on with
    /// the newest: its buffer never holds more than the channel's capacity.
    #[tokio::test]
    async fn a_slow_subscriber_is_told_it_lagged() {
        let (tx, rx) = broadcast::channel(2);
        for n in 0..5 {
            tx.send(Arc::new(event(n))).unwrap();
        }
        drop(tx);
        let items: Vec<_> = follow(rx, |e| Some(e.prompt_tokens)).collect().await;
        assert_eq!(items.len(), 3);
        let lag = items[0].as_ref().unwrap_err();
        assert_eq!(
            lag.message,
            "3 events were skipped because this subscriber fell behind."
        );
        assert_eq!(items[1].as_ref().unwrap(), &3);
        assert_eq!(items[2].as_ref().unwrap(), &4);
    }
}
