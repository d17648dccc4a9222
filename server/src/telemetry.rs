//! Logs (tracing, one span per request with its id) and Prometheus metrics.

use std::{
    sync::atomic::{AtomicU64, Ordering},
    time::Instant,
};

use axum::{
    body::Body,
    extract::{Request, State},
    http::HeaderValue,
    middleware::Next,
    response::Response,
};

use crate::state::AppState;

/// Installs the global tracing subscriber (`RUST_LOG`, default `info`).
pub fn init() {
    use tracing_subscriber::{fmt, EnvFilter};
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn,tantivy=warn"));
    let _ = fmt().with_env_filter(filter).with_target(false).try_init();
}

/// Upper bounds (seconds) of the request-latency histogram buckets.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// Request counters and a latency histogram, rendered as Prometheus text.
#[derive(Default)]
pub struct Metrics {
    by_class: [AtomicU64; 5],
    buckets: [AtomicU64; BUCKETS.len()],
    count: AtomicU64,
    sum_micros: AtomicU64,
}

impl Metrics {
    /// Records one finished request.
    pub fn observe(&self, status: u16, seconds: f64) {
        let class = (status / 100).clamp(1, 5) as usize - 1;
        self.by_class[class].fetch_add(1, Ordering::Relaxed);
        for (i, le) in BUCKETS.iter().enumerate() {
            if seconds <= *le {
                self.buckets[i].fetch_add(1, Ordering::Relaxed);
            }
        }
        self.count.fetch_add(1, Ordering::Relaxed);
        self.sum_micros
            .fetch_add((seconds * 1e6) as u64, Ordering::Relaxed);
    }

    /// The Prometheus text exposition of every metric.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str("# HELP stoa_http_requests_total HTTP requests served, by status class.\n");
        out.push_str("# TYPE stoa_http_requests_total counter\n");
        for (i, c) in self.by_class.iter().enumerate() {
            out.push_str(&format!(
                "stoa_http_requests_total{{status=\"{}xx\"}} {}\n",
                i + 1,
                c.load(Ordering::Relaxed)
            ));
        }
        out.push_str("# HELP stoa_http_request_duration_seconds HTTP request latency.\n");
        out.push_str("# TYPE stoa_http_request_duration_seconds histogram\n");
        for (i, le) in BUCKETS.iter().enumerate() {
            out.push_str(&format!(
                "stoa_http_request_duration_seconds_bucket{{le=\"{le}\"}} {}\n",
                self.buckets[i].load(Ordering::Relaxed)
            ));
        }
        let count = self.count.load(Ordering::Relaxed);
        out.push_str(&format!(
            "stoa_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {count}\n"
        ));
        out.push_str(&format!(
            "stoa_http_request_duration_seconds_sum {}\n",
            self.sum_micros.load(Ordering::Relaxed) as f64 / 1e6
        ));
        out.push_str(&format!(
            "stoa_http_request_duration_seconds_count {count}\n"
        ));
        out
    }
}

static NEXT_REQUEST_ID: AtomicU64 = AtomicU64::new(1);

/// Gives every request an id (kept from `X-Request-Id` when the client sent a sane one), opens a
/// tracing span with it, returns it in the response header and records the metrics.
pub async fn request_span(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response<Body> {
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 64 && v.bytes().all(|b| b.is_ascii_graphic()))
        .map(str::to_owned)
        .unwrap_or_else(|| {
            format!(
                "{:x}-{:x}",
                state.started_unix,
                NEXT_REQUEST_ID.fetch_add(1, Ordering::Relaxed)
            )
        });
    if let Ok(v) = HeaderValue::from_str(&id) {
        req.headers_mut().insert("x-request-id", v);
    }
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let span = tracing::info_span!("request", id = %id, %method, %path);
    let start = Instant::now();
    let mut response = tracing::Instrument::instrument(next.run(req), span.clone()).await;
    let elapsed = start.elapsed().as_secs_f64();
    let status = response.status().as_u16();
    state.metrics.observe(status, elapsed);
    span.in_scope(|| {
        if status >= 500 {
            tracing::error!(status, ms = elapsed * 1e3, "request failed");
        } else {
            tracing::info!(status, ms = elapsed * 1e3, "request");
        }
    });
    if let Ok(v) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", v);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::Metrics;

    #[test]
    fn histogram_is_cumulative_and_counts_classes() {
        let m = Metrics::default();
        m.observe(200, 0.003);
        m.observe(404, 0.2);
        m.observe(500, 20.0);
        let text = m.render();
        assert!(text.contains("stoa_http_requests_total{status=\"2xx\"} 1"));
        assert!(text.contains("stoa_http_requests_total{status=\"4xx\"} 1"));
        assert!(text.contains("stoa_http_requests_total{status=\"5xx\"} 1"));
        assert!(text.contains("stoa_http_request_duration_seconds_bucket{le=\"0.005\"} 1"));
        assert!(text.contains("stoa_http_request_duration_seconds_bucket{le=\"0.25\"} 2"));
        assert!(text.contains("stoa_http_request_duration_seconds_bucket{le=\"+Inf\"} 3"));
        assert!(text.contains("stoa_http_request_duration_seconds_count 3"));
    }
}
