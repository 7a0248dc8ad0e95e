//! Arbitrary input for the parsers and the booking endpoint (see tests/fuzz/README.md):
//! nothing panics, what parses reads back the same, and the API answers bad
//! bodies with a 4xx, never a 5xx.

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value};

use termin::domain::officefile;
use termin::domain::BookingCode;
use termin::web::form::Fields;

const DEMO: &str = include_str!("../../src/demo.toml");
const FORMS: &str = include_str!("../fuzz/seeds/forms.txt");
const CODES: &str = include_str!("../fuzz/seeds/codes.txt");

fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..Config::default()
    }
}

/// `seed` with up to eight random edits: a character inserted, deleted or replaced.
fn edited(seed: &'static str) -> impl Strategy<Value = String> {
    let edit = (any::<prop::sample::Index>(), 0u8..3, any::<char>());
    prop::collection::vec(edit, 0..8).prop_map(move |edits| {
        let mut chars: Vec<char> = seed.chars().collect();
        for (at, kind, c) in edits {
            let i = at.index(chars.len().max(1)).min(chars.len());
            match kind {
                0 => chars.insert(i, c),
                1 if i < chars.len() => {
                    chars.remove(i);
                }
                _ if i < chars.len() => chars[i] = c,
                _ => chars.push(c),
            }
        }
        chars.into_iter().collect()
    })
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn the_office_file_parser_never_panics_and_what_it_reads_renders_back(source in edited(DEMO)) {
        if let Ok(offices) = officefile::parse(&source) {
            let again = officefile::parse(&officefile::render(&offices));
            prop_assert_eq!(again.ok(), Some(offices));
        }
    }

    #[test]
    fn the_office_file_parser_never_panics_on_any_text(source in any::<String>()) {
        let _ = officefile::parse(&source);
    }
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn the_form_decoder_never_panics(raw in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(fields) = Fields::parse(&raw) {
            let _ = fields.wish();
            let _ = fields.all("service");
        }
    }

    #[test]
    fn the_seed_forms_with_edits_decode_or_are_refused(line in prop::sample::select(FORMS.lines().collect::<Vec<_>>()), edits in edited("")) {
        let raw = format!("{line}{edits}");
        if let Ok(fields) = Fields::parse(raw.as_bytes()) {
            let _ = fields.wish();
        }
    }

    #[test]
    fn booking_codes_as_typed_never_panic(typed in any::<String>(), seed in prop::sample::select(CODES.lines().collect::<Vec<_>>())) {
        let _ = BookingCode::parse(&typed);
        let _ = BookingCode::parse(&format!("{seed}{typed}"));
    }

    #[test]
    fn a_code_reads_back_and_one_wrong_character_is_caught(at in 0usize..11, with in prop::sample::select("0123456789ABCDEFGHJKMNPQRSTVWXYZ".chars().collect::<Vec<_>>())) {
        let code = BookingCode::random();
        let shown = code.display();
        let read = BookingCode::parse(&shown).unwrap();
        prop_assert_eq!(read.as_str(), code.as_str());
        let lower = BookingCode::parse(&shown.to_lowercase()).unwrap();
        prop_assert_eq!(lower.as_str(), code.as_str());
        let mut chars: Vec<char> = shown.chars().collect();
        if chars[at] != '-' && chars[at] != with {
            chars[at] = with;
            let typo: String = chars.into_iter().collect();
            prop_assert!(BookingCode::parse(&typo).is_err(), "{} passed for {}", typo, shown);
        }
    }
}

/// Any JSON value, a few levels deep, with strings that look like what a booking carries.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        any::<String>().prop_map(Value::from),
        prop::sample::select(vec![
            "test",
            "anmeldung",
            "ausweis",
            "2026-12-02T09:00:00+01:00",
            "anna@example.org",
            "de",
            "ar"
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "office", "services", "persons", "start", "name", "email", "phone", "language",
                    "x"
                ]),
                inner,
                0..8,
            )
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

/// The booking endpoint through the real router: whatever the body, a 201 or a 4xx.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_booking_endpoint_answers_any_body_below_500() {
    let db = crate::support::Db::sqlite().await;
    let t = crate::support::TestApp::new(db.store.clone()).await;
    let mut runner = TestRunner::new(config(300));
    let mut bodies = Vec::new();
    for _ in 0..runner.config().cases {
        let tree = json_value().new_tree(&mut runner).unwrap();
        bodies.push(tree.current());
    }
    // A few that are almost right.
    let good = crate::support::booking_body("2026-12-02T09:00:00+01:00", "anna@example.org");
    for (k, v) in [
        ("persons", json!(0)),
        ("persons", json!(1e9)),
        ("start", json!("2026-13-40T99:00:00Z")),
        ("services", json!([])),
    ] {
        let mut b = good.clone();
        b[k] = v;
        bodies.push(b);
    }
    for body in bodies {
        let a = t
            .request("POST", "/api/v1/bookings", Some(body.to_string()), &[])
            .await;
        assert!(
            a.status.as_u16() < 500,
            "{} for {body}: {}",
            a.status,
            a.text
        );
    }
    let raw = t
        .request(
            "POST",
            "/api/v1/bookings",
            Some("{\"office\": \"te".into()),
            &[],
        )
        .await;
    assert_eq!(raw.status.as_u16(), 400, "{}", raw.text);
    db.drop().await;
}
