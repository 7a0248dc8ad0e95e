//! The page language: chosen by a link (`?lang=en`) and remembered in a cookie that
//! holds nothing but the language, else from the browser's `Accept-Language`, else German.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use axum::middleware::Next;
use axum::response::Response;

use super::AppState;
use crate::domain::Language;

/// The language a page is shown in, and whether the visitor chose it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLang {
    pub lang: Language,
    pub chosen: bool,
}

fn from_query(query: Option<&str>) -> Option<Language> {
    query?
        .split('&')
        .filter_map(|pair| pair.strip_prefix("lang="))
        .find_map(Language::parse)
}

fn from_cookie(headers: &HeaderMap) -> Option<Language> {
    super::csrf::cookie(headers, "lang").and_then(Language::parse)
}

/// The first of our languages in `Accept-Language`, by the browser's order of preference.
pub fn from_accept_language(headers: &HeaderMap) -> Option<Language> {
    let value = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    let mut ranked: Vec<(f32, usize, Language)> = value
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut bits = part.trim().split(';');
            let tag = bits.next()?.trim().to_ascii_lowercase();
            let q = bits
                .find_map(|b| {
                    b.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            let primary = tag.split('-').next()?;
            Language::parse(primary)
                .filter(|_| q > 0.0)
                .map(|l| (q, i, l))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.first().map(|r| r.2)
}

impl PageLang {
    pub fn of(parts_query: Option<&str>, headers: &HeaderMap) -> PageLang {
        if let Some(lang) = from_query(parts_query).or_else(|| from_cookie(headers)) {
            return PageLang { lang, chosen: true };
        }
        PageLang {
            lang: from_accept_language(headers).unwrap_or_default(),
            chosen: false,
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for PageLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(PageLang::of(parts.uri.query(), &parts.headers))
    }
}

/// Remember a language chosen by a link, for a year; the cookie holds only the language's code.
pub async fn remember(State(s): State<AppState>, request: Request, next: Next) -> Response {
    let chosen = from_query(request.uri().query());
    let mut response = next.run(request).await;
    if let Some(lang) = chosen {
        super::csrf::set_cookie(
            &mut response,
            "lang",
            lang.as_str(),
            Some(31_536_000),
            s.secure_cookies(),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(accept: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_LANGUAGE, accept.parse().unwrap());
        h
    }

    #[test]
    fn accept_language_is_read_by_preference() {
        assert_eq!(
            from_accept_language(&headers("en-GB,en;q=0.9,de;q=0.8")),
            Some(Language::En)
        );
        assert_eq!(
            from_accept_language(&headers("fr-FR, de;q=0.5, en;q=0.4")),
            Some(Language::De)
        );
        assert_eq!(
            from_accept_language(&headers("de;q=0.3, en;q=0.7")),
            Some(Language::En)
        );
        assert_eq!(from_accept_language(&headers("fr, it")), None);
        assert_eq!(from_accept_language(&headers("en;q=0")), None);
    }

    #[test]
    fn a_chosen_language_wins_over_the_browser() {
        let mut h = headers("de");
        h.insert(header::COOKIE, "x=1; lang=en".parse().unwrap());
        assert_eq!(
            PageLang::of(None, &h),
            PageLang {
                lang: Language::En,
                chosen: true
            }
        );
        assert_eq!(
            PageLang::of(Some("lang=de"), &h),
            PageLang {
                lang: Language::De,
                chosen: true
            }
        );
        assert_eq!(
            PageLang::of(None, &headers("en")),
            PageLang {
                lang: Language::En,
                chosen: false
            }
        );
    }
}
