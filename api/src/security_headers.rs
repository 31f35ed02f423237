//! Headers every control-plane answer carries: `nosniff`, HSTS when Satu is served over
//! https, and for the API's own answers (`/graphql`, `/api/*`, ops) no caching, no framing
//! and a policy that runs nothing. The web app's pages set their own policy (`web.rs`) and
//! GraphiQL its own; a header a route set is never replaced.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// What the middleware adds, built once at start-up.
#[derive(Clone)]
pub struct SecurityHeaders {
    hsts: Option<HeaderValue>,
}

const API_POLICY: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

impl SecurityHeaders {
    /// HSTS for `max_age_secs` when the public URL is https (browsers ignore it over http,
    /// and a plain-http setup must not promise https); 0 turns it off.
    pub fn new(public_url: &str, max_age_secs: u64) -> Self {
        let https = public_url
            .get(..8)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"));
        let hsts = (https && max_age_secs > 0)
            .then(|| HeaderValue::try_from(format!("max-age={max_age_secs}; includeSubDomains")))
            .and_then(Result::ok);
        Self { hsts }
    }
}

pub async fn add(State(config): State<SecurityHeaders>, request: Request, next: Next) -> Response {
    let api = is_api(request.uri().path());
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    set_default(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    if let Some(hsts) = &config.hsts {
        h.entry(header::STRICT_TRANSPORT_SECURITY)
            .or_insert_with(|| hsts.clone());
    }
    if api {
        set_default(h, header::CACHE_CONTROL, "no-store");
        set_default(h, header::X_FRAME_OPTIONS, "DENY");
        set_default(h, header::CONTENT_SECURITY_POLICY, API_POLICY);
        set_default(h, header::REFERRER_POLICY, "no-referrer");
    }
    response
}

fn set_default(headers: &mut HeaderMap, name: HeaderName, value: &'static str) {
    headers
        .entry(name)
        .or_insert_with(|| HeaderValue::from_static(value));
}

/// The control plane's own answers, as opposed to the web app's pages. (The proxy's routes
/// do not pass through this middleware: SDKs read them, and it would cost on the hot path.)
fn is_api(path: &str) -> bool {
    path == "/graphql"
        || path.starts_with("/api/")
        || matches!(path, "/metrics" | "/healthz" | "/readyz")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hsts_only_for_an_https_public_url() {
        assert!(
            SecurityHeaders::new("https://satu.id", 31_536_000)
                .hsts
                .is_some()
        );
        assert!(SecurityHeaders::new("HTTPS://satu.id", 300).hsts.is_some());
        assert!(
            SecurityHeaders::new("http://localhost:8080", 31_536_000)
                .hsts
                .is_none()
        );
        assert!(SecurityHeaders::new("https://satu.id", 0).hsts.is_none());
    }

    #[test]
    fn api_paths_are_told_apart_from_pages() {
        assert!(is_api("/graphql") && is_api("/api/usage/export") && is_api("/metrics"));
        assert!(!is_api("/graphiql") && !is_api("/id/app/") && !is_api("/v1/chat/completions"));
    }
}
