//! Test harness: the real `stoa` router on port 0 over a fresh database (a temporary SQLite
//! file, or a fresh PostgreSQL database when `STOA_TEST_PG_URL` is set).
#![allow(dead_code)]

use std::{net::SocketAddr, path::PathBuf};

use sea_orm::DatabaseConnection;
use tokio::sync::oneshot;

pub use commerce::test_support::Backend;

/// The backends to run on: SQLite always, PostgreSQL when `STOA_TEST_PG_URL` is set.
pub fn backends() -> Vec<Backend> {
    Backend::available()
}

/// A prepared data folder and database (migrated, optionally with the demo shop), dropped with
/// the value (`commerce::test_support::TestDb`).
pub struct TestDb {
    inner: commerce::test_support::TestDb,
    /// The connection URL.
    pub url: String,
    /// Which backend.
    pub backend: Backend,
}

impl TestDb {
    pub async fn new(backend: Backend, demo: bool) -> TestDb {
        let inner = commerce::test_support::TestDb::new(backend).await;
        if demo {
            let db = inner.connect().await;
            demo::load(&db, inner.path()).await.expect("demo");
            db.close().await.ok();
        }
        TestDb {
            url: inner.url.clone(),
            backend,
            inner,
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.inner.data_dir()
    }
}

/// A running server.
pub struct TestApp {
    pub addr: SocketAddr,
    pub db: DatabaseConnection,
    /// The demo staff accounts with the passwords drawn when the demo was loaded (empty
    /// without the demo).
    pub demo_accounts: Vec<demo::DemoAccount>,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<tokio::task::JoinHandle<()>>,
}

impl TestApp {
    /// Starts the router on 127.0.0.1:0 over `testdb`.
    pub async fn start(testdb: &TestDb) -> TestApp {
        Self::start_in(testdb, testdb.data_dir()).await
    }

    /// Starts another instance over `testdb`'s database with its own data folder (its own
    /// search index), as a second server behind a load balancer would run.
    #[allow(dead_code)]
    pub async fn start_in(testdb: &TestDb, data_dir: PathBuf) -> TestApp {
        Self::start_with(testdb, data_dir, server::state::WebOptions::default()).await
    }

    /// Starts an instance with these web options (public URL, metrics token…).
    pub async fn start_with(
        testdb: &TestDb,
        data_dir: PathBuf,
        web: server::state::WebOptions,
    ) -> TestApp {
        let db = commerce::db::connect(&testdb.url).await.expect("connect");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let state = server::state(db.clone(), data_dir, addr, web)
            .await
            .expect("open the search index and load the catalogue");
        let (tx, rx) = oneshot::channel::<()>();
        let handle = tokio::spawn(async move {
            server::serve(listener, state, async {
                let _ = rx.await;
            })
            .await
            .unwrap();
        });
        TestApp {
            addr,
            db,
            demo_accounts: demo::read_accounts(&testdb.data_dir()),
            shutdown: Some(tx),
            handle: Some(handle),
        }
    }

    /// The password of a demo staff account.
    pub fn demo_password(&self, email: &str) -> String {
        self.demo_accounts
            .iter()
            .find(|a| a.email == email)
            .unwrap_or_else(|| panic!("no demo account {email}"))
            .password
            .clone()
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// A browser-like client: keeps cookies, does not follow redirects.
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    /// Stops the server and waits for it.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.handle.take() {
            let _ = h.await;
        }
        self.db.clone().close().await.ok();
    }
}

/// GETs a page and returns (status, body).
pub async fn get(client: &reqwest::Client, url: &str) -> (u16, String) {
    let r = client.get(url).send().await.expect("request");
    let status = r.status().as_u16();
    (status, r.text().await.unwrap_or_default())
}

/// How long a change may take to reach the pages before a test gives up. A liveness bound, not
/// a speed goal: the background followers poll every 200 ms and usually show a change within a
/// few hundred milliseconds, but the whole suite shares two cores with the builds around it. How
/// fast changes propagate is measured by `commerce/examples/bench_catalogue.rs`.
pub const PROPAGATION_LIMIT: std::time::Duration = std::time::Duration::from_secs(30);

/// Polls `url` on `client` until the page answers 200 and `ok(body)` holds; returns how long
/// that took (tests print it), or panics with `what` after [`PROPAGATION_LIMIT`].
pub async fn eventually(
    client: &reqwest::Client,
    url: &str,
    what: &str,
    ok: impl Fn(&str) -> bool,
) -> std::time::Duration {
    let started = std::time::Instant::now();
    loop {
        let (status, body) = get(client, url).await;
        if status == 200 && ok(&body) {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < PROPAGATION_LIMIT,
            "{what}: not seen on {url} within {PROPAGATION_LIMIT:?} (last status {status})"
        );
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
}

/// Reads the CSRF token a page carries in `<meta name="csrf-token">`.
pub fn csrf_from(html: &str) -> String {
    let marker = "name=\"csrf-token\" content=\"";
    let start = html.find(marker).expect("csrf meta tag") + marker.len();
    let end = html[start..].find('"').unwrap() + start;
    html[start..end].to_owned()
}

/// Signs a staff member in through the real form; returns the response status and Location.
pub async fn sign_in(
    app: &TestApp,
    client: &reqwest::Client,
    email: &str,
    password: &str,
) -> (u16, String) {
    let (status, location, _) = post_sign_in(app, client, email, password).await;
    (status, location)
}

/// Posts the sign-in form; returns the status, the `Location` (empty when none) and the body
/// (the form again when the attempt failed).
pub async fn post_sign_in(
    app: &TestApp,
    client: &reqwest::Client,
    email: &str,
    password: &str,
) -> (u16, String, String) {
    let r = sign_in_request(app, client, None, email, password).await;
    let location = r
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let status = r.status().as_u16();
    (status, location, r.text().await.unwrap_or_default())
}

/// Gets the sign-in form for its CSRF token and posts it, optionally as a browser behind a
/// local reverse proxy that forwards the client address `forwarded_for`.
pub async fn sign_in_request(
    app: &TestApp,
    client: &reqwest::Client,
    forwarded_for: Option<&str>,
    email: &str,
    password: &str,
) -> reqwest::Response {
    let (_, page) = get(client, &app.url("/staff/signin")).await;
    let csrf = csrf_from(&page);
    let mut request = client
        .post(app.url("/staff/signin"))
        .header("Origin", format!("http://{}", app.addr));
    if let Some(address) = forwarded_for {
        request = request.header("X-Forwarded-For", address);
    }
    request
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email),
            ("password", password),
            ("next", "/staff"),
        ])
        .send()
        .await
        .unwrap()
}
