//! Each request runs as its own visitor: under concurrent load a server function never sees
//! another request's session (leptos_axum nests a server function's reactive owner under
//! whatever owner is current on the worker thread), and a malformed server-function request is
//! a 4xx with a reason.

use crate::common::{csrf_from, get, sign_in, Backend, TestApp, TestDb};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_requests_keep_their_own_session() {
    let testdb = TestDb::new(Backend::Sqlite, true).await;
    let app = TestApp::start(&testdb).await;
    let owner = app.client();
    let manager = app.client();
    assert_eq!(
        sign_in(
            &app,
            &owner,
            "owner@stoa.test",
            &app.demo_password("owner@stoa.test")
        )
        .await
        .0,
        303
    );
    assert_eq!(
        sign_in(
            &app,
            &manager,
            "manager.athens@stoa.test",
            &app.demo_password("manager.athens@stoa.test")
        )
        .await
        .0,
        303
    );

    let mut tasks = Vec::new();
    for i in 0..40 {
        let (owner, manager) = (owner.clone(), manager.clone());
        let (page, api) = (
            app.url(if i % 2 == 0 {
                "/staff"
            } else {
                "/staff/inventory"
            }),
            app.url("/api/staff/home"),
        );
        tasks.push(tokio::spawn(async move {
            let mut wrong = 0;
            for _ in 0..5 {
                // The owner renders pages while the manager calls a server function.
                let (rendered, called) = tokio::join!(get(&owner, &page), get(&manager, &api));
                assert_eq!(rendered.0, 200);
                assert_eq!(called.0, 200, "{}", called.1);
                if !called.1.contains("manager.athens@stoa.test") {
                    wrong += 1;
                }
            }
            wrong
        }));
    }
    let mut wrong = 0;
    for t in tasks {
        wrong += t.await.unwrap();
    }
    assert_eq!(
        wrong, 0,
        "server functions ran with another visitor's session"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_server_function_request_is_a_4xx_with_a_reason() {
    let testdb = TestDb::new(Backend::Sqlite, true).await;
    let app = TestApp::start(&testdb).await;
    let owner = app.client();
    sign_in(
        &app,
        &owner,
        "owner@stoa.test",
        &app.demo_password("owner@stoa.test"),
    )
    .await;
    let (_, page) = get(&owner, &app.url("/staff/inventory")).await;
    let csrf = csrf_from(&page);
    for body in ["received=5", "id=not-a-number", "", "%%%"] {
        let r = owner
            .post(app.url("/api/staff/inventory/transfer-receive"))
            .header("Origin", format!("http://{}", app.addr))
            .header("X-CSRF-Token", &csrf)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        let text = r.text().await.unwrap();
        assert!((400..500).contains(&status), "{body:?} → {status}: {text}");
        if body == "received=5" {
            assert!(text.contains("malformed"), "{body:?} → {text}");
        }
    }
    app.stop().await;
}
