//! Rate limits per client address (rule 5), with governor.
//!
//! IPv6 clients are grouped by /64, the block one household or host usually has.
//! The address is the connection's peer, or the one a trusted proxy names in
//! `X-Forwarded-For`.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock as _, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::error::AppError;
use super::AppState;
use crate::config::Cidr;

/// One limiter per kind of request.
pub struct Limits {
    /// Reading free times and offices.
    read: DefaultKeyedRateLimiter<IpAddr>,
    /// Creating bookings: the thing bots hoard.
    book: DefaultKeyedRateLimiter<IpAddr>,
    /// Anything with a booking's token in it.
    token: DefaultKeyedRateLimiter<IpAddr>,
}

fn quota(burst: u32, every: Duration) -> Quota {
    Quota::with_period(every)
        .expect("a period above zero")
        .allow_burst(NonZeroU32::new(burst).expect("a burst above zero"))
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            read: RateLimiter::keyed(quota(120, Duration::from_millis(250))),
            book: RateLimiter::keyed(quota(10, Duration::from_secs(30))),
            token: RateLimiter::keyed(quota(30, Duration::from_secs(2))),
        }
    }
}

impl Limits {
    /// Forget addresses whose buckets are full again, so memory stays bounded.
    pub fn prune(&self) {
        for l in [&self.read, &self.book, &self.token] {
            l.retain_recent();
            l.shrink_to_fit();
        }
    }
}

pub use crate::client::key as client_key;

/// The client's address: the peer, or where the peer is a trusted proxy, the
/// nearest address in `X-Forwarded-For` that is not itself a trusted proxy.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[Cidr]) -> IpAddr {
    // An IPv4 peer of a dual-stack socket arrives as ::ffff:a.b.c.d.
    let peer = peer.to_canonical();
    let is_trusted = |ip: IpAddr| trusted.iter().any(|c| c.contains(ip));
    if !is_trusted(peer) {
        return peer;
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|s| s.trim().parse::<IpAddr>().ok())
        .map(|ip| ip.to_canonical())
        .collect();
    forwarded
        .into_iter()
        .rev()
        .find(|ip| !is_trusted(*ip))
        .unwrap_or(peer)
}

/// The client's address block (see [`client_key`]), put into each request's extensions.
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

pub async fn limit(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let ip = client_key(state.client_ip(peer, request.headers()));
    request.extensions_mut().insert(ClientIp(ip));
    if let Some(limits) = &state.limits {
        let path = request.uri().path();
        let limiter = if super::carries_token(path) {
            &limits.token
        } else if request.method() == Method::POST
            && !super::api_staff::is_staff_post(path)
            && !super::staff::is_staff_post(path)
        {
            &limits.book
        } else {
            &limits.read
        };
        if let Err(not_until) = limiter.check_key(&ip) {
            let wait = not_until
                .wait_time_from(DefaultClock::default().now())
                .as_secs()
                .max(1);
            if path.starts_with("/api/") {
                return AppError::TooManyRequests(wait).into_response();
            }
            let problem = crate::views::errors::Problem::RateLimited { seconds: wait };
            return super::page::PageError::new(axum::http::StatusCode::TOO_MANY_REQUESTS, problem)
                .retry_after(wait)
                .into_response();
        }
    }
    next.run(request).await
}

/// Prune the limiters every minute.
pub async fn prune_forever(limits: Arc<Limits>) {
    loop {
        tokio::time::sleep(Duration::from_secs(60)).await;
        limits.prune();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_clients_count_per_64_block() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(client_key(a), client_key(b));
        assert_ne!(client_key(a), client_key(c));
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(client_key(mapped), "192.0.2.7".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", "203.0.113.9, 10.0.0.2".parse().unwrap());
        let trusted = [Cidr::parse("10.0.0.0/8").unwrap()];
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let stranger: IpAddr = "198.51.100.1".parse().unwrap();
        assert_eq!(
            client_ip(proxy, &headers, &trusted),
            "203.0.113.9".parse::<IpAddr>().unwrap()
        );
        assert_eq!(client_ip(stranger, &headers, &trusted), stranger);
        assert_eq!(client_ip(proxy, &headers, &[]), proxy);
    }
}
