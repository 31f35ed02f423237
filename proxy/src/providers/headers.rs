//! Building an upstream request's URI and headers: what every spoke shares.

use axum::http::header::{self, HeaderName};
use axum::http::{HeaderMap, HeaderValue, Uri};
use url::Url;

use crate::error::ProxyError;

/// `base` with `path` appended. Base URLs are stored without a trailing slash; one with a
/// query or fragment still gets the path in the right place.
pub fn endpoint_uri(base: &Url, path: &str) -> Result<Uri, ProxyError> {
    if base.query().is_none() && base.fragment().is_none() {
        return parse_uri(format!("{}{path}", base.as_str().trim_end_matches('/')));
    }
    let mut url = base.clone();
    url.set_path(&format!("{}{path}", base.path().trim_end_matches('/')));
    parse_uri(url.into())
}

/// A URI from text; text the strict URI grammar refuses (a model name with a space, say) is
/// percent-encoded by the URL parser first.
pub fn parse_uri(text: String) -> Result<Uri, ProxyError> {
    Uri::try_from(text.as_str())
        .ok()
        .or_else(|| {
            let url = Url::parse(&text).ok()?;
            Uri::try_from(url.as_str()).ok()
        })
        .ok_or(ProxyError::UpstreamInvalid)
}

pub fn value(text: &str) -> Result<HeaderValue, ProxyError> {
    HeaderValue::from_str(text).map_err(|_| ProxyError::UpstreamAuth)
}

/// A credential header, kept out of debug output and HTTP/2 header compression tables.
pub fn secret(text: &str) -> Result<HeaderValue, ProxyError> {
    let mut value = value(text)?;
    value.set_sensitive(true);
    Ok(value)
}

pub fn bearer(headers: &mut HeaderMap, token: &str) -> Result<(), ProxyError> {
    headers.insert(header::AUTHORIZATION, secret(&format!("Bearer {token}"))?);
    Ok(())
}

pub fn insert_secret(
    headers: &mut HeaderMap,
    name: HeaderName,
    text: &str,
) -> Result<(), ProxyError> {
    headers.insert(name, secret(text)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_urls_append_to_the_base_path() {
        let cases = [
            (
                "http://127.0.0.1:9/v1",
                "/messages",
                "http://127.0.0.1:9/v1/messages",
            ),
            (
                "https://api.example.com/v1/",
                "/responses",
                "https://api.example.com/v1/responses",
            ),
            (
                "https://api.example.com",
                "/chat/completions",
                "https://api.example.com/chat/completions",
            ),
            (
                "https://gw.example.com/v1?region=eu",
                "/messages",
                "https://gw.example.com/v1/messages?region=eu",
            ),
        ];
        for (base, path, expected) in cases {
            let base: Url = base.parse().unwrap();
            assert_eq!(endpoint_uri(&base, path).unwrap().to_string(), expected);
        }
    }

    #[test]
    fn text_outside_the_uri_grammar_is_encoded() {
        let uri = parse_uri("https://g.example.com/models/my model:generateContent".into());
        assert_eq!(
            uri.unwrap().to_string(),
            "https://g.example.com/models/my%20model:generateContent"
        );
    }
}
