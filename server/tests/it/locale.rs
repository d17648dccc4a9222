//! The language switcher's cookie: staff pages (no locale prefix) speak the language it names
//! before `Accept-Language`, and `/locale` sets it.

use crate::common::*;

/// The `lang` of a page's `<html>`.
fn html_lang(html: &str) -> &str {
    let marker = "<html lang=\"";
    let start = html.find(marker).expect("an <html lang>") + marker.len();
    let end = html[start..].find('"').unwrap() + start;
    &html[start..end]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_pages_speak_the_language_of_the_switchers_cookie() {
    for backend in backends() {
        let testdb = TestDb::new(backend, false).await;
        let app = TestApp::start(&testdb).await;
        let plain = reqwest::Client::new();
        let page = |cookie: Option<&'static str>, accept: Option<&'static str>| {
            let plain = plain.clone();
            let url = app.url("/staff/signin");
            async move {
                let mut r = plain.get(url);
                if let Some(c) = cookie {
                    r = r.header("Cookie", c);
                }
                if let Some(a) = accept {
                    r = r.header("Accept-Language", a);
                }
                let r = r.send().await.unwrap();
                assert_eq!(r.status(), 200);
                r.text().await.unwrap()
            }
        };

        // The cookie decides, before Accept-Language; an unknown value is ignored.
        assert_eq!(html_lang(&page(Some("stoa_locale=el"), None).await), "el");
        assert_eq!(
            html_lang(&page(Some("a=1; stoa_locale=el"), Some("pl,en;q=0.5")).await),
            "el"
        );
        assert_eq!(
            html_lang(&page(Some("stoa_locale=xx"), Some("pl")).await),
            "pl"
        );
        assert_eq!(html_lang(&page(None, None).await), "en");

        // The switcher's endpoint sets the cookie and sends the browser back in that language.
        let client = app.client();
        let r = client
            .get(app.url("/locale?to=el&back=%2Fsearch%3Fq%3Dkurtka"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        assert_eq!(r.headers()["location"], "/el/search?q=kurtka");
        let set = r.headers()["set-cookie"].to_str().unwrap().to_owned();
        assert!(set.starts_with("stoa_locale=el;"), "{set}");
        assert!(set.contains("Path=/") && set.contains("HttpOnly"), "{set}");
        let (_, staff) = get(&client, &app.url("/staff/signin")).await;
        assert_eq!(html_lang(&staff), "el");

        // Switching to English from a Greek page: the address loses its prefix, and pages
        // without one (staff pages, the shop reached without a prefix) follow the choice even
        // with a Greek Accept-Language.
        let r = client
            .get(app.url("/locale?to=en&back=%2Fel%2Fc%2Fx"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.headers()["location"], "/c/x");
        for path in ["/staff/signin", "/"] {
            let r = client
                .get(app.url(path))
                .header("Accept-Language", "el")
                .send()
                .await
                .unwrap();
            assert_eq!(html_lang(&r.text().await.unwrap()), "en", "{path}");
        }

        // Only paths on this site, and only header-safe text, go into the redirect.
        for (back, location) in [
            ("%2F%2Fevil.example%2Fx", "/pl/evil.example/x"),
            ("https%3A%2F%2Fevil.example", "/pl/https://evil.example"),
            (
                "%2Fx%0D%0ASet-Cookie%3A+a%3Db",
                "/pl/x%0D%0ASet-Cookie:%20a=b",
            ),
            ("%2Fstaff%2Fsettings", "/staff/settings"),
        ] {
            let r = client
                .get(app.url(&format!("/locale?to=pl&back={back}")))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 303, "{back}");
            assert_eq!(r.headers()["location"], location, "{back}");
        }
        let r = client
            .get(app.url("/locale?to=xx&back=%2F"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);

        app.stop().await;
    }
}
