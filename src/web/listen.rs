//! Accepting connections so that nobody can hoard them: a cap on open
//! connections per client address and in all, a time to send a request's head
//! (which also ends a kept-alive connection left idle), a time a connection may
//! go without sending or receiving a byte while a request is read or answered,
//! and, on shutdown, time for the requests in flight to finish.
//!
//! hyper's HTTP/1 connection does the protocol and the head timeout; the rest
//! is here, because `axum::serve` offers none of it.

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::{Instant, Sleep};
use tower::ServiceExt;

use crate::config::{Cidr, Config};

/// How connections are limited; from the configuration.
#[derive(Debug, Clone)]
pub struct Limits {
    pub header_timeout: Duration,
    pub idle_timeout: Duration,
    pub max_connections: usize,
    pub max_per_client: usize,
    /// Proxies in front of the service: all their clients share their address,
    /// so the per-client cap does not apply to them.
    pub trusted_proxies: Vec<Cidr>,
    /// On shutdown, how long requests in flight may take to finish.
    pub drain: Duration,
}

impl Limits {
    /// The limits of the configuration, with the cap on connections below what
    /// the process may open (each connection is a file descriptor, and the
    /// database, the mail server and the log need some of their own).
    pub fn of(config: &Config) -> Limits {
        let files = raise_open_files_limit();
        let room = files.saturating_sub(FILES_KEPT_FREE);
        if config.max_connections > room {
            tracing::warn!(
                configured = config.max_connections,
                allowed = room,
                open_files = files,
                "TERMIN_MAX_CONNECTIONS is above what this process may open; raise its open-files limit (LimitNOFILE)"
            );
        }
        Limits {
            header_timeout: Duration::from_secs(config.header_timeout_seconds),
            idle_timeout: Duration::from_secs(config.idle_timeout_seconds),
            max_connections: config.max_connections.min(room.max(1)),
            max_per_client: config.max_connections_per_client,
            trusted_proxies: config.trusted_proxies.clone(),
            drain: Duration::from_secs(config.request_timeout_seconds),
        }
    }
}

/// On shutdown, how long the connections accepted last have to send their request.
const FIRST_REQUEST_GRACE: Duration = Duration::from_millis(200);

/// File descriptors kept for the database, the mail server, logs and files.
const FILES_KEPT_FREE: usize = 256;

/// Raise the soft limit on open files to the hard one (many systems start a
/// service with 1024), and return it.
fn raise_open_files_limit() -> usize {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit and setrlimit only read and write the struct given.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 {
                if limit.rlim_cur < limit.rlim_max {
                    let raised = libc::rlimit {
                        rlim_cur: limit.rlim_max,
                        rlim_max: limit.rlim_max,
                    };
                    if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                        limit = raised;
                    }
                }
                return usize::try_from(limit.rlim_cur).unwrap_or(usize::MAX);
            }
        }
        1024
    }
    #[cfg(not(unix))]
    {
        usize::MAX
    }
}

/// The connections open now, in all and per client address (IPv6: per /64).
#[derive(Default)]
struct Open {
    by_client: Mutex<HashMap<IpAddr, usize>>,
    total: Mutex<usize>,
}

/// A connection's place under the caps, given back when it closes.
struct Admitted {
    open: Arc<Open>,
    client: Option<IpAddr>,
}

impl Open {
    fn admit(self: &Arc<Open>, ip: IpAddr, limits: &Limits) -> Option<Admitted> {
        // An IPv4 client of a dual-stack socket arrives as ::ffff:a.b.c.d.
        let ip = ip.to_canonical();
        let mut total = self.total.lock().expect("connection count");
        if *total >= limits.max_connections {
            return None;
        }
        let client = if limits.trusted_proxies.iter().any(|c| c.contains(ip)) {
            None
        } else {
            let key = super::ratelimit::client_key(ip);
            let mut by_client = self.by_client.lock().expect("connection count");
            let n = by_client.entry(key).or_default();
            if *n >= limits.max_per_client {
                return None;
            }
            *n += 1;
            Some(key)
        };
        *total += 1;
        Some(Admitted {
            open: self.clone(),
            client,
        })
    }
}

impl Drop for Admitted {
    fn drop(&mut self) {
        *self.open.total.lock().expect("connection count") -= 1;
        if let Some(key) = self.client {
            let mut by_client = self.open.by_client.lock().expect("connection count");
            if let Some(n) = by_client.get_mut(&key) {
                *n -= 1;
                if *n == 0 {
                    by_client.remove(&key);
                }
            }
        }
    }
}

/// Serve `router` on `listener` until `shutdown` completes; then stop
/// accepting, let the requests in flight finish for at most `limits.drain`,
/// and return.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) {
    let open = Arc::new(Open::default());
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    let mut refused_since_warning = 0u64;
    let mut take = |stream: TcpStream, peer: std::net::SocketAddr| {
        let Some(admitted) = open.admit(peer.ip(), &limits) else {
            // Closed at once: a hoarder gets nothing to hold.
            drop(stream);
            refused_since_warning += 1;
            if refused_since_warning == 1 || refused_since_warning.is_multiple_of(1000) {
                tracing::warn!(
                    refused = refused_since_warning,
                    "connections refused: too many open in all or from one address"
                );
            }
            return;
        };
        serve_connection(
            &http,
            &graceful,
            stream,
            peer,
            router.clone(),
            &limits,
            admitted,
        );
    };
    accept_until(&listener, shutdown, &mut take).await;
    take_backlog(listener, &mut take);
    // hyper closes a connection unanswered when it is told to shut down before
    // it has read a byte; the connections just taken have their request on the
    // way. They get a moment to be read (kept-alive connections that sit idle
    // close at once either way).
    tokio::time::sleep(FIRST_REQUEST_GRACE).await;
    tokio::select! {
        _ = graceful.shutdown() => {}
        _ = tokio::time::sleep(limits.drain) => {
            tracing::warn!("requests still in flight after the shutdown's time; stopping anyway");
        }
    }
}

/// Hand each connection to `take` until `shutdown`.
async fn accept_until(
    listener: &TcpListener,
    shutdown: impl Future<Output = ()>,
    take: &mut impl FnMut(TcpStream, std::net::SocketAddr),
) {
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors: wait a moment instead of spinning.
                Err(e) if matches!(e.raw_os_error(), Some(libc::EMFILE | libc::ENFILE)) => {
                    tracing::warn!(error = %e, "accepting a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
                // A connection that went away before it was accepted, and the like.
                Err(e) => {
                    tracing::debug!(error = %e, "accepting a connection");
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        take(stream, peer);
    }
}

/// The connections the kernel has completed already wait in the listener's
/// backlog; closing it would reset them unanswered. Take them first (each
/// gets its request answered, then closes), then close: from here on a
/// client is refused, and knows to go elsewhere.
/// The socket itself is asked, not tokio's cached readiness, which may not
/// have seen the newest connections yet.
fn take_backlog(listener: TcpListener, take: &mut impl FnMut(TcpStream, std::net::SocketAddr)) {
    if let Ok(listener) = listener.into_std() {
        while let Ok((stream, peer)) = listener.accept() {
            let stream = stream
                .set_nonblocking(true)
                .and_then(|()| TcpStream::from_std(stream));
            if let Ok(stream) = stream {
                take(stream, peer);
            }
        }
    }
}

/// Serve one admitted connection in a task of its own; its place under the
/// caps is given back when it ends.
fn serve_connection(
    http: &hyper::server::conn::http1::Builder,
    graceful: &hyper_util::server::graceful::GracefulShutdown,
    stream: TcpStream,
    peer: std::net::SocketAddr,
    router: Router,
    limits: &Limits,
    admitted: Admitted,
) {
    let _ = stream.set_nodelay(true);
    let io = TokioIo::new(Watched::new(stream, limits.idle_timeout));
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(ConnectInfo(peer));
        router.clone().oneshot(request)
    });
    let connection = graceful.watch(http.serve_connection(io, service));
    tokio::spawn(async move {
        let _admitted = admitted;
        if let Err(e) = connection.await {
            tracing::debug!(error = %e, "connection ended");
        }
    });
}

/// A connection that fails once it has sent and received nothing for
/// `idle` while somebody waits on it.
struct Watched {
    stream: TcpStream,
    idle: Duration,
    last: Instant,
    timer: Pin<Box<Sleep>>,
}

impl Watched {
    fn new(stream: TcpStream, idle: Duration) -> Watched {
        let now = Instant::now();
        Watched {
            stream,
            idle,
            last: now,
            timer: Box::pin(tokio::time::sleep_until(now + idle)),
        }
    }

    /// After an operation that is pending: fail if the connection was idle
    /// too long, else make sure the timer wakes us when it will have been.
    fn check(&mut self, cx: &mut Context<'_>) -> Poll<io::Error> {
        loop {
            let deadline = self.last + self.idle;
            if self.timer.deadline() != deadline {
                self.timer.as_mut().reset(deadline);
            }
            match self.timer.as_mut().poll(cx) {
                Poll::Ready(()) if Instant::now() >= self.last + self.idle => {
                    return Poll::Ready(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "the connection was idle too long",
                    ))
                }
                Poll::Ready(()) => continue,
                Poll::Pending => return Poll::Pending,
            }
        }
    }
}

impl AsyncRead for Watched {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        match Pin::new(&mut this.stream).poll_read(cx, buf) {
            Poll::Ready(result) => {
                this.last = Instant::now();
                Poll::Ready(result)
            }
            Poll::Pending => this.check(cx).map(Err),
        }
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        match Pin::new(&mut this.stream).poll_write(cx, buf) {
            Poll::Ready(result) => {
                this.last = Instant::now();
                Poll::Ready(result)
            }
            Poll::Pending => this.check(cx).map(Err),
        }
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        match Pin::new(&mut this.stream).poll_write_vectored(cx, bufs) {
            Poll::Ready(result) => {
                this.last = Instant::now();
                Poll::Ready(result)
            }
            Poll::Pending => this.check(cx).map(Err),
        }
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}
