//! Keeps user-supplied upstreams off private networks (SSRF). Literal IPs are checked when a URL
//! is accepted; host names are checked at connection time by a DNS resolver that refuses private
//! answers, so a name that later re-points to 127.0.0.1 is still refused.

use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use hyper_util::client::legacy::connect::dns;

use reqwest::Url;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum UrlError {
    #[error("`{0}` is not a valid URL")]
    Malformed(String),
    #[error("`{0}` must use http or https")]
    Scheme(String),
    #[error(
        "`{0}` points at a private or loopback address; set SATU__PROXY__ALLOW_PRIVATE_UPSTREAMS=true to allow it"
    )]
    Private(String),
}

/// Parses and checks an upstream base URL. The returned URL has no trailing slash.
pub fn check_base_url(raw: &str, allow_private: bool) -> Result<Url, UrlError> {
    let url = Url::parse(raw.trim()).map_err(|_| UrlError::Malformed(raw.to_owned()))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(UrlError::Scheme(raw.to_owned()));
    }
    if !allow_private && host_is_private(&url) {
        return Err(UrlError::Private(raw.to_owned()));
    }
    let trimmed = url.as_str().trim_end_matches('/').to_owned();
    Url::parse(&trimmed).map_err(|_| UrlError::Malformed(raw.to_owned()))
}

fn host_is_private(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => is_private(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => is_private(IpAddr::V6(ip)),
        Some(url::Host::Domain(d)) => {
            d.eq_ignore_ascii_case("localhost") || d.ends_with(".localhost")
        }
        None => true,
    }
}

pub fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.octets()[0] == 0
                || (v4.octets()[0] == 100 && (v4.octets()[1] & 0xc0) == 64) // 100.64/10 CGNAT
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_private(IpAddr::V4(v4));
            }
            v6.is_loopback()
                || v6.is_unspecified()
                || (v6.segments()[0] & 0xfe00) == 0xfc00 // unique local
                || (v6.segments()[0] & 0xffc0) == 0xfe80 // link local
        }
    }
}

/// Looks `host` up, dropping private answers when `guard` is on.
async fn resolve(host: &str, guard: bool) -> std::io::Result<Vec<SocketAddr>> {
    let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host, 0))
        .await?
        .filter(|a| !guard || !is_private(a.ip()))
        .collect();
    if addrs.is_empty() {
        let what = if guard {
            " only to private addresses"
        } else {
            " to no address"
        };
        return Err(std::io::Error::other(format!("{host} resolves{what}")));
    }
    Ok(addrs)
}

/// DNS resolver for reqwest clients (OAuth, key checks) that drops private addresses.
pub struct GuardedResolver;

impl GuardedResolver {
    pub fn shared() -> Arc<Self> {
        Arc::new(Self)
    }
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let addrs: Addrs = Box::new(resolve(name.as_str(), true).await?.into_iter());
            Ok(addrs)
        })
    }
}

/// The proxy's upstream resolver (hyper-util's connector), with the same guard when on.
#[derive(Clone, Copy)]
pub struct UpstreamResolver {
    pub guard: bool,
}

type Resolved =
    Pin<Box<dyn Future<Output = std::io::Result<std::vec::IntoIter<SocketAddr>>> + Send>>;

impl tower_service::Service<dns::Name> for UpstreamResolver {
    type Response = std::vec::IntoIter<SocketAddr>;
    type Error = std::io::Error;
    type Future = Resolved;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, name: dns::Name) -> Self::Future {
        let guard = self.guard;
        Box::pin(async move { Ok(resolve(name.as_str(), guard).await?.into_iter()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_hosts_are_refused_unless_allowed() {
        for url in [
            "http://127.0.0.1:9000/v1",
            "http://localhost/v1",
            "http://10.1.2.3/",
            "http://192.168.0.1",
            "http://169.254.169.254/latest",
            "http://[::1]:80/",
            "http://[::ffff:127.0.0.1]/",
        ] {
            assert!(
                matches!(check_base_url(url, false), Err(UrlError::Private(_))),
                "{url}"
            );
            assert!(check_base_url(url, true).is_ok(), "{url}");
        }
        assert_eq!(
            check_base_url("https://api.example.com/v1/", false)
                .unwrap()
                .as_str(),
            "https://api.example.com/v1"
        );
    }

    #[test]
    fn malformed_and_non_http_urls_are_refused() {
        assert!(matches!(
            check_base_url("not a url", true),
            Err(UrlError::Malformed(_))
        ));
        assert!(matches!(
            check_base_url("ftp://example.com", true),
            Err(UrlError::Scheme(_))
        ));
    }
}
