//! Sessions, CSRF protection, the request's language and the staff sign-in / sign-out form
//! handlers.
//!
//! * Sessions live in the database (`sessions` table) so they survive restarts and work across
//!   several instances. The cookie `stoa_sid` holds a random token; the table stores only its
//!   SHA-256. Cookies are `HttpOnly; SameSite=Lax; Path=/`, plus `Secure` when the request came
//!   over https (directly or via `X-Forwarded-Proto`) or `STOA_SECURE_COOKIES` is set.
//! * CSRF: a double-submit token. Every visitor gets a random `stoa_csrf` cookie; every form
//!   carries it in a hidden `csrf` field (or the `X-CSRF-Token` header). A state-changing request
//!   must present the matching token, and if it carries an `Origin` header that origin must be
//!   this host. Webhooks (signed separately) are exempt.
//! * Language: the URL's prefix (`/el`, `/pl`); without one (staff pages), the `stoa_locale`
//!   cookie that the language switcher's `GET /locale` sets, then `Accept-Language`.

use std::net::{IpAddr, SocketAddr};

use app::{
    context::{Flash, RequestCtx, SessionToken, StaffSession},
    i18n::{self, Locale},
    staff::signin::{SignInError, SignInFailure},
};
use axum::{
    body::{to_bytes, Body},
    extract::{ConnectInfo, Query, Request, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use commerce::CommerceError;
use cookie::{time::Duration, Cookie, SameSite};
use percent_encoding::{utf8_percent_encode, AsciiSet};

use crate::state::AppState;

/// Name of the session cookie (`__Host-stoa_sid` over https).
pub const SESSION_COOKIE: &str = "stoa_sid";
/// Name of the CSRF cookie of visitors without a session (`__Host-stoa_csrf` over https).
pub const CSRF_COOKIE: &str = "stoa_csrf";
/// Largest form body the CSRF check will buffer (bigger posts must use the header).
const MAX_FORM_BYTES: usize = 1024 * 1024;

/// Reads one cookie from the request's `Cookie` headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

fn is_https(state: &AppState, headers: &HeaderMap) -> bool {
    state.web.secure_cookies
        || headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

/// The name a cookie has on this request: `__Host-` prefixed over https, so that no other
/// host (a sibling subdomain) and no plain-http page can set it.
fn cookie_name(state: &AppState, headers: &HeaderMap, name: &str) -> String {
    if is_https(state, headers) {
        format!("__Host-{name}")
    } else {
        name.to_owned()
    }
}

/// Reads one of this site's cookies under the name it has on this request.
fn site_cookie(state: &AppState, headers: &HeaderMap, name: &str) -> Option<String> {
    cookie(headers, &cookie_name(state, headers, name))
}

/// The `Set-Cookie` value of one of this site's cookies: `HttpOnly; SameSite=Lax; Path=/` and
/// the given `Max-Age`, plus `Secure` (and the `__Host-` name) over https.
fn set_cookie(
    state: &AppState,
    headers: &HeaderMap,
    name: &str,
    value: &str,
    max_age: i64,
) -> HeaderValue {
    let cookie = Cookie::build((cookie_name(state, headers, name), value.to_owned()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(Duration::seconds(max_age))
        .secure(is_https(state, headers))
        .build();
    HeaderValue::from_str(&cookie.to_string()).expect("cookie values are URL-safe base64")
}

/// Works out who is asking and in which language, and enforces CSRF on state-changing requests.
///
/// Puts a [`RequestCtx`] into the request extensions for the pages and server functions, issues
/// the CSRF cookie to new visitors and redirects signed-out visitors of staff pages to sign-in.
///
/// The CSRF token a form must carry is the session's own (`sessions.csrf_token`) when the
/// visitor has a session, else the visitor's `stoa_csrf` cookie (double submit); pages carry
/// it masked afresh in every response ([`commerce::sessions::mask_csrf`]). Signing in starts a
/// session with a new token; signing out ends it and issues a new cookie.
pub async fn request_context(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let path = parts.uri.path().to_owned();

    // --- session -------------------------------------------------------------------------
    let token = site_cookie(&state, &parts.headers, SESSION_COOKIE);
    let session = match &token {
        Some(token) => match commerce::sessions::load(&state.db, token).await {
            Ok(s) => s,
            Err(e) => {
                tracing::error!(error = %e, "loading session failed");
                None
            }
        },
        None => None,
    };
    // A failed form post sent back here (`?flash=<id>`): its error and input, shown once.
    let flash = match (&session, &token, flash_id(&parts.uri)) {
        (Some(_), Some(token), Some(id)) if parts.method == Method::GET => {
            match commerce::sessions::take_flash(&state.db, token, &id).await {
                Ok(value) => value
                    .and_then(|v| serde_json::from_value::<Flash>(v).ok())
                    .map(|f| Flash { id, ..f }),
                Err(e) => {
                    tracing::error!(error = %e, "reading a kept form failed");
                    None
                }
            }
        }
        _ => None,
    };
    if let (Some(_), Some(token)) = (&session, &token) {
        parts.extensions.insert(SessionToken(token.clone()));
    }

    // --- CSRF ----------------------------------------------------------------------------
    let cookie_csrf =
        site_cookie(&state, &parts.headers, CSRF_COOKIE).filter(|t| t.len() >= 32 && t.len() <= 64);
    let expected_csrf = match &session {
        Some(s) => Some(s.csrf_token.clone()),
        None => cookie_csrf.clone(),
    };
    let unsafe_method = !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
    let mut body = body;
    if unsafe_method && !path.starts_with("/webhooks/") {
        if let Err(reason) = check_origin(&parts.headers, state.web.public_origin.as_deref()) {
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
        match (&expected_csrf, token) {
            (Some(expected), Some(sent)) if commerce::sessions::csrf_matches(expected, &sent) => {}
            _ => {
                return forbidden(
                    "The form expired or came from another site (CSRF check failed). Reload the page and try again.",
                )
            }
        }
    }
    let new_cookie_csrf = cookie_csrf.is_none().then(commerce::sessions::new_token);
    let csrf = expected_csrf
        .or_else(|| new_cookie_csrf.clone())
        .unwrap_or_default();
    let staff = session.and_then(|s| s.staff).map(|s| StaffSession {
        id: s.id,
        name: s.name,
        email: s.email,
        role: s.role,
        stores: s.stores,
    });

    // --- locale --------------------------------------------------------------------------
    let (prefix, bare) = i18n::split_locale_path(&path);
    // The URL's prefix; without one (staff pages), the switcher's cookie, then Accept-Language.
    let locale = prefix.unwrap_or_else(|| {
        i18n::preferred_locale(
            site_cookie(&state, &parts.headers, i18n::LOCALE_COOKIE).as_deref(),
            parts
                .headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        )
    });

    // --- staff area requires a signed-in staff member --------------------------------------
    // Staff pages have one address in every language: `/el/staff/…` is sent to `/staff/…`.
    let is_staff_page = bare == "/staff" || bare.starts_with("/staff/");
    if is_staff_page && bare != path && parts.method == Method::GET {
        let query = parts
            .uri
            .query()
            .map(|q| format!("?{q}"))
            .unwrap_or_default();
        return Redirect::permanent(&format!("{bare}{query}")).into_response();
    }
    let private = is_staff_page || path.starts_with("/api/staff/");
    if is_staff_page && path != "/staff/signin" && staff.is_none() && parts.method == Method::GET {
        let target = format!(
            "/staff/signin?next={}",
            utf8_percent_encode(&path_and_query(&parts.uri), PATH_VALUE)
        );
        return Redirect::to(&target).into_response();
    }

    parts.extensions.insert(RequestCtx {
        locale,
        csrf: commerce::sessions::mask_csrf(&csrf),
        staff,
        path: path.clone(),
        flash,
    });
    let req_headers = parts.headers.clone();
    let mut response = next.run(Request::from_parts(parts, body)).await;
    if let Some(token) = new_cookie_csrf {
        let v = set_cookie(
            &state,
            &req_headers,
            CSRF_COOKIE,
            &token,
            60 * 60 * 24 * 365,
        );
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    if private {
        // Staff pages and their data show personal data: never cache them anywhere.
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html {
        // Every page carries this visitor's CSRF token and speaks the language of their cookie
        // or browser: a shared cache must never hand it to someone else, and the browser
        // revalidates it.
        let h = response.headers_mut();
        if !h.contains_key(header::CACHE_CONTROL) {
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-cache"),
            );
        }
        h.append(
            header::VARY,
            HeaderValue::from_static("cookie, accept-language"),
        );
    }
    if is_https(&state, &req_headers) {
        // Served over https: browsers keep to https for this host from now on.
        response.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    response
}

/// The `flash` query parameter (a kept failed form), if well-formed.
fn flash_id(uri: &axum::http::Uri) -> Option<String> {
    let id = commerce::text::form_pairs(uri.query()?)
        .find(|(k, _)| k == "flash")?
        .1;
    (id.len() <= 16
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    .then_some(id)
}

fn path_and_query(uri: &axum::http::Uri) -> String {
    uri.path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".into())
}

fn forbidden(reason: &str) -> Response {
    (StatusCode::FORBIDDEN, reason.to_owned()).into_response()
}

/// A request with an `Origin` header must come from this host (as the request names it) or
/// from the configured public origin (`--public-url`, for proxies that rewrite `Host`).
fn check_origin(headers: &HeaderMap, public_origin: Option<&str>) -> Result<(), &'static str> {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return Ok(());
    };
    if public_origin.is_some_and(|p| p.eq_ignore_ascii_case(origin.trim_end_matches('/'))) {
        return Ok(());
    }
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

/// Extracts one field of an `application/x-www-form-urlencoded` body.
fn form_field(body: &[u8], name: &str) -> Option<String> {
    let text = String::from_utf8_lossy(body);
    let value = commerce::text::form_pairs(&text)
        .find(|(k, _)| k == name)
        .map(|(_, v)| v);
    value
}

/// A path as a query-string value (`?next=/staff/x`): keeps its `/` readable.
const PATH_VALUE: &AsciiSet = &commerce::text::QUERY_VALUE.remove(b'/');

/// A path for a `Location` header: controls, spaces and non-ASCII escaped (no header
/// injection, no panic on a value that is not a header value).
const LOCATION_PATH: &AsciiSet = &percent_encoding::CONTROLS.add(b' ');

/// How long the language choice is remembered (a year).
const LOCALE_COOKIE_SECONDS: i64 = 60 * 60 * 24 * 365;

/// The query of [`switch_locale`].
#[derive(serde::Deserialize)]
pub struct LocaleSwitch {
    /// The language picked (a [`Locale::code`]).
    to: String,
    /// Where the switcher was (path and query, any locale prefix is replaced).
    back: Option<String>,
}

/// `GET /locale?to=el&back=/p/x` ([`i18n::SWITCH_PATH`]), the language switcher: remembers
/// the language in the [`i18n::LOCALE_COOKIE`] (which pages without a locale prefix, the staff
/// pages among them, read before `Accept-Language`) and redirects to `back` in that language.
/// `back` is always taken as a path on this site (`//evil.example` becomes `/evil.example`).
pub async fn switch_locale(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<LocaleSwitch>,
) -> Response {
    let Some(locale) = Locale::from_code(&q.to) else {
        return (StatusCode::BAD_REQUEST, "unknown language").into_response();
    };
    let back = i18n::same_site_path(q.back.as_deref().unwrap_or("/"));
    let target = i18n::localized_path(locale, &back);
    let mut response =
        Redirect::to(&utf8_percent_encode(&target, LOCATION_PATH).to_string()).into_response();
    let cookie = set_cookie(
        &state,
        &headers,
        i18n::LOCALE_COOKIE,
        locale.code(),
        LOCALE_COOKIE_SECONDS,
    );
    response.headers_mut().append(header::SET_COOKIE, cookie);
    response
}

/// Largest sign-in form body read (an e-mail, a password of at most 128 characters, `next`).
const MAX_SIGN_IN_BYTES: usize = 16 * 1024;

/// Only local staff paths are followed after sign-in (no open redirects), and only printable
/// ASCII (a `Location` header cannot carry CR/LF or other control characters).
fn safe_next(next: &str) -> &str {
    if (next == "/staff" || next.starts_with("/staff/"))
        && !next.starts_with("/staff/signin")
        && !next.contains("//")
        && !next.contains('\\')
        && next.bytes().all(|b| b.is_ascii_graphic())
    {
        next
    } else {
        "/staff"
    }
}

/// The address a request came from: the peer, or — when the peer is a reverse proxy on this
/// machine (loopback) — the last address it appended to `X-Forwarded-For`.
pub fn client_addr(req: &Request) -> Option<IpAddr> {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())?;
    if peer.is_loopback() {
        let forwarded = req
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|a| a.trim().parse::<IpAddr>().ok())
            .next_back();
        if let Some(addr) = forwarded {
            return Some(addr);
        }
    }
    Some(peer)
}

/// What `POST /staff/signin` comes to.
pub enum SignInOutcome {
    /// The answer as it is: the redirect that sets the session cookie after signing in, or a
    /// refusal of a malformed request.
    Answer(Response),
    /// Not signed in: render the form for this request (a `GET /staff/signin` carrying the
    /// [`SignInFailure`] in its extensions) with the failure's status.
    Failed(Box<Request>, SignInError),
}

/// `POST /staff/signin`: checks the password (argon2id, throttled) and starts a session,
/// ending the one the browser had; or hands back the request to answer with the form.
pub async fn sign_in(state: &AppState, req: Request) -> SignInOutcome {
    let client = client_addr(&req);
    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_SIGN_IN_BYTES).await else {
        return SignInOutcome::Answer(
            (StatusCode::PAYLOAD_TOO_LARGE, "sign-in form too large").into_response(),
        );
    };
    let text = String::from_utf8_lossy(&bytes);
    let field = |name: &str| {
        commerce::text::form_pairs(&text)
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
            .unwrap_or_default()
    };
    let (email, password) = (field("email"), field("password"));
    let next = safe_next(&field("next")).to_owned();
    let fail = |mut parts: axum::http::request::Parts, error: SignInError| {
        parts.method = Method::GET;
        parts.uri = axum::http::Uri::from_static("/staff/signin");
        parts.headers.remove(header::CONTENT_TYPE);
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.extensions.insert(SignInFailure {
            error: error.clone(),
            email: email.trim().chars().take(254).collect(),
            next: next.clone(),
        });
        SignInOutcome::Failed(Box::new(Request::from_parts(parts, Body::empty())), error)
    };
    if email.trim().is_empty() {
        return fail(parts, SignInError::EmailRequired);
    }
    if password.is_empty() {
        return fail(parts, SignInError::PasswordRequired);
    }
    let user = match commerce::staff::authenticate(&state.db, &email, &password, client).await {
        Ok(user) => user,
        Err(e) => {
            let error = match e {
                CommerceError::InvalidCredentials => {
                    tracing::info!(client = ?client, "staff sign-in refused: wrong credentials");
                    SignInError::Credentials
                }
                CommerceError::TooManyAttempts { retry_after_secs } => {
                    tracing::warn!(client = ?client, retry_after_secs, "staff sign-in throttled");
                    SignInError::TooManyAttempts { retry_after_secs }
                }
                CommerceError::Busy => {
                    tracing::warn!("staff sign-in: every password check slot busy");
                    SignInError::Busy
                }
                e => {
                    tracing::error!(error = %e, "sign-in failed");
                    SignInError::Server
                }
            };
            return fail(parts, error);
        }
    };
    // Signing in over another session (a shared counter PC) ends that session.
    if let Some(old) = site_cookie(state, &parts.headers, SESSION_COOKIE) {
        if let Err(e) = commerce::sessions::destroy(&state.db, &old).await {
            tracing::error!(error = %e, "ending the previous session failed");
            return fail(parts, SignInError::Server);
        }
    }
    match commerce::sessions::create_for_staff(&state.db, user.id).await {
        Ok(token) => {
            tracing::info!(staff_id = user.id, "staff signed in");
            let mut response = Redirect::to(&next).into_response();
            let v = set_cookie(
                state,
                &parts.headers,
                SESSION_COOKIE,
                &token,
                commerce::sessions::TTL_SECONDS,
            );
            response.headers_mut().append(header::SET_COOKIE, v);
            SignInOutcome::Answer(response)
        }
        Err(e) => {
            tracing::error!(error = %e, "creating session failed");
            fail(parts, SignInError::Server)
        }
    }
}

/// `POST /staff/signout`: ends the session, clears its cookie and issues a new CSRF cookie
/// (the next visitor of a shared PC starts with fresh tokens).
pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(token) = site_cookie(&state, &headers, SESSION_COOKIE) {
        if let Err(e) = commerce::sessions::destroy(&state.db, &token).await {
            tracing::error!(error = %e, "deleting session failed");
        }
    }
    let mut response = Redirect::to("/staff/signin?signed_out=1").into_response();
    let cookies = [
        set_cookie(&state, &headers, SESSION_COOKIE, "", 0),
        set_cookie(
            &state,
            &headers,
            CSRF_COOKIE,
            &commerce::sessions::new_token(),
            60 * 60 * 24 * 365,
        ),
    ];
    for v in cookies {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
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
    fn reads_cookies_from_every_cookie_header() {
        let mut h = HeaderMap::new();
        h.append(
            header::COOKIE,
            HeaderValue::from_static("a=1;  stoa_sid=abc"),
        );
        h.append(
            header::COOKIE,
            HeaderValue::from_static("__Host-stoa_csrf=x=y"),
        );
        assert_eq!(cookie(&h, "stoa_sid").as_deref(), Some("abc"));
        assert_eq!(cookie(&h, "__Host-stoa_csrf").as_deref(), Some("x=y"));
        assert_eq!(cookie(&h, "stoa_csrf"), None);
    }

    #[test]
    fn next_must_be_a_staff_path() {
        assert_eq!(safe_next("/staff/settings"), "/staff/settings");
        assert_eq!(safe_next("https://evil.example/"), "/staff");
        assert_eq!(safe_next("//evil.example/staff"), "/staff");
        assert_eq!(safe_next("/staff//evil"), "/staff");
        assert_eq!(safe_next("/staff/signin"), "/staff");
        assert_eq!(safe_next("/staff/x\r\nSet-Cookie: a=b"), "/staff");
        assert_eq!(safe_next("/staff/\\evil"), "/staff");
        assert_eq!(safe_next("/staff/ü"), "/staff");
    }

    #[test]
    fn origin_must_match_host() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:3000"));
        assert!(check_origin(&h, None).is_ok());
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:3000"),
        );
        assert!(check_origin(&h, None).is_ok());
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(check_origin(&h, None).is_err());
        // Behind a proxy that rewrites Host, the configured public origin passes.
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://shop.example.com"),
        );
        assert!(check_origin(&h, None).is_err());
        assert!(check_origin(&h, Some("https://shop.example.com")).is_ok());
        assert!(check_origin(&h, Some("https://other.example.com")).is_err());
    }
}
