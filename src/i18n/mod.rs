//! Texts in the visitor's language: message catalogs (Project Fluent, one set of
//! `.ftl` files per language under `assets/locales/`, German as fallback, a city's
//! own files on top), and dates and times as people read them.
//!
//! Code asks for a message by id with [`t!`] (text) or [`m!`] (HTML, with markup
//! as arguments); a test checks that every id asked for exists in every catalog
//! with the same variables as in German.

pub mod dates;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use maud::{Markup, PreEscaped};

use crate::domain::Language;

/// The files under `assets/locales/`, built in, per language.
macro_rules! catalogs {
    ($($lang:ident $code:literal: [$($file:literal),*]),* $(,)?) => {
        &[$($(
            (Language::$lang, $file, include_str!(concat!("../../assets/locales/", $code, "/", $file))),
        )*)*]
    };
}

/// The embedded catalogs: `(language, file name, text)`. Every language has
/// every file, with the same messages (a test checks).
pub const EMBEDDED: &[(Language, &str, &str)] = catalogs![
    De "de": ["citizen.ftl", "mail.ftl", "legal.ftl", "errors.ftl", "staff.ftl", "validation.ftl"],
    En "en": ["citizen.ftl", "mail.ftl", "legal.ftl", "errors.ftl", "staff.ftl", "validation.ftl"],
    Uk "uk": ["citizen.ftl", "mail.ftl", "legal.ftl", "errors.ftl", "staff.ftl", "validation.ftl"],
    Tr "tr": ["citizen.ftl", "mail.ftl", "legal.ftl", "errors.ftl", "staff.ftl", "validation.ftl"],
    Ar "ar": ["citizen.ftl", "mail.ftl", "legal.ftl", "errors.ftl", "staff.ftl", "validation.ftl"],
];

/// The page in easy German (Leichte Sprache, BITV 2.0 § 4): German only.
pub const EASY_GERMAN: &str = include_str!("../../assets/locales/de/leichte-sprache.ftl");

/// The catalogs of every language, loaded once at start.
pub struct Catalogs {
    bundles: HashMap<Language, FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Catalogs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogs").finish_non_exhaustive()
    }
}

/// A catalog file that could not be read as Fluent.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {problem}")]
pub struct CatalogError {
    pub file: String,
    pub problem: String,
}

impl Catalogs {
    /// The catalogs built into the binary.
    pub fn embedded() -> Arc<Catalogs> {
        static EMBEDDED_CATALOGS: std::sync::OnceLock<Arc<Catalogs>> = std::sync::OnceLock::new();
        EMBEDDED_CATALOGS
            .get_or_init(|| {
                Arc::new(Catalogs::load(None).expect("the embedded catalogs are valid"))
            })
            .clone()
    }

    /// The embedded catalogs, with the messages of a city's own files on top:
    /// `{dir}/{language}/*.ftl`, each message replacing the one of the same id.
    pub fn load(overrides: Option<&Path>) -> Result<Catalogs, CatalogError> {
        let mut bundles = HashMap::new();
        for lang in Language::ALL {
            let mut bundle = FluentBundle::new_concurrent(vec![lang
                .as_str()
                .parse()
                .expect("a language code is a language identifier")]);
            // Pages isolate what visitors typed in <bdi> themselves; plain text
            // (subjects, calendar files) must not carry invisible marks.
            bundle.set_use_isolating(false);
            let easy = (lang == Language::De).then_some((lang, "leichte-sprache.ftl", EASY_GERMAN));
            for (_, file, text) in EMBEDDED
                .iter()
                .copied()
                .filter(|(l, _, _)| *l == lang)
                .chain(easy)
            {
                let resource = parse(text.to_string(), &format!("{}/{file}", lang.as_str()))?;
                bundle.add_resource(resource).map_err(|e| CatalogError {
                    file: format!("{}/{file}", lang.as_str()),
                    problem: format!("{e:?}"),
                })?;
            }
            if let Some(dir) = overrides {
                let folder = dir.join(lang.as_str());
                let mut files: Vec<_> = std::fs::read_dir(&folder)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                    .collect();
                files.sort();
                for path in files {
                    let name = path.display().to_string();
                    let text = std::fs::read_to_string(&path).map_err(|e| CatalogError {
                        file: name.clone(),
                        problem: e.to_string(),
                    })?;
                    bundle.add_resource_overriding(parse(text, &name)?);
                }
            }
            bundles.insert(lang, bundle);
        }
        Ok(Catalogs { bundles })
    }

    /// Format message `id` in `lang`, or in German where `lang` lacks it.
    fn format(&self, lang: Language, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for lang in [lang, Language::De] {
            let Some(bundle) = self.bundles.get(&lang) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::warn!(lang = lang.as_str(), id, ?errors, "formatting a message");
            }
            return text.into_owned();
        }
        tracing::warn!(id, "no catalog has this message");
        id.to_string()
    }
}

fn parse(text: String, file: &str) -> Result<FluentResource, CatalogError> {
    FluentResource::try_new(text).map_err(|(_, errors)| CatalogError {
        file: file.to_string(),
        problem: format!("{errors:?}"),
    })
}

/// A value for a message's variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(i64, i32, u32, u64, usize);

/// A value for a variable of a message shown as HTML: text (escaped) or markup.
#[derive(Debug, Clone)]
pub enum Part {
    Arg(Arg),
    Html(Markup),
}

impl<T: Into<Arg>> From<T> for Part {
    fn from(v: T) -> Part {
        Part::Arg(v.into())
    }
}

impl From<Markup> for Part {
    fn from(m: Markup) -> Part {
        Part::Html(m)
    }
}

/// The texts of one language.
#[derive(Debug, Clone)]
pub struct Texts {
    pub lang: Language,
    catalogs: Arc<Catalogs>,
}

/// Where markup goes in a formatted message: characters of the private use
/// area that no translation contains.
const MARK_OPEN: char = '\u{E000}';
const MARK_CLOSE: char = '\u{E001}';

impl Texts {
    pub fn new(lang: Language, catalogs: Arc<Catalogs>) -> Texts {
        Texts { lang, catalogs }
    }

    /// The same texts in another language.
    pub fn with_lang(&self, lang: Language) -> Texts {
        Texts {
            lang,
            catalogs: self.catalogs.clone(),
        }
    }

    pub fn catalogs(&self) -> &Arc<Catalogs> {
        &self.catalogs
    }

    /// "Montag, 30. November 2026".
    pub fn long_date(&self, d: chrono::NaiveDate) -> String {
        dates::long_date(d, self.lang)
    }

    /// "Dezember 2026".
    pub fn month_year(&self, d: chrono::NaiveDate) -> String {
        dates::month_year(d, self.lang)
    }

    /// "09:30 Uhr".
    pub fn time(&self, at: chrono::DateTime<chrono_tz::Tz>) -> String {
        crate::t!(self, "time-of-day", time = dates::time(at, self.lang))
    }

    /// "Montag, 30. November 2026, 09:30 Uhr".
    pub fn when(&self, at: chrono::DateTime<chrono_tz::Tz>) -> String {
        crate::t!(
            self,
            "date-time",
            date = dates::long_date(at.date_naive(), self.lang),
            time = self.time(at)
        )
    }

    /// The weekday's name, Monday = 0.
    pub fn weekday(&self, i: usize) -> &'static str {
        dates::weekday(i, self.lang)
    }

    /// The weekday's short name, Monday = 0.
    pub fn weekday_short(&self, i: usize) -> &'static str {
        dates::weekday_short(i, self.lang)
    }

    /// Message `id` as text.
    pub fn text(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let fluent = (!args.is_empty()).then(|| {
            let mut a = FluentArgs::new();
            for (k, v) in args {
                a.set(*k, value(v));
            }
            a
        });
        self.catalogs.format(self.lang, id, fluent.as_ref())
    }

    /// Message `id` as HTML: its text escaped, markup arguments in their place.
    pub fn markup(&self, id: &str, args: &[(&str, Part)]) -> Markup {
        let mut a = FluentArgs::new();
        let mut html = Vec::new();
        for (k, v) in args {
            match v {
                Part::Arg(arg) => a.set(*k, value(arg)),
                Part::Html(m) => {
                    a.set(*k, format!("{MARK_OPEN}{}{MARK_CLOSE}", html.len()));
                    html.push(m);
                }
            }
        }
        let text = self.catalogs.format(self.lang, id, Some(&a));
        let escaped = maud::html! { (text) }.into_string();
        let mut out = String::with_capacity(escaped.len());
        let mut rest = escaped.as_str();
        while let Some(open) = rest.find(MARK_OPEN) {
            out.push_str(&rest[..open]);
            let after = &rest[open + MARK_OPEN.len_utf8()..];
            let Some(close) = after.find(MARK_CLOSE) else {
                break;
            };
            match after[..close]
                .parse::<usize>()
                .ok()
                .and_then(|i| html.get(i))
            {
                Some(m) => out.push_str(&m.0),
                None => out.push_str(&after[..close]),
            }
            rest = &after[close + MARK_CLOSE.len_utf8()..];
        }
        out.push_str(rest);
        PreEscaped(out)
    }
}

fn value(arg: &Arg) -> FluentValue<'static> {
    match arg {
        Arg::Text(s) => FluentValue::from(s.clone()),
        Arg::Number(n) => FluentValue::from(*n),
    }
}

/// A message said where its reader's language is not known yet (a mistake in
/// an office file, found by the domain): its id and variables, put into words
/// by [`Texts::message`] for a page, or in English by [`Message::english`] for
/// the command line and the API. Made with [`msg!`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// The message in English, from the built-in catalog.
    pub fn english(&self) -> String {
        Texts::new(Language::En, Catalogs::embedded()).message(self)
    }
}

impl Texts {
    /// A [`Message`] in these texts' language.
    pub fn message(&self, m: &Message) -> String {
        self.text(m.id, &m.args)
    }
}

/// A message to be put into words later: `msg!("id")` or `msg!("id", name = value, …)`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::i18n::Message {
            id: $id,
            args: vec![$((stringify!($k), $crate::i18n::Arg::from($v))),*],
        }
    };
}

/// A message as text: `t!(texts, "id")` or `t!(texts, "id", name = value, …)`.
#[macro_export]
macro_rules! t {
    ($t:expr, $id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $t.text($id, &[$((stringify!($k), $crate::i18n::Arg::from($v))),*])
    };
}

/// A message as HTML, with markup or text as its variables:
/// `m!(texts, "id", email = html! { strong { (email) } })`.
#[macro_export]
macro_rules! m {
    ($t:expr, $id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $t.markup($id, &[$((stringify!($k), $crate::i18n::Part::from($v))),*])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lang: Language, ftl: &str) -> Texts {
        let dir =
            std::env::temp_dir().join(format!("termin-ftl-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(dir.join(lang.as_str())).unwrap();
        std::fs::write(dir.join(lang.as_str()).join("test.ftl"), ftl).unwrap();
        let catalogs = Catalogs::load(Some(&dir)).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        Texts::new(lang, Arc::new(catalogs))
    }

    #[test]
    fn markup_goes_in_its_place_and_text_is_escaped() {
        let t = texts(
            Language::De,
            "x-test = Mail an { $email } & <Sie>, { $n } Stück\n",
        );
        let m = t.markup(
            "x-test",
            &[
                ("email", Part::Html(maud::html! { strong { "a@b.de" } })),
                ("n", Part::from(3)),
            ],
        );
        assert_eq!(
            m.into_string(),
            "Mail an <strong>a@b.de</strong> &amp; &lt;Sie&gt;, 3 Stück"
        );
    }

    #[test]
    fn a_citys_file_replaces_a_message_and_german_fills_gaps() {
        let t = texts(Language::En, "x-only-here = Ours\n");
        assert_eq!(t.text("x-only-here", &[]), "Ours");
        // A message the override does not name keeps the embedded text.
        assert_ne!(t.text("home-title", &[]), "home-title");
        assert_eq!(t.text("no-such-message", &[]), "no-such-message");
    }
}
