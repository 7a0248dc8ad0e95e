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
        "/leichte-sprache",
        missing.as_str(),
    ] {
        let page = t.request("GET", path, None, &[]).await;
        let text = &page.text;
        assert_eq!(select(text, "h1").len(), 1, "{path}");
        assert_eq!(html_lang(text), "de", "{path}");
        let footer = attrs(text, "footer a", "href");
        for link in ["/privacy", "/accessibility", "/imprint", "/leichte-sprache"] {
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
    // The switch links to the same page in the other languages.
    assert!(attrs(&again.text, "header nav a", "href").contains(&"/imprint?lang=en".to_string()));
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

#[tokio::test]
async fn every_page_offers_all_five_languages_each_by_its_own_name() {
    let db = Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    for path in ["/", "/o/test", "/privacy", "/no/such/page"] {
        let page = t
            .request("GET", path, None, &[("accept-language", "tr")])
            .await;
        let names = select(&page.text, "nav.langs li");
        assert_eq!(
            names,
            ["Deutsch", "English", "Українська", "Türkçe", "العربية"],
            "{path}"
        );
        assert_eq!(
            select(&page.text, "nav.langs [aria-current]"),
            ["Türkçe"],
            "{path}"
        );
        let links = attrs(&page.text, "nav.langs a", "hreflang");
        assert_eq!(links, ["de", "en", "uk", "ar"], "{path}");
        assert_eq!(attrs(&page.text, "nav.langs a", "lang"), links, "{path}");
    }
    db.drop().await;
}

#[tokio::test]
async fn each_language_is_chosen_by_link_cookie_or_browser_and_anything_else_is_german() {
    let db = Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    for (code, heading) in [
        ("de", "Termin buchen"),
        ("en", "Book an appointment"),
        ("uk", "Записатися на прийом"),
        ("tr", "Randevu al"),
        ("ar", "حجز موعد"),
    ] {
        let chosen = t.request("GET", &format!("/?lang={code}"), None, &[]).await;
        assert_eq!(html_lang(&chosen.text), code);
        assert_eq!(select(&chosen.text, "h1"), [heading]);
        let cookie = chosen.headers["set-cookie"].to_str().unwrap().to_string();
        assert!(cookie.starts_with(&format!("lang={code};")), "{cookie}");
        let pair = cookie.split(';').next().unwrap().to_string();
        let again = t.request("GET", "/", None, &[("cookie", &pair)]).await;
        assert_eq!(html_lang(&again.text), code);
    }
    for (accept, code) in [
        ("uk-UA,uk;q=0.9,en;q=0.5", "uk"),
        ("tr-TR", "tr"),
        ("ar-SY,ar;q=0.8", "ar"),
        ("fr-FR, en;q=0.3", "en"),
    ] {
        let page = t
            .request("GET", "/", None, &[("accept-language", accept)])
            .await;
        assert_eq!(html_lang(&page.text), code, "{accept}");
    }
    // Arabic reads right to left; the others left to right.
    let ar = t.request("GET", "/?lang=ar", None, &[]).await;
    assert_eq!(attrs(&ar.text, "html", "dir"), ["rtl"]);
    let de = t.request("GET", "/", None, &[]).await;
    assert_eq!(attrs(&de.text, "html", "dir"), ["ltr"]);
    // An unknown language or a malformed header: German, never an error.
    for (query, header) in [
        ("/?lang=xx", "de"),
        ("/?lang=", "de"),
        ("/", ";;;q=abc, *, =="),
        ("/", "de;q=xyz,,,en;q"),
    ] {
        let page = t
            .request("GET", query, None, &[("accept-language", header)])
            .await;
        assert_eq!(page.status, StatusCode::OK, "{query} {header}");
        assert_eq!(html_lang(&page.text), "de", "{query} {header}");
        assert!(
            page.headers.get("set-cookie").is_none(),
            "{query}: nothing to remember"
        );
    }
    db.drop().await;
}

#[tokio::test]
async fn the_layout_mirrors_by_logical_properties_only() {
    let css = include_str!("../../assets/site.css");
    for physical in [
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "border-left",
        "border-right",
        "float:",
        "text-align: left",
        "text-align: right",
        " left:",
        " right:",
    ] {
        assert!(!css.contains(physical), "site.css uses {physical}");
    }
}

#[tokio::test]
async fn the_easy_german_page_explains_the_service_and_links_the_sign_language_video_only_when_there_is_one(
) {
    let db = Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    let page = t
        .request("GET", "/leichte-sprache?lang=ar", None, &[])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        html_lang(&page.text),
        "de",
        "easy German is German, whatever the visitor reads"
    );
    let headings = select(&page.text, "h2");
    assert!(headings.len() >= 6, "{headings:?}");
    assert!(select(&page.text, "main p").len() > 40);
    assert!(page.text.contains("kontakt@localhost"), "where to get help");
    assert!(select(&page.text, "main a")
        .iter()
        .all(|a| !a.contains("Gebärden")));
    // Nothing from another host: no images, scripts or frames at all.
    assert!(select(&page.text, "img, script, iframe, video, object").is_empty());
    let with_video = TestApp::with_config(
        db.store.clone(),
        termin::config::Config {
            rate_limits: false,
            sign_language_url: Some("https://video.stadt.example/dgs/termine".into()),
            ..termin::config::Config::default()
        },
    )
    .await;
    let page = with_video
        .request("GET", "/leichte-sprache", None, &[])
        .await;
    assert!(attrs(&page.text, "main a", "href")
        .contains(&"https://video.stadt.example/dgs/termine".to_string()));
    assert!(select(&page.text, "img, script, iframe, video, object").is_empty());
    db.drop().await;
}

#[tokio::test]
async fn a_citys_own_files_replace_messages_without_rebuilding() {
    let db = Db::sqlite().await;
    let dir = crate::support::scratch_dir();
    std::fs::create_dir_all(dir.join("de")).unwrap();
    std::fs::write(
        dir.join("de").join("stadt.ftl"),
        "home-title = Termin im Rathaus buchen\n",
    )
    .unwrap();
    let t = TestApp::with_config(
        db.store.clone(),
        termin::config::Config {
            rate_limits: false,
            locales_dir: Some(dir.clone()),
            ..termin::config::Config::default()
        },
    )
    .await;
    let page = t.request("GET", "/", None, &[]).await;
    assert_eq!(select(&page.text, "h1"), ["Termin im Rathaus buchen"]);
    let english = t.request("GET", "/?lang=en", None, &[]).await;
    assert_eq!(select(&english.text, "h1"), ["Book an appointment"]);
    let _ = std::fs::remove_dir_all(dir);
    db.drop().await;
}

#[tokio::test]
async fn a_bookings_language_is_any_of_the_five_and_its_mails_follow_it() {
    let db = Db::sqlite().await;
    let t = TestApp::new(db.store.clone()).await;
    for (code, subject) in [("uk", "підтвердіть"), ("tr", "onay"), ("ar", "تأكيد")]
    {
        let mut body = crate::support::booking_body(
            "2026-12-02T09:00:00+01:00",
            &format!("{code}@example.org"),
        );
        body["language"] = serde_json::json!(code);
        let created = t.call("POST", "/api/v1/bookings", Some(&body)).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        let mail = crate::support::read_mail(t.deliver().await.last().unwrap());
        assert!(
            mail.subject.to_lowercase().contains(subject),
            "{code}: {}",
            mail.subject
        );
        let token = crate::support::token_in(&mail);
        let read = t
            .call("GET", &format!("/api/v1/bookings/{token}"), None)
            .await;
        assert_eq!(read.json["language"], code);
        // Its page opens in its language.
        let page = t.request("GET", &format!("/b/{token}"), None, &[]).await;
        assert_eq!(html_lang(&page.text), code);
        t.call("DELETE", &format!("/api/v1/bookings/{token}"), None)
            .await;
    }
    let mut body = crate::support::booking_body("2026-12-02T09:00:00+01:00", "fr@example.org");
    body["language"] = serde_json::json!("fr");
    let refused = t.call("POST", "/api/v1/bookings", Some(&body)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.json["fields"][0]["field"], "language");
    assert!(refused.json["fields"][0]["message"]
        .as_str()
        .unwrap()
        .contains("\"ar\""));
    db.drop().await;
}
