//! The web app (Next.js static export) served at `/`, beside the API routes: hashed assets are
//! cached for a year, pages revalidate, the app's own 404 page answers unknown paths, and every
//! response carries the security headers.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use tower_http::services::{ServeDir, ServeFile};

use crate::page_policy::PagePolicies;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";

/// The web router, used as the fallback of the whole app.
pub fn router(dir: &Path) -> Router {
    // Each page may run its own inline scripts only (hashed from the export at start-up).
    let policies = Arc::new(PagePolicies::load(dir));
    let router = if dir.join("index.html").is_file() {
        let not_found = ServeFile::new(dir.join("404.html"));
        // The web build writes .br and .gz next to each text file; clients get the smallest.
        let files = ServeDir::new(dir)
            .precompressed_br()
            .precompressed_gzip()
            .append_index_html_on_directories(true)
            .not_found_service(not_found);
        Router::new().fallback_service(files)
    } else {
        tracing::info!(dir = %dir.display(), "web app not built; / explains how to build it");
        Router::new().fallback(missing(dir.to_owned()))
    };
    router.layer(middleware::from_fn_with_state(policies, headers))
}

fn missing(dir: PathBuf) -> impl Fn(Request) -> std::future::Ready<Response> + Clone {
    move |request: Request| {
        let response = if request.uri().path() == "/" {
            let page = format!(
                "<!doctype html><meta charset=utf-8><title>Satu</title>\
                 <h1>Satu is running</h1><p>The web app is not built yet (looked in <code>{}</code>). \
                 Build it with <code>cd web &amp;&amp; npm ci &amp;&amp; npm run build</code>, or point \
                 <code>SATU__WEB__DIR</code> at an exported build.</p>\
                 <p>The API answers at <code>/v1</code>; health at <code>/healthz</code>.</p>",
                html_escape(&dir.display().to_string())
            );
            Html(page).into_response()
        } else {
            (StatusCode::NOT_FOUND, "not found").into_response()
        };
        std::future::ready(response)
    }
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

async fn headers(
    State(policies): State<Arc<PagePolicies>>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let immutable = path.starts_with("/_next/static/");
    let mut response = next.run(request).await;
    let policy = policies.for_request(&path, response.status()).clone();
    let found = response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED;
    let h = response.headers_mut();
    let cache = if immutable && found {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(header::CONTENT_SECURITY_POLICY, policy);
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use tower::ServiceExt;

    fn site() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("satu-web-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("_next/static/chunks")).unwrap();
        std::fs::create_dir_all(dir.join("en")).unwrap();
        std::fs::write(dir.join("index.html"), "<h1>home</h1>").unwrap();
        std::fs::write(dir.join("en/index.html"), "<h1>english</h1>").unwrap();
        std::fs::write(dir.join("404.html"), "<h1>lost</h1>").unwrap();
        std::fs::write(
            dir.join("_next/static/chunks/app-1a2b.js"),
            "console.log(1)",
        )
        .unwrap();
        dir
    }

    async fn get(router: &Router, path: &str) -> (StatusCode, axum::http::HeaderMap, String) {
        let response = router
            .clone()
            .oneshot(Request::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        (status, headers, String::from_utf8_lossy(&body).into_owned())
    }

    #[tokio::test]
    async fn serves_pages_assets_and_its_own_404() {
        let dir = site();
        let router = router(&dir);
        let (status, h, body) = get(&router, "/").await;
        assert_eq!((status, body.as_str()), (StatusCode::OK, "<h1>home</h1>"));
        assert_eq!(h[header::CACHE_CONTROL], REVALIDATE);
        assert!(
            h[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        assert!(
            h[header::CONTENT_SECURITY_POLICY]
                .to_str()
                .unwrap()
                .contains("frame-ancestors 'none'")
        );
        let policy = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(
            !policy.contains("unsafe-eval")
                && !policy.contains("script-src 'self' 'unsafe-inline'")
        );
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");

        let (status, _, body) = get(&router, "/en/").await;
        assert_eq!(
            (status, body.as_str()),
            (StatusCode::OK, "<h1>english</h1>")
        );

        let (status, h, _) = get(&router, "/_next/static/chunks/app-1a2b.js").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(h[header::CACHE_CONTROL], IMMUTABLE);
        assert!(
            h[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .contains("javascript")
        );

        let (status, h, body) = get(&router, "/no/such/page").await;
        assert_eq!(
            (status, body.as_str()),
            (StatusCode::NOT_FOUND, "<h1>lost</h1>")
        );
        assert_eq!(h[header::CACHE_CONTROL], REVALIDATE);
        let (status, h, _) = get(&router, "/_next/static/missing.js").await;
        assert_eq!(
            (status, &h[header::CACHE_CONTROL]),
            (StatusCode::NOT_FOUND, &HeaderValue::from_static(REVALIDATE))
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn explains_how_to_build_when_the_export_is_missing() {
        let router = router(Path::new("/nonexistent/web/out"));
        let (status, _, body) = get(&router, "/").await;
        assert_eq!(status, StatusCode::OK);
        assert!(body.contains("npm run build") && body.contains("/nonexistent/web/out"));
        let (status, _, _) = get(&router, "/anything").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}
