//! Logs (tracing, one span per request with its id) and Prometheus metrics.
//!
//! The router's tower-http layers give every request an `X-Request-Id` (kept from the client
//! when it is a short printable token, else a new UUID; [`drop_odd_request_id`]), open a
//! [`request_span`] around it, log and measure each response ([`on_response`]) and return the
//! id in the response header.

use std::{
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
    time::Duration,
};

use axum::{
    body::Body,
    extract::Request,
    http::{HeaderName, Response},
};
use tower_http::{
    request_id::RequestId,
    trace::{DefaultOnResponse, OnResponse},
    LatencyUnit,
};
use tracing::{Level, Span};

/// The request-id header.
pub const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

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

/// Drops an `X-Request-Id` the client sent unless it is 1–64 printable ASCII characters, so
/// that a new id is made for the request instead.
pub fn drop_odd_request_id(mut req: Request) -> Request {
    let sane = req.headers().get(&X_REQUEST_ID).is_none_or(|v| {
        !v.is_empty() && v.len() <= 64 && v.as_bytes().iter().all(u8::is_ascii_graphic)
    });
    if !sane {
        req.headers_mut().remove(&X_REQUEST_ID);
    }
    req
}

/// The span of one request: its id, method and path.
pub fn request_span(req: &Request) -> Span {
    let id = req
        .extensions()
        .get::<RequestId>()
        .and_then(|id| id.header_value().to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", id = %id, method = %req.method(), path = %req.uri().path())
}

/// Records each response in `metrics` and logs it (status and milliseconds) at `info`.
/// Server errors are logged again at `error` by the trace layer's failure hook.
pub fn on_response(metrics: Arc<Metrics>) -> impl OnResponse<Body> + Clone {
    move |response: &Response<Body>, latency: Duration, span: &Span| {
        metrics.observe(response.status().as_u16(), latency.as_secs_f64());
        DefaultOnResponse::new()
            .level(Level::INFO)
            .latency_unit(LatencyUnit::Millis)
            .on_response(response, latency, span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn only_short_printable_client_request_ids_are_kept() {
        let with = |id: &str| {
            let req = Request::builder()
                .header(&X_REQUEST_ID, id)
                .body(Body::empty())
                .unwrap();
            drop_odd_request_id(req)
                .headers()
                .contains_key(&X_REQUEST_ID)
        };
        assert!(with("abc-123"));
        assert!(!with(""));
        assert!(!with("a b"));
        assert!(!with(&"x".repeat(65)));
    }
}
