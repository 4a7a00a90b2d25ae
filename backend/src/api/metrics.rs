//! `GET /metrics` in Prometheus text format, and the middleware that counts requests by
//! route template (never by concrete path or query, which could hold names).

use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new().build_recorder();
        let handle = recorder.handle();
        // Only the first application in a process installs the recorder (tests start many).
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

/// Installs the recorder if no application did yet.
pub fn init() {
    let _ = handle();
}

/// The current metrics.
#[utoipa::path(get, operation_id = "metrics", path = "/metrics", tag = "operations", responses((status = 200, description = "Prometheus text format", body = String)))]
pub async fn metrics() -> String {
    handle().render()
}

/// Counts each request and its latency under its route template.
pub async fn track(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    let method = request.method().as_str().to_owned();
    let start = Instant::now();
    let response = next.run(request).await;
    let labels = [
        ("method", method),
        ("route", route),
        ("status", response.status().as_u16().to_string()),
    ];
    metrics::counter!("korgon_http_requests_total", &labels).increment(1);
    metrics::histogram!("korgon_http_request_duration_seconds", &labels)
        .record(start.elapsed().as_secs_f64());
    response
}
