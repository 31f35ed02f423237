//! When a rate-limited upstream says it will take requests again, in seconds from now:
//! `retry-after`, Anthropic's `anthropic-ratelimit-unified-*-reset`, Gemini's
//! `RetryInfo.retryDelay` and Codex's `resets_in_seconds`.

use axum::http::HeaderMap;
use serde_json::Value;

pub fn retry_hint(headers: &HeaderMap, body: &[u8], now_unix: i64) -> Option<u64> {
    header_seconds(headers)
        .or_else(|| anthropic_reset(headers, now_unix))
        .or_else(|| body_hint(body))
}

fn header_seconds(headers: &HeaderMap) -> Option<u64> {
    let value = headers.get("retry-after")?.to_str().ok()?.trim();
    value
        .parse::<u64>()
        .ok()
        .or_else(|| value.parse::<f64>().ok().map(|f| f.ceil() as u64))
}

/// The latest of the unified reset times Anthropic sends with a subscription 429 (epoch seconds).
fn anthropic_reset(headers: &HeaderMap, now_unix: i64) -> Option<u64> {
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

fn body_hint(body: &[u8]) -> Option<u64> {
    let value: Value = serde_json::from_slice(body).ok()?;
    let error = value.get("error").unwrap_or(&value);
    if let Some(secs) = error.get("resets_in_seconds").and_then(Value::as_f64) {
        return Some(secs.ceil() as u64);
    }
    error
        .get("details")?
        .as_array()?
        .iter()
        .filter_map(|d| d.get("retryDelay")?.as_str())
        .filter_map(|d| d.strip_suffix('s')?.parse::<f64>().ok())
        .map(|f| f.ceil() as u64)
        .next()
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
        assert_eq!(
            retry_hint(&headers(&[("retry-after", "30")]), b"", 0),
            Some(30)
        );
        assert_eq!(
            retry_hint(
                &headers(&[
                    ("anthropic-ratelimit-unified-5h-reset", "1000"),
                    ("anthropic-ratelimit-unified-7d-reset", "5000")
                ]),
                b"",
                900
            ),
            Some(100)
        );
        let gemini = br#"{"error":{"code":429,"message":"Resource has been exhausted","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure"},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37.5s"}]}}"#;
        assert_eq!(retry_hint(&HeaderMap::new(), gemini, 0), Some(38));
        let codex = br#"{"error":{"type":"usage_limit_reached","message":"The usage limit has been reached","plan_type":"plus","resets_in_seconds":1800}}"#;
        assert_eq!(retry_hint(&HeaderMap::new(), codex, 0), Some(1800));
        assert_eq!(retry_hint(&HeaderMap::new(), b"not json", 0), None);
    }
}
