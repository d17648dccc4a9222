//! Sessions, CSRF protection and the staff sign-in / sign-out form handlers.
//!
//! * Sessions live in the database (`sessions` table) so they survive restarts and work across
//!   several instances. The cookie `stoa_sid` holds a random token; the table stores only its
//!   SHA-256. Cookies are `HttpOnly; SameSite=Lax; Path=/`, plus `Secure` when the request came
//!   over https (directly or via `X-Forwarded-Proto`) or `STOA_SECURE_COOKIES` is set.
//! * CSRF: a double-submit token. Every visitor gets a random `stoa_csrf` cookie; every form
//!   carries it in a hidden `csrf` field (or the `X-CSRF-Token` header). A state-changing request
//!   must present the matching token, and if it carries an `Origin` header that origin must be
//!   this host. Webhooks (signed separately) are exempt.

use app::{
    context::{RequestCtx, StaffSession},
    i18n::{self, Locale},
};
use axum::{
    body::{to_bytes, Body},
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
    Form,
};
use serde::Deserialize;

use crate::state::AppState;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "stoa_sid";
/// Name of the CSRF cookie.
pub const CSRF_COOKIE: &str = "stoa_csrf";
/// Largest form body the CSRF check will buffer (bigger posts must use the header).
const MAX_FORM_BYTES: usize = 1024 * 1024;

/// Reads one cookie from the request headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn is_https(state: &AppState, headers: &HeaderMap) -> bool {
    state.secure_cookies
        || headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

fn set_cookie(
    state: &AppState,
    headers: &HeaderMap,
    name: &str,
    value: &str,
    max_age: i64,
) -> HeaderValue {
    let secure = if is_https(state, headers) {
        "; Secure"
    } else {
        ""
    };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    ))
    .expect("cookie values are URL-safe base64")
}

/// Works out who is asking and in which language, and enforces CSRF on state-changing requests.
///
/// Puts a [`RequestCtx`] into the request extensions for the pages and server functions, issues
/// the CSRF cookie to new visitors and redirects signed-out visitors of staff pages to sign-in.
pub async fn request_context(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let path = parts.uri.path().to_owned();

    // --- CSRF ----------------------------------------------------------------------------
    let existing_csrf = cookie(&parts.headers, CSRF_COOKIE)
        .filter(|t| t.len() >= 32)
        .map(str::to_owned);
    let unsafe_method = !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
    let mut body = body;
    if unsafe_method && !path.starts_with("/webhooks/") {
        if let Err(reason) = check_origin(&parts.headers) {
            return forbidden(reason);
        }
        let header_token = parts
            .headers
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let (token, rebuilt) = match header_token {
            Some(t) => (Some(t), body),
            None => {
                let bytes = match to_bytes(body, MAX_FORM_BYTES).await {
                    Ok(b) => b,
                    Err(_) => {
                        return (StatusCode::PAYLOAD_TOO_LARGE, "request body too large")
                            .into_response()
                    }
                };
                let token = form_field(&bytes, "csrf");
                (token, Body::from(bytes))
            }
        };
        body = rebuilt;
        match (&existing_csrf, token) {
            (Some(cookie), Some(sent)) if constant_eq(cookie.as_bytes(), sent.as_bytes()) => {}
            _ => {
                return forbidden(
                    "The form expired or came from another site (CSRF check failed). Reload the page and try again.",
                )
            }
        }
    }
    let csrf = existing_csrf
        .clone()
        .unwrap_or_else(commerce::sessions::new_token);

    // --- session -------------------------------------------------------------------------
    let staff = match cookie(&parts.headers, SESSION_COOKIE) {
        Some(token) => match commerce::sessions::load(&state.db, token).await {
            Ok(Some(s)) => s.staff.map(|s| StaffSession {
                id: s.id,
                name: s.name,
                email: s.email,
                role: s.role,
                stores: s.stores,
            }),
            Ok(None) => None,
            Err(e) => {
                tracing::error!(error = %e, "loading session failed");
                None
            }
        },
        None => None,
    };

    // --- locale --------------------------------------------------------------------------
    let (prefix, _) = i18n::split_locale_path(&path);
    let locale = prefix.unwrap_or_else(|| {
        parts
            .headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(i18n::negotiate)
            .unwrap_or(Locale::En)
    });

    // --- staff area requires a signed-in staff member --------------------------------------
    let is_staff_page = path == "/staff" || path.starts_with("/staff/");
    if is_staff_page && path != "/staff/signin" && staff.is_none() && parts.method == Method::GET {
        let target = format!(
            "/staff/signin?next={}",
            urlencode(&path_and_query(&parts.uri))
        );
        return Redirect::to(&target).into_response();
    }

    parts.extensions.insert(RequestCtx {
        locale,
        csrf: csrf.clone(),
        staff,
        path: path.clone(),
    });
    let req_headers = parts.headers.clone();
    let mut response = next.run(Request::from_parts(parts, body)).await;
    if existing_csrf.is_none() {
        let v = set_cookie(&state, &req_headers, CSRF_COOKIE, &csrf, 60 * 60 * 24 * 365);
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    if is_staff_page {
        // Staff pages show personal data: never cache them anywhere.
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

fn path_and_query(uri: &axum::http::Uri) -> String {
    uri.path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".into())
}

fn forbidden(reason: &str) -> Response {
    (StatusCode::FORBIDDEN, reason.to_owned()).into_response()
}

/// A request with an `Origin` header must come from this host.
fn check_origin(headers: &HeaderMap) -> Result<(), &'static str> {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return Ok(());
    };
    let host = headers
        .get("x-forwarded-host")
        .or_else(|| headers.get(header::HOST))
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or("");
    if !host.is_empty() && origin_host.eq_ignore_ascii_case(host) {
        Ok(())
    } else {
        Err("Cross-site request refused (Origin does not match this site).")
    }
}

fn constant_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Extracts one field of an `application/x-www-form-urlencoded` body.
fn form_field(body: &[u8], name: &str) -> Option<String> {
    let text = String::from_utf8_lossy(body);
    let value = commerce::text::form_pairs(&text)
        .find(|(k, _)| k == name)
        .map(|(_, v)| v);
    value
}

/// Percent-encodes a string for use in a query parameter (keeps `/` readable).
pub fn urlencode(s: &str) -> String {
    commerce::text::percent_encode(s, b"/")
}

/// The staff sign-in form.
#[derive(Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
    #[serde(default)]
    next: String,
}

/// Only local staff paths are followed after sign-in (no open redirects).
fn safe_next(next: &str) -> &str {
    if (next == "/staff" || next.starts_with("/staff/"))
        && !next.starts_with("/staff/signin")
        && !next.contains("//")
    {
        next
    } else {
        "/staff"
    }
}

/// `POST /staff/signin`: checks the password (argon2id) and starts a session, or sends the
/// visitor back to the form with a message.
pub async fn sign_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<SignInForm>,
) -> Response {
    let next = safe_next(&form.next).to_owned();
    let back = |error: &str| {
        let target = format!(
            "/staff/signin?error={error}&email={}&next={}",
            urlencode(form.email.trim()),
            urlencode(&next)
        );
        Redirect::to(&target).into_response()
    };
    if form.email.trim().is_empty() {
        return back("email_required");
    }
    if form.password.is_empty() {
        return back("password_required");
    }
    match commerce::staff::authenticate(&state.db, &form.email, &form.password).await {
        Ok(user) => match commerce::sessions::create_for_staff(&state.db, user.id).await {
            Ok(token) => {
                tracing::info!(staff_id = user.id, "staff signed in");
                let mut response = Redirect::to(&next).into_response();
                let v = set_cookie(
                    &state,
                    &headers,
                    SESSION_COOKIE,
                    &token,
                    commerce::sessions::TTL_SECONDS,
                );
                response.headers_mut().append(header::SET_COOKIE, v);
                response
            }
            Err(e) => {
                tracing::error!(error = %e, "creating session failed");
                back("server")
            }
        },
        Err(commerce::CommerceError::InvalidCredentials) => {
            tracing::info!("staff sign-in refused: wrong credentials");
            back("credentials")
        }
        Err(e) => {
            tracing::error!(error = %e, "sign-in failed");
            back("server")
        }
    }
}

/// `POST /staff/signout`: ends the session and clears the cookie.
pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        if let Err(e) = commerce::sessions::destroy(&state.db, token).await {
            tracing::error!(error = %e, "deleting session failed");
        }
    }
    let mut response = Redirect::to("/staff/signin?signed_out=1").into_response();
    let v = set_cookie(&state, &headers, SESSION_COOKIE, "", 0);
    response.headers_mut().append(header::SET_COOKIE, v);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_form_fields() {
        assert_eq!(
            form_field(b"a=1&csrf=abc%2Bd+e&b=2", "csrf").as_deref(),
            Some("abc+d e")
        );
        assert_eq!(form_field(b"a=1", "csrf"), None);
        assert_eq!(form_field(b"csrf=%zz", "csrf"), None);
        assert_eq!(form_field(b"csrf=%4", "csrf"), None);
    }

    #[test]
    fn next_must_be_a_staff_path() {
        assert_eq!(safe_next("/staff/settings"), "/staff/settings");
        assert_eq!(safe_next("https://evil.example/"), "/staff");
        assert_eq!(safe_next("//evil.example/staff"), "/staff");
        assert_eq!(safe_next("/staff//evil"), "/staff");
        assert_eq!(safe_next("/staff/signin"), "/staff");
    }

    #[test]
    fn origin_must_match_host() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:3000"));
        assert!(check_origin(&h).is_ok());
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:3000"),
        );
        assert!(check_origin(&h).is_ok());
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(check_origin(&h).is_err());
    }
}
