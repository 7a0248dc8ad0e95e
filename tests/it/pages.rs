//! The citizen pages through the real router: languages and the pages a public service owes.

use axum::http::StatusCode;

use crate::support::{Db, TestApp};

fn html_lang(text: &str) -> &str {
    let at = text
        .find("<html lang=\"")
        .expect("an html element with lang")
        + 12;
    &text[at..at + 2]
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
        assert_eq!(text.matches("<h1>").count(), 1, "{path}");
        assert_eq!(html_lang(text), "de", "{path}");
        for link in [
            "href=\"/privacy\"",
            "href=\"/accessibility\"",
            "href=\"/imprint\"",
        ] {
            assert!(text.contains(link), "{path} links {link}");
        }
        assert!(!text.contains("<script"), "{path} needs no script");
        assert!(text.len() < 30_000, "{path} is small");
    }
    let missing = t.request("GET", &missing, None, &[]).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.text.contains("Termin nicht gefunden"));
    db.drop().await;
}

#[tokio::test]
async fn the_language_follows_the_browser_until_the_visitor_chooses() {
    let db = Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    let english_browser = [("accept-language", "en-GB,en;q=0.9,de;q=0.5")];
    let page = t.request("GET", "/privacy", None, &english_browser).await;
    assert_eq!(html_lang(&page.text), "en");
    assert!(page.text.contains("Privacy notice"));
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
    assert!(again.text.contains("Impressum"));
    // The switch links to the same page in the other language.
    assert!(again.text.contains("href=\"/imprint?lang=en\""));
    db.drop().await;
}
