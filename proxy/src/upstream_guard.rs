//! Keeps user-supplied upstreams off private networks (SSRF). Literal IPs are checked when a URL
//! is accepted; host names are checked at connection time by a DNS resolver that refuses private
//! answers, so a name that later re-points to 127.0.0.1 is still refused; and the proxy's
//! connector checks the address it actually connected to, which also covers literal IPs (they
//! never reach a resolver).

use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::http::Uri;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::connect::dns;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

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

/// Not a public unicast address: private, loopback, link-local, shared, reserved, multicast,
/// or an IPv6 form that carries such an IPv4 address (mapped, compatible, NAT64, 6to4).
pub fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.is_multicast()
                || a == 0
                || (a == 100 && (b & 0xc0) == 64) // 100.64/10 CGNAT
                || (a == 192 && b == 0 && c == 0) // 192.0.0/24 IETF protocol assignments
                || (a == 198 && (b & 0xfe) == 18) // 198.18/15 benchmarking
                || a >= 240 // 240/4 reserved
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = embedded_v4(v6) {
                return is_private(IpAddr::V4(v4));
            }
            let s = v6.segments();
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00 // unique local
                || (s[0] & 0xffc0) == 0xfe80 // link local
        }
    }
}

/// The IPv4 address an IPv6 one stands for: `::ffff:a.b.c.d` (mapped), `::a.b.c.d`
/// (compatible, deprecated), `64:ff9b::a.b.c.d` (NAT64), `2002:aabb:ccdd::` (6to4).
fn embedded_v4(v6: std::net::Ipv6Addr) -> Option<std::net::Ipv4Addr> {
    let s = v6.segments();
    let o = v6.octets();
    if let Some(v4) = v6.to_ipv4_mapped() {
        return Some(v4);
    }
    let tail = std::net::Ipv4Addr::new(o[12], o[13], o[14], o[15]);
    if s[..6] == [0; 6] && !v6.is_loopback() && !v6.is_unspecified() {
        return Some(tail);
    }
    if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return Some(tail);
    }
    if s[0] == 0x2002 {
        return Some(std::net::Ipv4Addr::new(o[2], o[3], o[4], o[5]));
    }
    None
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

/// The proxy's TCP connector, refusing a connection whose peer is private when `guard` is on.
#[derive(Clone)]
pub struct GuardedConnector {
    pub inner: HttpConnector<UpstreamResolver>,
    pub guard: bool,
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;
type Connecting = Pin<Box<dyn Future<Output = Result<TokioIo<TcpStream>, BoxError>> + Send>>;

impl tower_service::Service<Uri> for GuardedConnector {
    type Response = TokioIo<TcpStream>;
    type Error = BoxError;
    type Future = Connecting;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
        self.inner.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, uri: Uri) -> Self::Future {
        let connecting = self.inner.call(uri);
        let guard = self.guard;
        Box::pin(async move {
            let io = connecting.await?;
            let peer = io.inner().peer_addr()?;
            if guard && is_private(peer.ip()) {
                let refused = format!("{} is a private address", peer.ip());
                return Err(std::io::Error::other(refused).into());
            }
            Ok(io)
        })
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
            "http://[::127.0.0.1]/",
            "http://[64:ff9b::10.0.0.1]/",
            "http://[64:ff9b::a9fe:a9fe]/",
            "http://[2002:c0a8:0101::1]/",
            "http://[ff02::1]/",
            "http://192.0.0.8/",
            "http://198.18.0.1/",
            "http://198.19.255.1/",
            "http://240.0.0.1/",
            "http://224.0.0.251/",
            "http://255.255.255.255/",
        ] {
            assert!(
                matches!(check_base_url(url, false), Err(UrlError::Private(_))),
                "{url}"
            );
            assert!(check_base_url(url, true).is_ok(), "{url}");
        }
        // Public addresses, in every form, stay allowed.
        for url in [
            "http://8.8.8.8/",
            "http://[2606:4700::1111]/",
            "http://[64:ff9b::808:808]/",
            "http://[2002:0808:0808::1]/",
            "http://198.20.0.1/",
        ] {
            assert!(check_base_url(url, false).is_ok(), "{url}");
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
