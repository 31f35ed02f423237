//! Collects what one request used and how it went, and turns it into exactly one usage event.

use std::sync::Arc;
use std::time::Instant;

use chrono::Utc;
use entities::model_catalog::{Model as CatalogModel, TokenCounts};
use entities::usage_events::NewUsage;
use uuid::Uuid;

use crate::auth::Principal;
use crate::canonical::Usage;
use crate::limits::Reservation;
use crate::traces::{Timing, TraceParent};

pub struct Meter {
    pub request_id: Uuid,
    principal: Arc<Principal>,
    endpoint: &'static str,
    model: String,
    catalog: Option<Arc<CatalogModel>>,
    stream: bool,
    started: Instant,
    account_id: Option<Uuid>,
    provider: Option<&'static str>,
    status: u16,
    error_kind: Option<&'static str>,
    usage: Option<Usage>,
    /// Stream events with content: ~1 token each, used when no (or partial) usage arrives.
    content_chunks: i64,
    /// The upstream finished its message (so its usage is final).
    completed: bool,
    prompt_estimate: i64,
    ttft_ms: Option<i64>,
    /// Quota and tokens held by admission until the request is settled.
    reservation: Option<Reservation>,
    /// For traces: when the last upstream attempt began, and the caller's trace.
    upstream_started: Option<Instant>,
    parent: Option<TraceParent>,
}

impl Meter {
    pub fn new(
        principal: Arc<Principal>,
        endpoint: &'static str,
        model: String,
        stream: bool,
        started: Instant,
    ) -> Self {
        Self {
            // Time-ordered: the unique index on request ids grows at its end, not at random pages.
            request_id: Uuid::now_v7(),
            principal,
            endpoint,
            model,
            catalog: None,
            stream,
            started,
            account_id: None,
            provider: None,
            status: 200,
            error_kind: None,
            usage: None,
            content_chunks: 0,
            completed: true,
            prompt_estimate: 0,
            ttft_ms: None,
            reservation: None,
            upstream_started: None,
            parent: None,
        }
    }

    /// Puts the request into the caller's trace (`traceparent`).
    pub fn traced(mut self, parent: Option<TraceParent>) -> Self {
        self.parent = parent;
        self
    }

    /// When the request and its upstream call happened, for its spans.
    pub fn timing(&self) -> Timing {
        Timing {
            started: self.started,
            upstream_started: self.upstream_started,
            parent: self.parent,
        }
    }

    /// The account and model an attempt goes to (the last attempt is what gets recorded).
    pub fn set_target(&mut self, target: &crate::route::Target) {
        self.account_id = Some(target.account.id);
        self.upstream_started = Some(Instant::now());
        self.provider = Some(target.account.provider.as_str());
        self.model = target.model.clone();
        self.catalog = target.catalog.clone();
    }

    pub fn set_prompt_estimate(&mut self, body_bytes: usize) {
        // ~4 bytes of JSON per token: only used when the upstream reports no usage.
        self.prompt_estimate = i64::try_from(body_bytes / 4).unwrap_or(i64::MAX);
    }

    pub fn hold(&mut self, reservation: Option<Reservation>) {
        self.reservation = reservation;
    }

    pub fn take_reservation(&mut self) -> Option<Reservation> {
        self.reservation.take()
    }

    /// Marks the first upstream byte; returns the time to it in milliseconds.
    pub fn first_byte(&mut self) -> i64 {
        *self.ttft_ms.get_or_insert_with(|| elapsed_ms(self.started))
    }

    pub fn usage(&mut self, usage: Usage) {
        self.usage = Some(usage);
    }

    pub fn content_events(&mut self, count: i64, completed: bool) {
        self.content_chunks = count;
        self.completed = completed;
    }

    pub fn fail(&mut self, status: u16, kind: &'static str) {
        self.status = status;
        self.error_kind = Some(kind);
    }

    /// An error after the status line was sent: the status stays, the kind is recorded.
    pub fn interrupt(&mut self, kind: &'static str) {
        self.error_kind = Some(kind);
    }

    pub fn finish(self) -> NewUsage {
        let reached_upstream = self.ttft_ms.is_some();
        let (prompt, completion, cached, reasoning) = match self.usage {
            // A stream cut before its end reports input only: estimate the output seen.
            Some(u) if !self.completed && u.output == 0 => {
                (u.input, self.content_chunks, u.cached_input, 0)
            }
            Some(u) => (u.input, u.output, u.cached_input, u.reasoning),
            None if reached_upstream => (self.prompt_estimate, self.content_chunks, 0, 0),
            None => (0, 0, 0, 0),
        };
        let cost_nanos = self.catalog.as_ref().map_or(0, |m| {
            m.cost_nanos(TokenCounts {
                prompt,
                cached,
                completion,
            })
        });
        NewUsage {
            request_id: self.request_id,
            user_id: self.principal.user_id,
            team_id: self.principal.team_id,
            api_key_id: self.principal.api_key_id,
            account_id: self.account_id,
            provider: self.provider.map(str::to_owned),
            model: self.model,
            endpoint: self.endpoint,
            stream: self.stream,
            status_code: self.status,
            error_kind: self.error_kind,
            prompt_tokens: prompt,
            completion_tokens: completion,
            cached_tokens: cached,
            reasoning_tokens: reasoning,
            cost_nanos,
            latency_ms: elapsed_ms(self.started),
            ttft_ms: self.ttft_ms,
            created_at: Utc::now(),
        }
    }
}

fn elapsed_ms(since: Instant) -> i64 {
    i64::try_from(since.elapsed().as_millis()).unwrap_or(i64::MAX)
}
