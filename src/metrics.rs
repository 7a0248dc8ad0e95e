//! What an instance has done since it started, for Prometheus (`/metrics`):
//! requests by route and status with their latency, bookings and holds by
//! outcome, tickets, background jobs; and, read when scraped, the outbox and
//! the database pool. Labels are routes as the router names them
//! (`/b/{token}`), never a path as sent, so no token reaches a metric.

use std::sync::LazyLock;

use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGaugeVec, Opts, Registry, TextEncoder,
};

pub struct Metrics {
    registry: Registry,
    pub http_requests: IntCounterVec,
    pub http_seconds: HistogramVec,
    pub bookings: IntCounterVec,
    pub holds: IntCounterVec,
    pub tickets: IntCounterVec,
    pub job_runs: IntCounterVec,
    pub job_errors: IntCounterVec,
    gauges: IntGaugeVec,
}

fn counter(registry: &Registry, name: &str, help: &str, labels: &[&str]) -> IntCounterVec {
    let c = IntCounterVec::new(Opts::new(name, help), labels).expect("a valid metric");
    registry
        .register(Box::new(c.clone()))
        .expect("registered once");
    c
}

/// The metrics of this process.
pub static METRICS: LazyLock<Metrics> = LazyLock::new(|| {
    let registry = Registry::new();
    let http_seconds = HistogramVec::new(
        HistogramOpts::new(
            "termin_http_request_duration_seconds",
            "Time to answer a request.",
        )
        .buckets(vec![
            0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
        ]),
        &["route", "method"],
    )
    .expect("a valid metric");
    registry
        .register(Box::new(http_seconds.clone()))
        .expect("registered once");
    let gauges = IntGaugeVec::new(
        Opts::new(
            "termin_state",
            "The state of things when scraped: outbox and database pool.",
        ),
        &["what"],
    )
    .expect("a valid metric");
    registry
        .register(Box::new(gauges.clone()))
        .expect("registered once");
    Metrics {
        http_requests: counter(
            &registry,
            "termin_http_requests_total",
            "Requests answered.",
            &["route", "method", "status"],
        ),
        http_seconds,
        bookings: counter(
            &registry,
            "termin_bookings_total",
            "Booking attempts by outcome.",
            &["outcome"],
        ),
        holds: counter(
            &registry,
            "termin_holds_total",
            "Holds taken or refused, by outcome.",
            &["outcome"],
        ),
        tickets: counter(
            &registry,
            "termin_tickets_total",
            "Ticket events: issued, called, and actions.",
            &["event"],
        ),
        job_runs: counter(
            &registry,
            "termin_job_runs_total",
            "Background job runs.",
            &["job"],
        ),
        job_errors: counter(
            &registry,
            "termin_job_errors_total",
            "Background job runs that failed.",
            &["job"],
        ),
        gauges,
        registry,
    }
});

/// A background job ran; `ok` whether it went well.
pub fn job(name: &str, ok: bool) {
    METRICS.job_runs.with_label_values(&[name]).inc();
    if !ok {
        METRICS.job_errors.with_label_values(&[name]).inc();
    }
}

/// Everything in the Prometheus text format, with the state of the outbox and pool now.
pub async fn render(app: &crate::app::App) -> String {
    let now = app.clock.now().timestamp();
    let set = |what: &str, v: i64| METRICS.gauges.with_label_values(&[what]).set(v);
    match app.store.outbox_state(now).await {
        Ok(o) => {
            set("outbox_pending", o.pending);
            set("outbox_failed", o.failed);
            set("outbox_oldest_pending_seconds", o.oldest_seconds);
        }
        Err(e) => tracing::warn!(error = %e, "reading the outbox for metrics"),
    }
    let (size, idle) = app.store.pool_state();
    set("db_pool_connections", size);
    set("db_pool_in_use", size - idle);
    let mut out = Vec::new();
    TextEncoder::new()
        .encode(&METRICS.registry.gather(), &mut out)
        .expect("metrics encode as text");
    String::from_utf8(out).expect("the text format is UTF-8")
}
