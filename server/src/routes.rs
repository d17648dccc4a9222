//! The axum router: pages (rendered by Leptos), server functions, sign-in, assets, health and
//! metrics.

use std::sync::Arc;

use axum::{
    body::Body,
    extract::{Request, State},
    http::{header, HeaderValue, StatusCode},
    middleware::from_fn_with_state,
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
    Router,
};
use leptos::prelude::provide_context;
use tower::ServiceBuilder;
use tower_http::{
    compression::CompressionLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    set_header::SetResponseHeaderLayer,
    trace::TraceLayer,
    CompressionLevel,
};

use crate::{assets, auth, state::AppState, telemetry};

/// The `Content-Security-Policy` of responses that are not rendered pages.
const FALLBACK_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
     frame-ancestors 'none'";

/// Builds the whole application router.
pub fn router(state: AppState) -> Router {
    // Leptos resources spawn their futures on the global executor (set once per process).
    let _ = any_spawner::Executor::init_tokio();
    let context = {
        let db = state.db.clone();
        let search = state.search.clone();
        let catalogue = state.catalogue.clone();
        let data_dir = state.data_dir.clone();
        move || {
            provide_context(db.clone());
            provide_context(search.clone());
            provide_context(catalogue.clone());
            provide_context(app::context::DataDir(data_dir.clone()));
        }
    };
    let render = {
        let options = state.leptos_options.clone();
        Arc::new(leptos_axum::render_app_async_with_context(
            context.clone(),
            move || app::shell(options.clone()),
        ))
    };
    let pages = move |req: Request| {
        let render = render.clone();
        async move {
            let path = req.uri().path().trim_start_matches('/').to_owned();
            if !path.is_empty() && !path.contains('/') && assets::exists(&path) {
                if let Some(file) = assets::serve(&path, req.headers()) {
                    return file;
                }
            }
            render(req).await
        }
    };
    // `/search?q=<SKU or barcode>` jumps straight to that variant's product page.
    let search = {
        let pages = pages.clone();
        move |State(state): State<AppState>, req: Request| {
            let pages = pages.clone();
            async move {
                let uri = req.uri().clone();
                if let Some(to) = code_redirect(&state, &uri).await {
                    return Redirect::to(&to).into_response();
                }
                pages(req).await
            }
        }
    };
    // A failed sign-in is answered with the form itself (no e-mail in a redirect URL).
    let sign_in = {
        let pages = pages.clone();
        move |State(state): State<AppState>, req: Request| {
            let pages = pages.clone();
            async move {
                match auth::sign_in(&state, req).await {
                    auth::SignInOutcome::Answer(response) => response,
                    auth::SignInOutcome::Failed(form, error) => {
                        let mut response = pages(*form).await;
                        if let Ok(status) = StatusCode::from_u16(error.status()) {
                            *response.status_mut() = status;
                        }
                        if let app::staff::signin::SignInError::TooManyAttempts {
                            retry_after_secs,
                        } = error
                        {
                            response
                                .headers_mut()
                                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
                        }
                        response
                    }
                }
            }
        }
    };
    let server_fns = move |mut req: Request| {
        let context = context.clone();
        // Server functions read with GET are data for the page's scripts: without this, one
        // asked for with `Accept: text/html` answers with a redirect to its `Referer` (the
        // server-function layer's behaviour for forms posted without JavaScript).
        if req.method() == http::Method::GET {
            req.headers_mut().remove(header::ACCEPT);
        }
        async move {
            let response = leptos_axum::handle_server_fns_with_context(context, req)
                .await
                .into_response();
            with_error_status(response).await
        }
    };
    Router::new()
        .route("/search", get(search.clone()))
        .route("/el/search", get(search.clone()))
        .route("/pl/search", get(search))
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/staff/signin", get(pages.clone()).post(sign_in))
        .route("/staff/signout", post(auth::sign_out))
        .route(app::i18n::SWITCH_PATH, get(auth::switch_locale))
        .route("/api/{*fn_name}", get(server_fns.clone()).post(server_fns))
        .route("/pkg/{*path}", get(assets::handler))
        .route("/images/{*path}", get(assets::image))
        .fallback(pages)
        .layer(from_fn_with_state(state.clone(), auth::request_context))
        // Request id (the client's if sane, else a new UUID), one span per request carrying
        // it, a log line and the metrics per response, the id back in the response header.
        .layer(
            ServiceBuilder::new()
                .map_request(telemetry::drop_odd_request_id)
                .layer(SetRequestIdLayer::new(
                    telemetry::X_REQUEST_ID,
                    MakeRequestUuid,
                ))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(telemetry::request_span)
                        .on_response(telemetry::on_response(state.metrics.clone())),
                )
                .layer(PropagateRequestIdLayer::new(telemetry::X_REQUEST_ID)),
        )
        // Pages and data compressed on the fly (quality 4: most of the gain at a fraction of
        // the CPU); the bundle's files come compressed already and images are left alone.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4)))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        // Pages set their own policy with a per-response nonce (`app::content_security_policy`);
        // everything else (files, redirects, errors, server functions) gets one without inline
        // script.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(FALLBACK_CSP),
        ))
        .with_state(state)
}

/// `GET /healthz`: 200 `ok` when the database answers, 503 otherwise.
async fn healthz(State(state): State<AppState>) -> Response {
    match commerce::db::ping(&state.db).await {
        Ok(()) => (StatusCode::OK, "ok\n").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable\n").into_response()
        }
    }
}

/// `GET /metrics`: Prometheus text format, for a scraper that sends the configured bearer
/// token (`--metrics-token`); without a configured token the endpoint is not served.
async fn metrics(State(state): State<AppState>, headers: http::HeaderMap) -> Response {
    let Some(token) = state.web.metrics_token.as_deref() else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    let sent = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !commerce::text::constant_eq(sent.as_bytes(), token.as_bytes()) {
        let mut response = (StatusCode::UNAUTHORIZED, "bearer token required\n").into_response();
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"metrics\""),
        );
        return response;
    }
    let mut response = Response::new(Body::from(state.metrics.render()));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    response
}

/// Where `/search?q=…` should go instead when `q` is exactly an active variant's SKU or
/// barcode: its product page (in the request's language) with that variant selected.
async fn code_redirect(state: &AppState, uri: &http::Uri) -> Option<String> {
    let query = uri.query()?;
    let q = commerce::text::form_pairs(query).find(|(k, _)| k == "q")?.1;
    let (locale, _) = app::i18n::split_locale_path(uri.path());
    let locale = locale.unwrap_or(app::i18n::Locale::En);
    commerce::search::find_code(&state.catalogue.snapshot(), locale.code(), &q)
        .map(|m| app::i18n::localized_path(locale, &m.path()))
}

/// Gives a failed server-function response the status of its [`app::error::AppError`].
///
/// Errors raised before the function body runs (a body or query that does not fit its
/// arguments) leave the server-function layer as 500s; their encoded `AppError` knows better
/// (a malformed request is a 422 with the reason).
async fn with_error_status(response: axum::response::Response) -> axum::response::Response {
    if response.status() != axum::http::StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return (
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            "server error",
        )
            .into_response();
    };
    if let Ok(err) = serde_json::from_slice::<app::error::AppError>(&bytes) {
        if let Ok(status) = axum::http::StatusCode::from_u16(err.status()) {
            parts.status = status;
        }
    }
    axum::response::Response::from_parts(parts, axum::body::Body::from(bytes))
}
