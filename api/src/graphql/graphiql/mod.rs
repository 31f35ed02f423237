//! GraphiQL at `/graphiql`, when `api.graphiql` is on (off by default: a production origin
//! should not run third-party scripts). Its scripts come from unpkg at pinned versions with
//! Subresource Integrity, so a changed file is refused by the browser; the page's own boot
//! script is served from the binary, and a strict Content-Security-Policy allows nothing else.

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use axum::routing::get;

const PAGE: &str = include_str!("page.html");
const BOOT: &str = include_str!("boot.js");

/// unpkg for the pinned files; the API and its websocket on our own origin.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self' https://unpkg.com; \
style-src 'unsafe-inline' https://unpkg.com; font-src data: https://unpkg.com; img-src 'self' data:; \
connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

pub fn router() -> Router {
    Router::new()
        .route("/graphiql", get(page))
        .route("/graphiql/boot.js", get(boot))
}

async fn page() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        ],
        PAGE,
    )
}

async fn boot() -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/javascript; charset=utf-8"),
        )],
        BOOT,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_outside_file_is_pinned_and_checked() {
        let outside: Vec<&str> = PAGE.lines().filter(|l| l.contains("https://")).collect();
        assert_eq!(outside.len(), 5);
        for line in outside {
            assert!(line.contains("integrity=\"sha384-"), "{line}");
            assert!(line.contains("crossorigin=\"anonymous\""), "{line}");
            assert!(
                !line.contains("@latest") && line.contains(".min."),
                "{line}"
            );
        }
    }
}
