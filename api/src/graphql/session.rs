//! Sessions over HTTP: the token from the `satu_session` cookie or `Authorization: Bearer`,
//! the CSRF token derived from it, and the cookies that carry both. Over https the cookies are
//! named `__Host-…`: the browser then takes them only from this host, Secure, with `Path=/`
//! and no `Domain`, so a page on a sibling subdomain cannot plant a session (cookie tossing);
//! a request over https reads only those names.

use std::borrow::Cow;

use axum::http::{HeaderMap, header};
use entities::secret_token::sha256_hex;
use entities::sessions::{self, TOKEN_PREFIX};
use sea_orm::DatabaseConnection;

use super::config::CookieSecure;
use super::context::{Via, Viewer};

pub const SESSION_COOKIE: &str = "satu_session";
pub const CSRF_COOKIE: &str = "satu_csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// A cookie's name: `__Host-` prefixed when the cookie is Secure.
pub fn cookie_name(base: &'static str, secure: bool) -> Cow<'static, str> {
    if secure {
        Cow::Owned(format!("__Host-{base}"))
    } else {
        Cow::Borrowed(base)
    }
}

/// Whether the client came over https: only a proxy Satu trusts may say so; a client could
/// otherwise send the header itself and steer the cookies' `Secure` flag and names.
pub fn request_https(headers: &HeaderMap, trusted_proxy_hops: usize) -> bool {
    trusted_proxy_hops > 0
        && headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

/// The session token and whether it came as a cookie (named for `secure`).
pub fn token(headers: &HeaderMap, secure: bool) -> Option<(String, bool)> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| t.starts_with(TOKEN_PREFIX));
    if let Some(t) = bearer {
        return Some((t.to_owned(), false));
    }
    cookie(headers, &cookie_name(SESSION_COOKIE, secure)).map(|t| (t, true))
}

/// The signed-in viewer and their session token, when the request carries a valid session.
pub async fn viewer(
    db: &DatabaseConnection,
    headers: &HeaderMap,
    secure: bool,
) -> Option<(Viewer, String)> {
    let (token, from_cookie) = token(headers, secure)?;
    match sessions::find_active(db, &token).await {
        Ok(Some(s)) => {
            if let Some(id) = s.impersonation_id {
                super::impersonation::seen(db, id, headers).await?;
            }
            let via = if from_cookie {
                Via::Cookie
            } else {
                Via::Bearer
            };
            let requested = super::workspace::requested(headers);
            let hd = s.google_hd.as_deref();
            let viewer = Viewer {
                user_id: s.user_id,
                session_id: s.id,
                via,
                scope: super::workspace::resolve(db, s.user_id, hd, requested).await,
                google_hd: s.google_hd.clone(),
                impersonation: s.impersonation_id,
            };
            Some((viewer, token))
        }
        Ok(None) => None,
        Err(e) => {
            tracing::error!(error = %e, "session lookup failed");
            None
        }
    }
}

pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// The CSRF token of a session: derived, so it needs no storage and dies with the session.
pub fn csrf_for(session_token: &str) -> String {
    sha256_hex(&format!("csrf:{session_token}"))[..32].to_owned()
}

/// Whether the request's CSRF header matches its session.
pub fn csrf_matches(headers: &HeaderMap, session_token: &str) -> bool {
    let expected = csrf_for(session_token);
    headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| constant_time_eq(v.as_bytes(), expected.as_bytes()))
}

pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `Set-Cookie` values for a new session (httpOnly token, readable CSRF token).
pub fn set_cookies(token: &str, max_age_secs: i64, secure: bool) -> [String; 2] {
    let flags = cookie_flags(max_age_secs, secure);
    let (session, csrf) = (
        cookie_name(SESSION_COOKIE, secure),
        cookie_name(CSRF_COOKIE, secure),
    );
    [
        format!("{session}={token}; HttpOnly; {flags}"),
        format!("{csrf}={}; {flags}", csrf_for(token)),
    ]
}

/// `Set-Cookie` values that remove both cookies.
pub fn clear_cookies(secure: bool) -> [String; 2] {
    let flags = cookie_flags(0, secure);
    let (session, csrf) = (
        cookie_name(SESSION_COOKIE, secure),
        cookie_name(CSRF_COOKIE, secure),
    );
    [
        format!("{session}=; HttpOnly; {flags}"),
        format!("{csrf}=; {flags}"),
    ]
}

pub fn cookie_flags(max_age_secs: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("Path=/; SameSite=Lax; Max-Age={max_age_secs}{secure}")
}

pub fn secure(setting: CookieSecure, https: bool) -> bool {
    match setting {
        CookieSecure::Always => true,
        CookieSecure::Never => false,
        CookieSecure::Auto => https,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_come_from_bearer_or_cookie() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            "a=1; satu_session=satu_sess_abc; b=2".parse().unwrap(),
        );
        assert_eq!(token(&h, false), Some(("satu_sess_abc".to_owned(), true)));
        // Over https only the `__Host-` cookie counts: a plain one may come from a subdomain.
        assert_eq!(token(&h, true), None);
        h.insert(
            header::AUTHORIZATION,
            "Bearer satu_sess_xyz".parse().unwrap(),
        );
        assert_eq!(token(&h, false), Some(("satu_sess_xyz".to_owned(), false)));
        // A proxy key is not a session.
        h.insert(header::AUTHORIZATION, "Bearer sk-satu-123".parse().unwrap());
        assert_eq!(token(&h, false), Some(("satu_sess_abc".to_owned(), true)));
        h.insert(
            header::COOKIE,
            "__Host-satu_session=satu_sess_def".parse().unwrap(),
        );
        assert_eq!(token(&h, true), Some(("satu_sess_def".to_owned(), true)));
    }

    #[test]
    fn csrf_is_bound_to_the_session() {
        let mut h = HeaderMap::new();
        h.insert(CSRF_HEADER, csrf_for("satu_sess_a").parse().unwrap());
        assert!(csrf_matches(&h, "satu_sess_a"));
        assert!(!csrf_matches(&h, "satu_sess_b"));
        let [session, csrf] = set_cookies("satu_sess_a", 60, true);
        assert!(
            session.starts_with("__Host-satu_session=") && csrf.starts_with("__Host-satu_csrf=")
        );
        assert!(session.contains("HttpOnly") && session.ends_with("Secure"));
        assert!(!csrf.contains("HttpOnly"));
    }
}
