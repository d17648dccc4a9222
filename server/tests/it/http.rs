//! End-to-end HTTP tests of the real server on SQLite (and PostgreSQL when configured).

use crate::common::*;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

async fn for_each_backend<F, Fut>(demo: bool, f: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: std::future::Future<Output = TestApp>,
{
    for backend in backends() {
        let testdb = TestDb::new(backend, demo).await;
        let app = TestApp::start(&testdb).await;
        let app = f(app).await;
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_metrics_and_request_ids() {
    for backend in backends() {
        let testdb = TestDb::new(backend, false).await;
        let token = "metrics-token-0123456789";
        let web = server::state::WebOptions {
            metrics_token: Some(token.into()),
            ..Default::default()
        };
        let app = TestApp::start_with(&testdb, testdb.data_dir(), web).await;
        let client = app.client();
        let r = client.get(app.url("/healthz")).send().await.unwrap();
        assert_eq!(r.status(), 200);
        assert!(r.headers().contains_key("x-request-id"));
        assert_eq!(r.text().await.unwrap().trim(), "ok");
        // A client's sane id is kept; an odd one is replaced by a new id.
        for (sent, kept) in [("trace-abc-123", true), ("two words", false)] {
            let r = client
                .get(app.url("/healthz"))
                .header("X-Request-Id", sent)
                .send()
                .await
                .unwrap();
            let id = r.headers()["x-request-id"].to_str().unwrap().to_owned();
            assert_eq!(id == sent, kept, "{sent:?} → {id:?}");
            assert!(!id.is_empty());
        }
        // Metrics only with the bearer token.
        let (status, _) = get(&client, &app.url("/metrics")).await;
        assert_eq!(status, 401);
        let r = client
            .get(app.url("/metrics"))
            .bearer_auth("wrong-token-0123456789xx")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401);
        let r = client
            .get(app.url("/metrics"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        let metrics = r.text().await.unwrap();
        assert_eq!(status, 200);
        assert!(
            metrics.contains("stoa_http_requests_total{status=\"2xx\"}"),
            "{metrics}"
        );
        assert!(
            !metrics.contains("stoa_http_requests_total{status=\"2xx\"} 0\n"),
            "the health checks were counted: {metrics}"
        );
        assert!(metrics.contains("stoa_http_request_duration_seconds_bucket{le=\"+Inf\"}"));
        app.stop().await;

        // Without a configured token the endpoint is not served at all.
        let app = TestApp::start(&testdb).await;
        let (status, _) = get(&app.client(), &app.url("/metrics")).await;
        assert_eq!(status, 404);
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shop_pages_in_three_languages() {
    use commerce::entity::{category_translation, product_translation};
    for_each_backend(true, |app| async move {
        let client = app.client();
        let (status, home) = get(&client, &app.url("/")).await;
        assert_eq!(status, 200);
        assert!(
            home.contains("<html lang=\"en\""),
            "home is English by default"
        );
        assert!(home.contains("Shoes"), "home lists categories");

        let (status, el) = get(&client, &app.url("/el")).await;
        assert_eq!(status, 200);
        assert!(el.contains("<html lang=\"el\""));
        assert!(
            el.contains("Παπούτσια"),
            "Greek home shows the Greek category name"
        );

        let (status, pl) = get(&client, &app.url("/pl/")).await;
        assert_eq!(status, 200);
        assert!(pl.contains("<html lang=\"pl\""));

        // Accept-Language picks the language when the URL has no prefix.
        let r = client
            .get(app.url("/"))
            .header("Accept-Language", "pl-PL,pl;q=0.9,en;q=0.5")
            .send()
            .await
            .unwrap();
        assert!(r.text().await.unwrap().contains("<html lang=\"pl\""));

        // A Greek category page by its Greek slug.
        let cat = category_translation::Entity::find()
            .filter(category_translation::Column::Locale.eq("el"))
            .filter(category_translation::Column::Name.eq("Παπούτσια"))
            .one(&app.db)
            .await
            .unwrap()
            .expect("Greek shoes category");
        let (status, page) = get(&client, &app.url(&format!("/el/c/{}", cat.slug))).await;
        assert_eq!(status, 200);
        assert!(page.contains("Παπούτσια"));
        assert!(
            page.contains("/el/p/"),
            "product links keep the language prefix"
        );

        // A Polish product page: name, VAT-inclusive price in złoty format, availability.
        let p = product_translation::Entity::find()
            .filter(product_translation::Column::Locale.eq("pl"))
            .order_by_asc(product_translation::Column::Id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let (status, page) = get(&client, &app.url(&format!("/pl/p/{}", p.slug))).await;
        assert_eq!(status, 200, "{}", p.slug);
        assert!(page.contains(&p.name.replace('&', "&amp;")));
        assert!(page.contains("z VAT") || page.contains("VAT"), "VAT note");
        assert!(page.contains("€"), "price shown");
        assert!(page.contains("class=\"availability-list\""));

        // Sorting and pagination parameters are accepted, bad ones fall back.
        let (status, _) = get(
            &client,
            &app.url(&format!("/el/c/{}?sort=price_asc&page=999", cat.slug)),
        )
        .await;
        assert_eq!(status, 200);
        let (status, _) = get(
            &client,
            &app.url(&format!("/el/c/{}?sort=%27%3B--&page=abc", cat.slug)),
        )
        .await;
        assert_eq!(status, 200);
        app
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn variant_picker_selects_by_query() {
    use commerce::entity::{product, product_option};
    for_each_backend(true, |app| async move {
        let client = app.client();
        // A product with a size option.
        let opt = product_option::Entity::find()
            .filter(product_option::Column::Code.eq("size"))
            .one(&app.db)
            .await
            .unwrap()
            .expect("a product with sizes");
        let p = product::Entity::find_by_id(opt.product_id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let (status, page) = get(&client, &app.url(&format!("/p/{}", p.slug))).await;
        assert_eq!(status, 200);
        // Every option value is a plain link carrying the selection in the query string.
        let first_link = page.find("class=\"option-value").expect("option links");
        let href_start = page[..first_link].rfind("href=\"").unwrap() + 6;
        let href_end = page[href_start..].find('"').unwrap() + href_start;
        let href = page[href_start..href_end].replace("&amp;", "&");
        assert!(href.contains('?'), "{href}");
        let (status, chosen) = get(&client, &app.url(&href)).await;
        assert_eq!(status, 200);
        assert!(chosen.contains("aria-current=\"true\""));
        // A combination that does not exist says so instead of failing.
        let (status, odd) = get(
            &client,
            &app.url(&format!("/p/{}?size=nonexistent", p.slug)),
        )
        .await;
        assert_eq!(status, 200);
        assert!(odd.contains("class=\"notice\""));
        app
    })
    .await;
}

/// Whether `body` links the shop's stylesheet under a content-hashed name (`/pkg/stoa.<hex>.css`).
fn links_hashed_stylesheet(body: &str) -> bool {
    body.match_indices("/pkg/stoa.").any(|(at, m)| {
        let rest = &body[at + m.len()..];
        let hash_len = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
        hash_len >= 8 && rest[hash_len..].starts_with(".css")
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_pages_are_404_in_shop_style() {
    for_each_backend(false, |app| async move {
        let client = app.client();
        for path in [
            "/no-such-page",
            "/p/no-such-product",
            "/c/no-such-category",
            "/el/p/nothing",
        ] {
            let (status, body) = get(&client, &app.url(path)).await;
            assert_eq!(status, 404, "{path}");
            assert!(body.contains("class=\"error-page\""), "{path}: {body}");
            // The stylesheet's link: `/pkg/stoa.css`, or `/pkg/stoa.<hash>.css` when a built
            // bundle is in the site folder.
            assert!(
                body.contains("/pkg/stoa.css") || links_hashed_stylesheet(&body),
                "styled like the shop: {body}"
            );
        }
        let (_, body) = get(&client, &app.url("/el/no-such-page")).await;
        assert!(body.contains("lang=\"el\""));
        app
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_sign_in_roles_and_sign_out() {
    for_each_backend(false, |app| async move {
        for (email, password, role, stores) in [
            ("owner@example.test", "owner-password-1", "owner", vec![]),
            (
                "cashier@example.test",
                "cashier-password-1",
                "cashier",
                vec![],
            ),
        ] {
            commerce::staff::create_staff(
                &app.db,
                commerce::staff::NewStaff {
                    email: email.into(),
                    password: password.into(),
                    role: role.into(),
                    name: None,
                    store_codes: stores,
                },
            )
            .await
            .unwrap();
        }
        let client = app.client();

        // Signed out: staff pages redirect to the sign-in form.
        let r = client.get(app.url("/staff/settings")).send().await.unwrap();
        assert_eq!(r.status(), 303);
        assert_eq!(
            r.headers()["location"],
            "/staff/signin?next=/staff/settings"
        );

        // A post without the CSRF token is refused.
        let r = client
            .post(app.url("/staff/signin"))
            .form(&[
                ("email", "owner@example.test"),
                ("password", "owner-password-1"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
        // …and so is one from another origin, even with a token.
        let (_, page) = get(&client, &app.url("/staff/signin")).await;
        let csrf = csrf_from(&page);
        let r = client
            .post(app.url("/staff/signin"))
            .header("Origin", "https://evil.example")
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", "owner@example.test"),
                ("password", "owner-password-1"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);

        // Wrong password: the POST is answered with the form and a message (401), never a
        // 500; the e-mail is kept in the form, not put into a URL.
        let (status, location, page) =
            post_sign_in(&app, &client, "cashier@example.test", "wrong-password").await;
        assert_eq!((status, location.as_str()), (401, ""));
        assert!(page.contains("Wrong email address or password"));
        assert!(
            page.contains("value=\"cashier@example.test\""),
            "e-mail kept in the form"
        );

        // Right password: staff home shows the role; the owner page is refused with 403.
        let (status, location) =
            sign_in(&app, &client, "cashier@example.test", "cashier-password-1").await;
        assert_eq!((status, location.as_str()), (303, "/staff"));
        let (status, home) = get(&client, &app.url("/staff")).await;
        assert_eq!(status, 200);
        assert!(home.contains("Cashier"));
        assert!(
            !home.contains("href=\"/staff/settings\""),
            "no link to owner pages"
        );
        let (status, page) = get(&client, &app.url("/staff/settings")).await;
        assert_eq!(status, 403);
        assert!(page.contains("class=\"error-page\""));
        // The server function refuses too, not just the page.
        let r = client
            .get(app.url("/api/staff/settings"))
            .send()
            .await
            .unwrap();
        assert!(!r.status().is_success(), "{}", r.status());
        let body = r.text().await.unwrap();
        assert!(body.contains("Forbidden"), "{body}");
        let (_, page) = get(&client, &app.url("/staff")).await;
        let csrf = csrf_from(&page);

        // Sign out ends the session on the server.
        let r = client
            .post(app.url("/staff/signout"))
            .header("Origin", format!("http://{}", app.addr))
            .form(&[("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let r = client.get(app.url("/staff")).send().await.unwrap();
        assert_eq!(r.status(), 303);

        // The owner sees settings.
        let owner = app.client();
        let (status, _) = sign_in(&app, &owner, "owner@example.test", "owner-password-1").await;
        assert_eq!(status, 303);
        let (status, page) = get(&owner, &app.url("/staff")).await;
        assert_eq!(status, 200);
        assert!(page.contains("href=\"/staff/settings\""));
        let (status, page) = get(&owner, &app.url("/staff/settings")).await;
        assert_eq!(status, 200);
        assert!(page.contains("owner@example.test"));
        app
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_survive_a_restart() {
    let testdb = TestDb::new(Backend::Sqlite, false).await;
    let app = TestApp::start(&testdb).await;
    commerce::staff::create_staff(
        &app.db,
        commerce::staff::NewStaff {
            email: "manager@example.test".into(),
            password: "manager-password-1".into(),
            role: "manager".into(),
            name: Some("Maria".into()),
            store_codes: vec![],
        },
    )
    .await
    .unwrap();
    let client = app.client();
    let (status, _) = sign_in(&app, &client, "manager@example.test", "manager-password-1").await;
    assert_eq!(status, 303);
    let (status, _) = get(&client, &app.url("/staff")).await;
    assert_eq!(status, 200);
    let old_addr = app.addr;
    app.stop().await;

    // Same database, a new server on a new port: the session cookie still signs in (cookies
    // are per host, not per port, so the client sends it along).
    let app = TestApp::start(&testdb).await;
    assert_ne!(old_addr, app.addr);
    let (status, page) = get(&client, &app.url("/staff")).await;
    assert_eq!(status, 200, "session survived the restart");
    assert!(page.contains("Maria"));
    {
        use commerce::entity::session;
        let rows = session::Entity::find().all(&app.db).await.unwrap();
        assert_eq!(rows.len(), 1, "one session stored in the database");
        assert_eq!(
            rows[0].id.len(),
            64,
            "only the SHA-256 of the token is stored"
        );
    }
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_staff_rejects_bad_input_and_writes_nothing() {
    use commerce::entity::staff_user;
    let testdb = TestDb::new(Backend::Sqlite, false).await;
    let db = commerce::db::connect(&testdb.url).await.unwrap();
    let bad = [
        ("not-an-email", "long-enough-pw", "owner", vec![]),
        ("a@example.test", "short", "owner", vec![]),
        ("a@example.test", "long-enough-pw", "emperor", vec![]),
        (
            "a@example.test",
            "long-enough-pw",
            "cashier",
            vec!["NOPE".to_string()],
        ),
    ];
    for (email, password, role, stores) in bad {
        let r = commerce::staff::create_staff(
            &db,
            commerce::staff::NewStaff {
                email: email.into(),
                password: password.into(),
                role: role.into(),
                name: None,
                store_codes: stores,
            },
        )
        .await;
        assert!(
            matches!(r, Err(commerce::CommerceError::Validation { .. })),
            "{email} {role}: {r:?}"
        );
    }
    assert_eq!(staff_user::Entity::find().all(&db).await.unwrap().len(), 0);
}

/// Posts the stock adjustment form as a browser without JavaScript and returns the page it is
/// sent back to, read in `language`.
async fn refused_adjustment(
    app: &TestApp,
    client: &reqwest::Client,
    fields: &[(&str, &str)],
    language: &str,
) -> String {
    let (_, form) = get(client, &app.url("/staff/inventory/adjust")).await;
    let csrf = csrf_from(&form);
    let mut fields = fields.to_vec();
    fields.push(("csrf", csrf.as_str()));
    let r = client
        .post(app.url("/api/staff/inventory/adjust"))
        .header("Accept", "text/html")
        .header("Origin", format!("http://{}", app.addr))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_redirection(), "{language}: {}", r.status());
    let back = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(back.starts_with("/staff/inventory/adjust?flash="), "{back}");
    client
        .get(app.url(&back))
        .header("Accept-Language", language)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// A refused stock adjustment posted without JavaScript comes back to its form with the error
/// next to the field (`aria-invalid`, `aria-describedby`), worded in the page's language from
/// the error's code, and with what was typed still in the fields.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_form_posts_are_worded_per_language_next_to_their_field() {
    for_each_backend(true, |app| async move {
        let client = app.client();
        let email = "manager.athens@stoa.test";
        let (status, _) = sign_in(&app, &client, email, &app.demo_password(email)).await;
        assert_eq!(status, 303);
        let (_, form) = get(&client, &app.url("/staff/inventory/adjust")).await;
        assert!(form.contains("<label for=\"adjust-change\""), "{form}");
        assert!(!form.contains("aria-invalid"), "no error before a post");
        let location = {
            let marker = "<option value=\"";
            let start = form.find("id=\"adjust-location\"").unwrap();
            let rest = &form[start..];
            let rest = &rest[rest.find(marker).unwrap() + marker.len()..];
            // The first option is "choose"; the next one is the manager's only location.
            let rest = &rest[rest.find(marker).unwrap() + marker.len()..];
            rest[..rest.find('"').unwrap()].to_owned()
        };
        // An unknown code is refused first, next to the code field, in each language.
        for (language, words) in [
            ("en", "No product has the SKU or barcode “NO-SUCH-SKU-ŁÓDŹ”."),
            (
                "el",
                "Κανένα προϊόν δεν έχει τον κωδικό SKU ή τον γραμμωτό κώδικα «NO-SUCH-SKU-ŁÓDŹ».",
            ),
            (
                "pl",
                "Żaden produkt nie ma kodu SKU ani kodu kreskowego „NO-SUCH-SKU-ŁÓDŹ”.",
            ),
        ] {
            let fields = [
                ("location", location.as_str()),
                ("code", "NO-SUCH-SKU-ŁÓDŹ"),
                ("change", "0"),
                ("reason", "correction"),
                ("note", "typed <b>note</b>"),
            ];
            let page = refused_adjustment(&app, &client, &fields, language).await;
            assert!(
                page.contains(&format!(
                    "<p id=\"adjust-code-error\" class=\"field-error\">{words}</p>"
                )),
                "{language}: {page}"
            );
            assert!(page.contains("aria-describedby=\"adjust-code-error\""));
            assert!(page.contains("aria-invalid=\"true\""));
            assert!(page.contains("NO-SUCH-SKU-ŁÓDŹ"), "the typed code is kept");
            assert!(
                page.contains("typed &lt;b&gt;note&lt;/b&gt;"),
                "the note is kept, escaped"
            );
        }
        // With a real SKU the zero change is refused next to the change field, in each language.
        let sku = {
            let (_, stock) = get(&client, &app.url("/staff/inventory")).await;
            let marker = "class=\"sku\">";
            let start = stock.find(marker).expect("a SKU on the stock page") + marker.len();
            stock[start..start + stock[start..].find('<').unwrap()].to_owned()
        };
        let zero = [
            ("location", location.as_str()),
            ("code", sku.as_str()),
            ("change", "0"),
            ("reason", "correction"),
        ];
        for (language, words) in [
            ("en", "Enter how many units to add (+) or remove (−)."),
            (
                "el",
                "Εισαγάγετε πόσα τεμάχια προστίθενται (+) ή αφαιρούνται (−).",
            ),
            ("pl", "Wpisz, ile sztuk dodać (+) lub odjąć (−)."),
        ] {
            let page = refused_adjustment(&app, &client, &zero, language).await;
            assert!(
                page.contains(&format!(
                    "<p id=\"adjust-change-error\" class=\"field-error\">{words}</p>"
                )),
                "{language}: {page}"
            );
            assert!(page.contains("aria-describedby=\"adjust-change-error\""));
            assert!(page.contains(&format!("value=\"{sku}\"")), "the SKU is kept");
        }
        // Called from script, the same refusal is a 422 carrying the code, not English prose.
        let mut fields = zero.to_vec();
        let csrf = csrf_from(&form);
        fields.push(("csrf", csrf.as_str()));
        let r = client
            .post(app.url("/api/staff/inventory/adjust"))
            .header("Accept", "application/json")
            .header("Origin", format!("http://{}", app.addr))
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let body: serde_json::Value = serde_json::from_str(&r.text().await.unwrap()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"Validation": {"field": "change", "problem": {"code": "zero_change"}}})
        );
        app
    })
    .await;
}
