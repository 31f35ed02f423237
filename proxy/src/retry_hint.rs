//! When a rate-limited upstream says it will take requests again, in seconds from now:
//! `retry-after`, Anthropic's `anthropic-ratelimit-unified-*-reset`, Gemini's
//! `RetryInfo.retryDelay` and Codex's `resets_in_seconds`. Each spoke uses its own.

use axum::http::HeaderMap;
use serde_json::Value;

/// The standard `retry-after` header (seconds); spokes add their own hints after it.
pub fn retry_after(headers: &HeaderMap) -> Option<u64> {
    let value = headers.get("retry-after")?.to_str().ok()?.trim();
    value
        .parse::<u64>()
        .ok()
        .or_else(|| value.parse::<f64>().ok().map(|f| f.ceil() as u64))
}

/// The latest of the unified reset times Anthropic sends with a subscription 429 (epoch seconds).
pub fn anthropic_unified_reset(headers: &HeaderMap, now_unix: i64) -> Option<u64> {
    headers
        .iter()
        .filter(|(name, _)| {
            let n = name.as_str();
            n.starts_with("anthropic-ratelimit-unified") && n.ends_with("reset")
        })
        .filter_map(|(_, v)| v.to_str().ok()?.trim().parse::<i64>().ok())
        .filter(|reset| *reset > now_unix)
        .map(|reset| (reset - now_unix) as u64)
        .min()
}

/// Google's `RetryInfo.retryDelay` ("37.5s") among the error's details.
pub fn retry_info(body: &[u8]) -> Option<u64> {
    error_of(body)?
        .get("details")?
        .as_array()?
        .iter()
        .filter_map(|d| d.get("retryDelay")?.as_str())
        .filter_map(|d| d.strip_suffix('s')?.parse::<f64>().ok())
        .map(|f| f.ceil() as u64)
        .next()
}

/// The Codex backend's `resets_in_seconds` on a usage limit.
pub fn resets_in_seconds(body: &[u8]) -> Option<u64> {
    let secs = error_of(body)?.get("resets_in_seconds")?.as_f64()?;
    Some(secs.ceil() as u64)
}

fn error_of(body: &[u8]) -> Option<Value> {
    let mut value: Value = serde_json::from_slice(body).ok()?;
    Some(match value.get_mut("error") {
        Some(error) => error.take(),
        None => value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| (k.parse().unwrap(), v.parse().unwrap()))
            .collect()
    }

    #[test]
    fn hints_come_from_every_provider_shape() {
        assert_eq!(retry_after(&headers(&[("retry-after", "30")])), Some(30));
        assert_eq!(retry_after(&headers(&[("retry-after", "1.2")])), Some(2));
        assert_eq!(
            anthropic_unified_reset(
                &headers(&[
                    ("anthropic-ratelimit-unified-5h-reset", "1000"),
                    ("anthropic-ratelimit-unified-7d-reset", "5000")
                ]),
                900
            ),
            Some(100)
        );
        let gemini = br#"{"error":{"code":429,"message":"Resource has been exhausted","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure"},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37.5s"}]}}"#;
        assert_eq!(retry_info(gemini), Some(38));
        let codex = br#"{"error":{"type":"usage_limit_reached","message":"The usage limit has been reached","plan_type":"plus","resets_in_seconds":1800}}"#;
        assert_eq!(resets_in_seconds(codex), Some(1800));
        assert_eq!(retry_info(b"not json"), None);
        assert_eq!(resets_in_seconds(gemini), None);
    }
}
