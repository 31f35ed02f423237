//! The rate-limit headers OpenAI sends (`x-ratelimit-{limit,remaining,reset}-{requests,tokens}`),
//! which SDKs and tools read whatever API they speak; Satu sends them on every limited answer.

use axum::http::{HeaderMap, HeaderName, HeaderValue};

/// One limit as the caller sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gauge {
    pub limit: i64,
    pub remaining: i64,
    /// Time until the window starts afresh.
    pub reset_ms: i64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RateHeaders {
    pub requests: Option<Gauge>,
    pub tokens: Option<Gauge>,
}

/// Header names per kind: limit, remaining, reset.
const REQUESTS: [HeaderName; 3] = [
    HeaderName::from_static("x-ratelimit-limit-requests"),
    HeaderName::from_static("x-ratelimit-remaining-requests"),
    HeaderName::from_static("x-ratelimit-reset-requests"),
];
const TOKENS: [HeaderName; 3] = [
    HeaderName::from_static("x-ratelimit-limit-tokens"),
    HeaderName::from_static("x-ratelimit-remaining-tokens"),
    HeaderName::from_static("x-ratelimit-reset-tokens"),
];

impl RateHeaders {
    pub fn apply(&self, headers: &mut HeaderMap) {
        for (names, gauge) in [(REQUESTS, self.requests), (TOKENS, self.tokens)] {
            let Some(g) = gauge else { continue };
            let [limit, remaining, reset] = names;
            headers.insert(limit, HeaderValue::from(g.limit));
            headers.insert(remaining, HeaderValue::from(g.remaining.max(0)));
            if let Ok(value) = HeaderValue::try_from(duration_text(g.reset_ms)) {
                headers.insert(reset, value);
            }
        }
    }
}

/// OpenAI's duration format: `250ms`, `12s`, `6m0s`, `2h5m0s`, `3d4h0m0s`.
pub fn duration_text(ms: i64) -> String {
    let ms = ms.max(0);
    if ms < 1000 {
        return format!("{ms}ms");
    }
    let secs = (ms + 999) / 1000;
    let (d, h, m, s) = (
        secs / 86_400,
        secs % 86_400 / 3600,
        secs % 3600 / 60,
        secs % 60,
    );
    match (d, h, m) {
        (0, 0, 0) => format!("{s}s"),
        (0, 0, _) => format!("{m}m{s}s"),
        (0, _, _) => format!("{h}h{m}m{s}s"),
        _ => format!("{d}d{h}h{m}m{s}s"),
    }
}

/// Whole seconds for `retry-after`, never 0 (0 invites an immediate retry storm).
pub fn retry_after_secs(ms: i64) -> u64 {
    u64::try_from((ms.max(1) + 999) / 1000).unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_openai() {
        assert_eq!(duration_text(250), "250ms");
        assert_eq!(duration_text(11_200), "12s");
        assert_eq!(duration_text(360_000), "6m0s");
        assert_eq!(duration_text(7_500_000), "2h5m0s");
        assert_eq!(duration_text(2 * 86_400_000 + 1000), "2d0h0m1s");
        assert_eq!(retry_after_secs(0), 1);
        assert_eq!(retry_after_secs(1_001), 2);
    }

    #[test]
    fn headers_name_both_kinds() {
        let mut h = HeaderMap::new();
        RateHeaders {
            requests: Some(Gauge {
                limit: 60,
                remaining: 59,
                reset_ms: 1000,
            }),
            tokens: Some(Gauge {
                limit: 1000,
                remaining: -5,
                reset_ms: 30_000,
            }),
        }
        .apply(&mut h);
        assert_eq!(h["x-ratelimit-limit-requests"], "60");
        assert_eq!(h["x-ratelimit-remaining-requests"], "59");
        assert_eq!(h["x-ratelimit-reset-requests"], "1s");
        assert_eq!(h["x-ratelimit-remaining-tokens"], "0");
        assert_eq!(h["x-ratelimit-reset-tokens"], "30s");
    }
}
