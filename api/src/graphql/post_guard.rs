//! What `POST /graphql` accepts, against login CSRF: a cross-site HTML form can send
//! `text/plain` or multipart bodies with the user's cookies (and sign them into someone else's
//! account), but not `application/json` without a CORS preflight, which Satu never grants. So
//! the body must be JSON, and a browser request announcing another site (`Origin`, or
//! `Sec-Fetch-Site: cross-site`) is refused before anything runs.

use axum::Json;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// Why a POST was refused, answered in GraphQL's error shape.
pub enum Refusal {
    NotJson,
    CrossSite,
    BadJson(String),
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let (status, code, message) = match self {
            Refusal::NotJson => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "BAD_REQUEST",
                "POST /graphql takes a JSON body (content-type: application/json).".to_owned(),
            ),
            Refusal::CrossSite => (
                StatusCode::FORBIDDEN,
                "CSRF",
                "Requests from another site's pages are refused.".to_owned(),
            ),
            Refusal::BadJson(why) => (
                StatusCode::BAD_REQUEST,
                "BAD_REQUEST",
                format!("The body is not a GraphQL request: {why}."),
            ),
        };
        let body = json!({"errors": [{"message": message, "extensions": {"code": code}}]});
        (status, Json(body)).into_response()
    }
}

/// Checks the headers of a POST; `public_url` is the other origin the dashboard may be served
/// under (behind a proxy that rewrites `Host`).
pub fn check(headers: &HeaderMap, public_url: &str) -> Result<(), Refusal> {
    if !is_json(headers) {
        return Err(Refusal::NotJson);
    }
    let cross_site = headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("cross-site"));
    if cross_site || !origin_allowed(headers, public_url) {
        return Err(Refusal::CrossSite);
    }
    Ok(())
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| {
            let mime = mime.trim();
            mime.eq_ignore_ascii_case("application/json")
                || mime.eq_ignore_ascii_case("application/graphql-response+json")
        })
}

/// No `Origin` (scripts, SDKs, same-origin GETs) or our own: the request's `Host`, or
/// `api.public_url`.
pub fn origin_allowed(headers: &HeaderMap, public_url: &str) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let origin = origin.trim_end_matches('/');
    if origin.eq_ignore_ascii_case(public_url.trim_end_matches('/')) {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    match (origin.split_once("://"), host) {
        (Some((_, authority)), Some(host)) => authority.eq_ignore_ascii_case(host),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(
                axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                v.parse().unwrap(),
            );
        }
        h
    }

    const PUBLIC: &str = "https://satu.id";

    #[test]
    fn json_from_scripts_and_our_own_pages_passes() {
        let script = headers(&[("content-type", "application/json; charset=utf-8")]);
        assert!(check(&script, PUBLIC).is_ok());
        let page = headers(&[
            ("content-type", "application/json"),
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:8080"),
            ("sec-fetch-site", "same-origin"),
        ]);
        assert!(check(&page, PUBLIC).is_ok());
        let behind_proxy = headers(&[
            ("content-type", "application/json"),
            ("host", "satu-api.internal:8080"),
            ("origin", "https://satu.id"),
        ]);
        assert!(check(&behind_proxy, PUBLIC).is_ok());
    }

    #[test]
    fn forms_and_other_sites_are_refused() {
        for body in [
            "text/plain",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
        ] {
            let form = headers(&[("content-type", body)]);
            assert!(
                matches!(check(&form, PUBLIC), Err(Refusal::NotJson)),
                "{body}"
            );
        }
        assert!(matches!(
            check(&HeaderMap::new(), PUBLIC),
            Err(Refusal::NotJson)
        ));
        let foreign = headers(&[
            ("content-type", "application/json"),
            ("host", "satu.id"),
            ("origin", "https://evil.example"),
        ]);
        assert!(matches!(check(&foreign, PUBLIC), Err(Refusal::CrossSite)));
        let fetch_meta = headers(&[
            ("content-type", "application/json"),
            ("sec-fetch-site", "cross-site"),
        ]);
        assert!(matches!(
            check(&fetch_meta, PUBLIC),
            Err(Refusal::CrossSite)
        ));
        let null_origin = headers(&[
            ("content-type", "application/json"),
            ("host", "satu.id"),
            ("origin", "null"),
        ]);
        assert!(matches!(
            check(&null_origin, PUBLIC),
            Err(Refusal::CrossSite)
        ));
    }
}
