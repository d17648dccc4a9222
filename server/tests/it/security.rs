//! Security properties of the real server (SQLite, and PostgreSQL when configured): untrusted
//! text in page titles stays text, and pages carry a Content-Security-Policy whose nonce is on
//! every inline script and nowhere else.

use crate::common::*;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

/// Markup that must never reach a page as markup.
const PAYLOADS: [&str; 2] = ["</title><b>x", "<script>alert(1)</script>"];

/// The page at `url` once the catalogue read model shows the renamed product or category (it
/// follows the outbox every 200 ms).
async fn page_once_renamed(client: &reqwest::Client, url: &str, payload: &str) -> (String, String) {
    eventually(client, url, "the new name", |html| {
        html.contains(&escape(payload))
    })
    .await;
    page(client, url).await
}

/// `text` as HTML escapes it.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The text between the first `<title>` and `</title>`.
fn title_of(html: &str) -> &str {
    let start = html.find("<title>").expect("a <title>") + "<title>".len();
    let end = html[start..].find("</title>").expect("a </title>") + start;
    &html[start..end]
}

/// The page's head holds exactly one title, escaped, and the payload appears nowhere as markup.
fn assert_title_escaped(what: &str, html: &str, payload: &str) {
    assert_eq!(
        html.matches("<title>").count(),
        1,
        "{what}: one <title> in the page"
    );
    let title = title_of(html);
    let escaped = escape(payload);
    assert!(
        title.contains(&escaped),
        "{what}: the title shows the text escaped: {title:?}"
    );
    assert!(
        !html.contains(payload),
        "{what}: the page carries {payload:?} as markup"
    );
    assert!(!html.contains("<b>x"), "{what}: injected <b> in the page");
    assert!(
        !html.contains("<script>alert"),
        "{what}: injected <script> in the page"
    );
}

/// Every `<script` tag of the page carries `nonce="…"` equal to the CSP header's nonce.
fn assert_csp(what: &str, csp: &str, html: &str) {
    let nonce = csp
        .split('\'')
        .find_map(|t| t.strip_prefix("nonce-"))
        .unwrap_or_else(|| panic!("{what}: CSP has a nonce: {csp}"));
    assert!(nonce.len() >= 16, "{what}: a real nonce: {nonce}");
    assert!(csp.contains("default-src 'self'"), "{what}: {csp}");
    assert!(csp.contains("object-src 'none'"), "{what}: {csp}");
    assert!(csp.contains("base-uri 'none'"), "{what}: {csp}");
    assert!(!csp.contains("unsafe-inline"), "{what}: {csp}");
    let scripts: Vec<&str> = html
        .match_indices("<script")
        .map(|(i, _)| &html[i..i + html[i..].find('>').unwrap()])
        .collect();
    assert!(!scripts.is_empty(), "{what}: the hydration script is there");
    for tag in scripts {
        assert!(
            tag.contains(&format!("nonce=\"{nonce}\"")),
            "{what}: script without this response's nonce: {tag}"
        );
    }
}

async fn page(client: &reqwest::Client, url: &str) -> (String, String) {
    let r = client.get(url).send().await.expect("request");
    assert_eq!(r.status(), 200, "{url}");
    let csp = r
        .headers()
        .get("content-security-policy")
        .unwrap_or_else(|| panic!("{url}: a Content-Security-Policy header"))
        .to_str()
        .unwrap()
        .to_owned();
    (csp, r.text().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn titles_escape_untrusted_text_and_pages_carry_a_csp() {
    use commerce::entity::{category_translation, product_translation, variant};
    for backend in backends() {
        let testdb = TestDb::new(backend, true).await;
        let app = TestApp::start(&testdb).await;
        let client = app.client();

        // Reflected: the search words.
        for payload in PAYLOADS {
            let url = app.url(&format!(
                "/search?q={}",
                commerce::text::query_value(payload)
            ));
            let (csp, html) = page(&client, &url).await;
            assert_title_escaped("search page", &html, payload);
            assert_csp("search page", &csp, &html);
        }

        // Stored: product, category and variant names (editable once the catalogue admin lands).
        let product = product_translation::Entity::find()
            .filter(product_translation::Column::Locale.eq("en"))
            .order_by_asc(product_translation::Column::Id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let category = category_translation::Entity::find()
            .filter(category_translation::Column::Locale.eq("en"))
            .order_by_asc(category_translation::Column::Id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let variant = variant::Entity::find()
            .filter(variant::Column::ProductId.eq(product.product_id))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let (staff, _) = {
            let c = app.client();
            let r = sign_in(
                &app,
                &c,
                "owner@stoa.test",
                &app.demo_password("owner@stoa.test"),
            )
            .await;
            assert_eq!(r.0, 303, "owner signs in");
            (c, r.1)
        };
        for payload in PAYLOADS {
            let mut p: product_translation::ActiveModel = product.clone().into();
            p.name = Set(format!("Bag {payload}"));
            p.update(&app.db).await.unwrap();
            let mut c: category_translation::ActiveModel = category.clone().into();
            c.name = Set(format!("Bags {payload}"));
            c.update(&app.db).await.unwrap();
            // As the catalogue admin will: a notice for the read model behind the pages.
            use commerce::outbox::{emit, Change};
            emit(&app.db, Change::Product(product.product_id))
                .await
                .unwrap();
            emit(&app.db, Change::Category(category.category_id))
                .await
                .unwrap();

            let (csp, html) =
                page_once_renamed(&client, &app.url(&format!("/p/{}", product.slug)), payload)
                    .await;
            assert_title_escaped("product page", &html, payload);
            assert_csp("product page", &csp, &html);
            let (csp, html) =
                page_once_renamed(&client, &app.url(&format!("/c/{}", category.slug)), payload)
                    .await;
            assert_title_escaped("category page", &html, payload);
            assert_csp("category page", &csp, &html);
            let (csp, html) = page(
                &staff,
                &app.url(&format!("/staff/inventory/variant/{}", variant.id)),
            )
            .await;
            assert_title_escaped("stock ledger page", &html, payload);
            assert_csp("stock ledger page", &csp, &html);
        }

        // Responses that are not pages get a policy without inline script.
        let r = client.get(app.url("/healthz")).send().await.unwrap();
        let csp = r.headers()["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("nonce-"),
            "{csp}"
        );

        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redirects_and_links_stay_on_this_site_and_private_data_is_not_cached() {
    let testdb = TestDb::new(Backend::Sqlite, true).await;
    let app = TestApp::start(&testdb).await;
    let client = app.client();

    // A sign-in `next` with CR/LF is not followed (it used to answer 500 after signing in).
    let password = app.demo_password("owner@stoa.test");
    let (_, form) = get(&client, &app.url("/staff/signin")).await;
    let csrf = csrf_from(&form);
    let r = client
        .post(app.url("/staff/signin"))
        .header("Origin", format!("http://{}", app.addr))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "owner@stoa.test"),
            ("password", password.as_str()),
            ("next", "/staff/inventory\r\nSet-Cookie: evil=1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/staff");

    // Signed in: staff data from the server-function API is never cached.
    let r = client.get(app.url("/api/staff/home")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");

    // Staff pages have one address: the language prefix is dropped, not served around the
    // signed-out redirect and the no-store header.
    let anonymous = app.client();
    for (from, to) in [
        ("/el/staff/inventory", "/staff/inventory"),
        ("/pl/staff?x=1", "/staff?x=1"),
    ] {
        let r = anonymous.get(app.url(from)).send().await.unwrap();
        assert_eq!(r.status(), 308, "{from}");
        assert_eq!(r.headers()["location"], to, "{from}");
    }

    // A data request with `Accept: text/html` answers with its data, never a redirect to the
    // `Referer`.
    let r = anonymous
        .get(app.url("/api/shop/nav?locale=en"))
        .header("Accept", "text/html")
        .header("Referer", "https://evil.example/")
        .send()
        .await
        .unwrap();
    assert!(r.headers().get("location").is_none(), "{:?}", r.headers());
    assert!(!r.status().is_redirection(), "{}", r.status());

    // The images folder serves files, never a redirect for a folder.
    for path in ["/images/products", "/images/products/", "/images"] {
        let r = anonymous.get(app.url(path)).send().await.unwrap();
        assert_eq!(r.status(), 404, "{path}");
    }

    // The language links of a 404 page for `//evil.example/…` stay on this site.
    let (status, html) = get(&anonymous, &app.url("//evil.example/x")).await;
    assert_eq!(status, 404);
    assert!(
        html.contains("hreflang=\"el\""),
        "the page has language links"
    );
    assert!(
        !html.contains("href=\"//"),
        "no protocol-relative link: {html}"
    );

    app.stop().await;
}

/// Posts the sign-in form as a browser behind a local reverse proxy that forwards `client`.
async fn sign_in_from(
    app: &TestApp,
    client: &reqwest::Client,
    forwarded_for: &str,
    email: &str,
    password: &str,
) -> reqwest::Response {
    sign_in_request(app, client, Some(forwarded_for), email, password).await
}

async fn add_staff(db: &sea_orm::DatabaseConnection, email: &str) {
    commerce::staff::create_staff(
        db,
        commerce::staff::NewStaff {
            email: email.into(),
            password: "right-password-1".into(),
            role: "owner".into(),
            name: None,
            store_codes: vec![],
        },
    )
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_is_throttled_per_account_and_per_address_across_instances() {
    use commerce::entity::{sign_in_throttle, staff_user};
    for backend in backends() {
        let testdb = TestDb::new(backend, false).await;
        let app = TestApp::start(&testdb).await;
        let other_dir = tempfile::tempdir().unwrap();
        let second = TestApp::start_in(&testdb, other_dir.path().to_path_buf()).await;
        for e in ["a@example.test", "b@example.test"] {
            add_staff(&app.db, e).await;
        }
        let client = app.client();

        // Five wrong passwords are each checked and refused…
        for i in 0..5 {
            let r = sign_in_from(&app, &client, "198.51.100.1", "a@example.test", "wrong").await;
            assert_eq!(r.status(), 401, "attempt {i}");
        }
        // …then the account is locked: the right password is not even checked, on either
        // instance, and the form says when to try again.
        for instance in [&app, &second] {
            let c = instance.client();
            let r = sign_in_from(
                instance,
                &c,
                "198.51.100.2",
                "A@example.test",
                "right-password-1",
            )
            .await;
            assert_eq!(r.status(), 429);
            let retry: u64 = r.headers()["retry-after"]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            assert!((1..=60).contains(&retry), "{retry}");
            assert!(r
                .headers()
                .get("set-cookie")
                .is_none_or(|c| !c.to_str().unwrap().starts_with("stoa_sid=")));
            let page = r.text().await.unwrap();
            assert!(
                page.contains("Too many failed attempts. Try again in 1 minute."),
                "{page}"
            );
            assert!(!page.contains("right-password-1"));
        }
        // Another account from the same address is not affected.
        let r = sign_in_from(
            &app,
            &client,
            "198.51.100.1",
            "b@example.test",
            "right-password-1",
        )
        .await;
        assert_eq!(r.status(), 303);

        // When the lock ends, the right password works and clears the count. A stored hash with
        // older parameters is replaced at that sign-in.
        let weaker = {
            use argon2::{password_hash::PasswordHasher, Algorithm, Argon2, Params, Version};
            let params = Params::new(8192, 2, 1, None).unwrap();
            let salt = argon2::password_hash::SaltString::encode_b64(b"somesaltsomesalt").unwrap();
            Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
                .hash_password(b"right-password-1", &salt)
                .unwrap()
                .to_string()
        };
        assert!(weaker.contains("m=8192"), "{weaker}");
        let a = staff_user::Entity::find()
            .filter(staff_user::Column::Email.eq("a@example.test"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let mut am: staff_user::ActiveModel = a.into();
        am.password_hash = Set(weaker.clone());
        am.update(&app.db).await.unwrap();
        sign_in_throttle::Entity::update_many()
            .col_expr(
                sign_in_throttle::Column::LockedUntil,
                sea_orm::sea_query::Expr::value(Some(
                    chrono::Utc::now() - chrono::Duration::seconds(1),
                )),
            )
            .exec(&app.db)
            .await
            .unwrap();
        let c = app.client();
        let r = sign_in_from(
            &app,
            &c,
            "198.51.100.1",
            "a@example.test",
            "right-password-1",
        )
        .await;
        assert_eq!(r.status(), 303);
        assert!(
            sign_in_throttle::Entity::find_by_id("account:staff:a@example.test".to_owned())
                .one(&app.db)
                .await
                .unwrap()
                .is_none()
        );
        let a = staff_user::Entity::find()
            .filter(staff_user::Column::Email.eq("a@example.test"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_ne!(a.password_hash, weaker, "rehashed at sign-in");
        assert!(
            a.password_hash.contains("m=19456,t=2,p=1"),
            "{}",
            a.password_hash
        );
        assert!(!commerce::staff::password::needs_rehash(&a.password_hash));

        // A password over 128 characters is refused like a wrong one (and counted), not hashed
        // at length; a form too large to be a sign-in is refused with 413. Never a 500.
        let long = "x".repeat(1000);
        let r = sign_in_from(&app, &c, "203.0.113.50", "b@example.test", &long).await;
        assert_eq!(r.status(), 401);
        let huge = "x".repeat(100_000);
        let r = sign_in_from(&app, &c, "203.0.113.50", "b@example.test", &huge).await;
        assert_eq!(r.status(), 413);

        // Per address: 20 failures over any accounts lock the address (a local proxy's
        // X-Forwarded-For is trusted), not other addresses.
        for i in 0..19 {
            let email = format!("nobody{i}@example.test");
            let r = sign_in_from(&app, &c, "203.0.113.50", &email, "wrong").await;
            assert_eq!(r.status(), 401, "attempt {i}");
        }
        let r = sign_in_from(
            &app,
            &c,
            "203.0.113.50",
            "b@example.test",
            "right-password-1",
        )
        .await;
        assert_eq!(r.status(), 429);
        let r = sign_in_from(
            &app,
            &c,
            "203.0.113.51",
            "b@example.test",
            "right-password-1",
        )
        .await;
        assert_eq!(r.status(), 303);

        second.stop().await;
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_sign_ins_are_answered_without_errors() {
    let testdb = TestDb::new(Backend::Sqlite, false).await;
    let app = TestApp::start(&testdb).await;
    add_staff(&app.db, "a@example.test").await;
    let tasks: Vec<_> = (0..48)
        .map(|i| {
            let url = app.url("/staff/signin");
            let origin = format!("http://{}", app.addr);
            async move {
                let client = reqwest::Client::builder()
                    .cookie_store(true)
                    .redirect(reqwest::redirect::Policy::none())
                    .build()
                    .unwrap();
                let page = client.get(&url).send().await.unwrap().text().await.unwrap();
                let csrf = csrf_from(&page);
                let r = client
                    .post(&url)
                    .header("Origin", origin)
                    .header("X-Forwarded-For", format!("192.0.2.{i}"))
                    .form(&[
                        ("csrf", csrf.as_str()),
                        ("email", &format!("user{i}@example.test")),
                        ("password", "wrong-password"),
                    ])
                    .send()
                    .await
                    .unwrap();
                r.status().as_u16()
            }
        })
        .collect();
    let statuses = futures_join_all(tasks).await;
    for s in &statuses {
        assert!(
            *s == 401 || *s == 503,
            "each attempt is refused or told to retry: {statuses:?}"
        );
    }
    app.stop().await;
}

/// Runs the futures at once on the runtime and collects their outputs in order.
async fn futures_join_all<F>(futures: Vec<F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.into_iter().map(tokio::spawn).collect();
    let mut out = Vec::with_capacity(handles.len());
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

/// `name=value` of each `Set-Cookie` of a response.
fn set_cookies(r: &reqwest::Response) -> Vec<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_and_csrf_tokens_follow_sign_in_and_out() {
    use commerce::entity::session;
    for backend in backends() {
        let testdb = TestDb::new(backend, false).await;
        let app = TestApp::start(&testdb).await;
        add_staff(&app.db, "a@example.test").await;
        let client = app.client();
        let origin = format!("http://{}", app.addr);

        // Each page shows the token masked differently (BREACH), and each form of them works.
        let (_, p1) = get(&client, &app.url("/staff/signin")).await;
        let (_, p2) = get(&client, &app.url("/staff/signin")).await;
        let (anon1, anon2) = (csrf_from(&p1), csrf_from(&p2));
        assert_ne!(anon1, anon2, "a fresh mask per response");

        let sign_in_with = |csrf: String| {
            let client = client.clone();
            let (url, origin) = (app.url("/staff/signin"), origin.clone());
            async move {
                client
                    .post(url)
                    .header("Origin", origin)
                    .form(&[
                        ("csrf", csrf.as_str()),
                        ("email", "a@example.test"),
                        ("password", "right-password-1"),
                    ])
                    .send()
                    .await
                    .unwrap()
            }
        };
        let r = sign_in_with(anon1.clone()).await;
        assert_eq!(r.status(), 303);
        let first_session = set_cookies(&r)
            .into_iter()
            .find(|c| c.starts_with("stoa_sid="))
            .expect("a session cookie");

        // Signed in, forms need the session's own token: the anonymous one is refused.
        let (_, home) = get(&client, &app.url("/staff")).await;
        let signed_in = csrf_from(&home);
        let sign_out = |csrf: String| {
            let client = client.clone();
            let (url, origin) = (app.url("/staff/signout"), origin.clone());
            async move {
                client
                    .post(url)
                    .header("Origin", origin)
                    .form(&[("csrf", csrf.as_str())])
                    .send()
                    .await
                    .unwrap()
            }
        };
        assert_eq!(sign_out(anon2.clone()).await.status(), 403);

        // Signing in again over the session (a shared PC) ends the first session.
        let r = sign_in_with(signed_in.clone()).await;
        assert_eq!(r.status(), 303);
        let second_session = set_cookies(&r)
            .into_iter()
            .find(|c| c.starts_with("stoa_sid="))
            .unwrap();
        assert_ne!(first_session, second_session);
        assert_eq!(session::Entity::find().count(&app.db).await.unwrap(), 1);

        // Signing out: the session row is gone, a new anonymous token is issued, and the old
        // signed-in token no longer passes.
        let (_, home) = get(&client, &app.url("/staff")).await;
        let r = sign_out(csrf_from(&home)).await;
        assert_eq!(r.status(), 303);
        let cookies = set_cookies(&r);
        assert!(
            cookies.iter().any(|c| c.starts_with("stoa_sid=;")),
            "{cookies:?}"
        );
        assert!(
            cookies.iter().any(|c| c.starts_with("stoa_csrf=")),
            "{cookies:?}"
        );
        assert_eq!(session::Entity::find().count(&app.db).await.unwrap(), 0);
        assert_eq!(sign_in_with(signed_in).await.status(), 403);
        assert_eq!(
            sign_in_with(anon1).await.status(),
            403,
            "rotated at sign-out"
        );

        // Behind https: `__Host-` cookies, Secure, and HSTS.
        let fresh = app.client();
        let r = fresh
            .get(app.url("/staff/signin"))
            .header("X-Forwarded-Proto", "https")
            .send()
            .await
            .unwrap();
        let cookies = set_cookies(&r);
        assert!(
            cookies.iter().any(|c| c.starts_with("__Host-stoa_csrf=")
                && c.contains("; Secure")
                && c.contains("Path=/")),
            "{cookies:?}"
        );
        assert!(r.headers().contains_key("strict-transport-security"));

        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_public_url_lets_browser_posts_through_a_proxy_that_rewrites_host() {
    let testdb = TestDb::new(Backend::Sqlite, false).await;
    add_staff_url(&testdb.url, "a@example.test").await;
    let web = server::state::WebOptions {
        public_origin: Some("https://shop.example.com".into()),
        ..Default::default()
    };
    let proxied = TestApp::start_with(&testdb, testdb.data_dir(), web).await;
    let other_dir = tempfile::tempdir().unwrap();
    let plain = TestApp::start_in(&testdb, other_dir.path().to_path_buf()).await;
    for (app, expected) in [(&proxied, 303), (&plain, 403)] {
        let client = app.client();
        // nginx's default: Host is the upstream's address, Origin the public site's.
        let (_, page) = get(&client, &app.url("/staff/signin")).await;
        let r = client
            .post(app.url("/staff/signin"))
            .header("Origin", "https://shop.example.com")
            .form(&[
                ("csrf", csrf_from(&page).as_str()),
                ("email", "a@example.test"),
                ("password", "right-password-1"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), expected);
        // Another site is refused either way.
        let r = client
            .post(app.url("/staff/signin"))
            .header("Origin", "https://evil.example")
            .form(&[("csrf", csrf_from(&page).as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
    }
    proxied.stop().await;
    plain.stop().await;
}

async fn add_staff_url(url: &str, email: &str) {
    let db = commerce::db::connect(url).await.unwrap();
    add_staff(&db, email).await;
    db.close().await.ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_plain_post_keeps_its_input_in_the_session_not_the_url() {
    for backend in backends() {
        let testdb = TestDb::new(backend, true).await;
        let app = TestApp::start(&testdb).await;
        let client = app.client();
        let password = app.demo_password("owner@stoa.test");
        assert_eq!(
            sign_in(&app, &client, "owner@stoa.test", &password).await.0,
            303
        );
        let (_, page) = get(&client, &app.url("/staff/inventory/receive")).await;
        let csrf = csrf_from(&page);
        // A 300-line delivery with one bad code, posted without JavaScript.
        let mut lines: Vec<String> = (0..299).map(|i| format!("NO-SUCH-{i:04} 1")).collect();
        lines.insert(0, "SECRET-SUPPLIER-CODE 1".into());
        let lines = lines.join("\n");
        let r = client
            .post(app.url("/api/staff/inventory/receive"))
            .header("Origin", format!("http://{}", app.addr))
            .header("Accept", "text/html")
            .form(&[
                ("csrf", csrf.as_str()),
                ("location", "1"),
                ("supplier", "Jane Doe Supplies"),
                ("note", ""),
                ("lines", lines.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert!(r.status().is_redirection(), "{}", r.status());
        let location = r.headers()["location"].to_str().unwrap().to_owned();
        assert!(location.len() < 80, "a short Location: {location}");
        assert!(
            location.starts_with("/staff/inventory/receive?flash="),
            "{location}"
        );
        assert!(!location.contains("Jane") && !location.contains("SECRET"));

        // The form shows the error and the input once.
        let (status, page) = get(&client, &app.url(&location)).await;
        assert_eq!(status, 200);
        assert!(
            page.contains("SECRET-SUPPLIER-CODE 1"),
            "the lines are back"
        );
        assert!(page.contains("value=\"Jane Doe Supplies\""));
        assert!(
            page.contains("Line 1: No product has the SKU or barcode “SECRET-SUPPLIER-CODE”."),
            "the error is shown, in words"
        );
        let (_, again) = get(&client, &app.url(&location)).await;
        assert!(!again.contains("SECRET-SUPPLIER-CODE"), "shown once");
        // Another visitor cannot see it either (the flash lives in the owner's session).
        let (_, other) = get(&app.client(), &app.url(&location)).await;
        assert!(!other.contains("SECRET-SUPPLIER-CODE"));

        app.stop().await;
    }
}
