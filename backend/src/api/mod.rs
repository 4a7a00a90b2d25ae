//! The HTTP API of the brief's interface contract: JSON in and out, errors as
//! `{"error": {"code", "message"}}`, every handler taking an authenticated
//! [`crate::access::Actor`] and calling one storage function.

pub mod agencies;
pub mod audit;
pub mod auth;
pub mod cases;
pub mod court;
pub mod error;
pub mod extract;
pub mod health;
pub mod metrics;
pub mod openapi;
pub mod persons;
pub mod referrals;
pub mod state;
pub mod users;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::Request;
use axum::routing::get;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use state::AppState;

/// The largest request body accepted.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// The application's routes and their OpenAPI document, registered together.
pub fn routes() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let router = OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .routes(routes!(auth::login::login))
        .routes(routes!(auth::me::me))
        .routes(routes!(cases::create::create, cases::list::list))
        .routes(routes!(cases::get::get, cases::patch::patch))
        .routes(routes!(cases::parties::add))
        .routes(routes!(cases::shares::create, cases::shares::list))
        .routes(routes!(cases::shares::revoke))
        .routes(routes!(cases::history::history))
        .routes(routes!(cases::transfer::transfer))
        .routes(routes!(court::create::create, court::list::list))
        .routes(routes!(persons::create::create, persons::list::list))
        .routes(routes!(persons::get::get, persons::patch::patch))
        .routes(routes!(
            persons::assistance::create,
            persons::assistance::list
        ))
        .routes(routes!(referrals::create::create, referrals::list::list))
        .routes(routes!(referrals::get::get))
        .routes(routes!(referrals::accept::accept))
        .routes(routes!(referrals::decline::decline))
        .routes(routes!(referrals::withdraw::withdraw))
        .routes(routes!(referrals::close::close))
        .routes(routes!(referrals::revoke::revoke))
        .routes(routes!(referrals::open_case::open_case))
        .routes(routes!(agencies::list::list, agencies::create::create))
        .routes(routes!(agencies::patch::patch))
        .routes(routes!(users::list::list, users::create::create))
        .routes(routes!(users::patch::patch))
        .routes(routes!(audit::list::list))
        .routes(routes!(audit::verify::verify))
        .routes(routes!(health::healthz))
        .routes(routes!(metrics::metrics));
    let (router, mut api) = router.split_for_parts();
    openapi::complete(&mut api);
    (router, api)
}

/// The complete application: routes, the OpenAPI document at `/api/v1/openapi.json`, JSON
/// answers for unknown routes and methods, body limit, timeouts, tracing and metrics.
pub fn router(state: AppState) -> Router {
    metrics::init();
    let (router, api) = routes();
    let api = Arc::new(api);
    router
        .route(
            "/api/v1/openapi.json",
            get(move || {
                let api = Arc::clone(&api);
                async move { axum::Json(api.as_ref().clone()) }
            }),
        )
        .fallback(error::no_route)
        .method_not_allowed_fallback(error::method_not_allowed)
        .layer(axum::middleware::from_fn(metrics::track))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(60),
        ))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
                // The route template only: a concrete path or query string may hold a name.
                let route = request
                    .extensions()
                    .get::<axum::extract::MatchedPath>()
                    .map(|p| p.as_str().to_owned())
                    .unwrap_or_default();
                tracing::info_span!("request", method = %request.method(), route = %route)
            }),
        )
        .with_state(state)
}
