//! The citizen pages through the real router: languages and the pages a public service owes.

use axum::http::StatusCode;

use crate::support::{attrs, select, Db, TestApp};

fn html_lang(text: &str) -> String {
    attrs(text, "html", "lang").remove(0)
}

#[tokio::test]
async fn every_page_has_one_heading_its_language_and_the_legal_links() {
    let db = Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    let missing = format!("/b/{}", "0".repeat(64));
    for path in [
        "/",
        "/privacy",
        "/accessibility",
        "/imprint",
        missing.as_str(),
    ] {
        let page = t.request("GET", path, None, &[]).await;
        let text = &page.text;
        assert_eq!(select(text, "h1").len(), 1, "{path}");
        assert_eq!(html_lang(text), "de", "{path}");
        let footer = attrs(text, "footer a", "href");
        for link in ["/privacy", "/accessibility", "/imprint"] {
            assert!(footer.iter().any(|h| h == link), "{path} links {link}");
        }
        assert!(select(text, "script").is_empty(), "{path} needs no script");
        assert!(text.len() < 30_000, "{path} is small");
    }
    let missing = t.request("GET", &missing, None, &[]).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(select(&missing.text, "h1"), ["Termin nicht gefunden"]);
    db.drop().await;
}

#[tokio::test]
async fn the_language_follows_the_browser_until_the_visitor_chooses() {
    let db = Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    let english_browser = [("accept-language", "en-GB,en;q=0.9,de;q=0.5")];
    let page = t.request("GET", "/privacy", None, &english_browser).await;
    assert_eq!(html_lang(&page.text), "en");
    assert_eq!(select(&page.text, "h1"), ["Privacy notice"]);
    assert!(
        page.headers.get("set-cookie").is_none(),
        "nothing is stored unasked"
    );

    // Choosing German by the link is remembered in a cookie that holds only the language.
    let chosen = t
        .request("GET", "/privacy?lang=de", None, &english_browser)
        .await;
    assert_eq!(html_lang(&chosen.text), "de");
    let cookie = chosen.headers["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("lang=de;"), "{cookie}");
    let pair = cookie.split(';').next().unwrap();
    let again = t
        .request(
            "GET",
            "/imprint",
            None,
            &[("accept-language", "en"), ("cookie", pair)],
        )
        .await;
    assert_eq!(html_lang(&again.text), "de");
    assert_eq!(select(&again.text, "h1"), ["Impressum"]);
    // The switch links to the same page in the other language.
    assert!(attrs(&again.text, "header a.lang", "href").contains(&"/imprint?lang=en".to_string()));
    db.drop().await;
}

#[tokio::test]
async fn a_visitor_who_asks_too_often_gets_a_page_that_says_when_to_try_again() {
    let db = Db::sqlite().await;
    let t = TestApp::with_config(db.store.clone(), termin::config::Config::default()).await;
    let page = format!("/b/{}?lang=en", "0".repeat(64));
    let mut last = None;
    for _ in 0..40 {
        let a = t.request("GET", &page, None, &[]).await;
        if a.status == StatusCode::TOO_MANY_REQUESTS {
            last = Some(a);
            break;
        }
    }
    let limited = last.expect("the token pages are rate limited");
    let wait: u64 = limited.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(wait >= 1);
    assert_eq!(html_lang(&limited.text), "en");
    assert!(
        limited.text.contains("Please wait a moment"),
        "{}",
        limited.text
    );
    assert!(limited.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    db.drop().await;
}
