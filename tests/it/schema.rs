//! The two backends' migrations stay in step.

use std::collections::BTreeSet;

fn names(dir: &str) -> BTreeSet<String> {
    std::fs::read_dir(format!("{}/migrations/{dir}", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn sqlite_and_postgres_migrations_have_the_same_numbers_and_names() {
    let sqlite = names("sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, names("postgres"));
}

#[test]
fn the_demo_offices_are_a_valid_office_file() {
    let offices = termin::domain::officefile::parse(termin::DEMO_OFFICES).unwrap();
    let mitte = offices.iter().find(|o| o.id == "mitte").unwrap();
    let counters: Vec<&str> = mitte.counters.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(counters, ["stadtamt", "kfz", "bewohnerparken"]);
    for c in &mitte.counters {
        let desks: u32 = c.hours.iter().map(|h| h.desks).sum();
        let online: u32 = c.hours.iter().map(|h| h.online).sum();
        assert!(online < desks, "{}: some desks stay for walk-ins", c.id);
    }
    assert_eq!(offices.len(), 2);
    assert_eq!(offices[1].counters.len(), 1);
}
