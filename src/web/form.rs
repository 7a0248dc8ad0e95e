//! Form fields and query parameters of the pages, read strictly: a value whose
//! bytes are not UTF-8 is refused (422) instead of being turned into "�" and
//! stored, and a body that is not a url-encoded form is refused (415).

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use super::page::PageError;
use crate::booking::Wish;
use crate::views::errors::Problem;

/// The most a page form may send.
pub const FORM_LIMIT: usize = 16 * 1024;

/// Form fields or query parameters, repeated names kept (`service=a&service=b`).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Fields(Vec<(String, String)>);

/// A form or query whose bytes are not text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotText;

impl Fields {
    /// Decode `application/x-www-form-urlencoded` bytes: `+` is a space, `%XX`
    /// a byte (a `%` not followed by two hex digits stays as it is, as browsers
    /// read it); the bytes of each name and value must be UTF-8.
    pub fn parse(raw: &[u8]) -> Result<Fields, NotText> {
        raw.split(|b| *b == b'&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = match pair.iter().position(|b| *b == b'=') {
                    Some(at) => (&pair[..at], &pair[at + 1..]),
                    None => (pair, &[][..]),
                };
                Ok((decode(name)?, decode(value)?))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Fields)
    }

    /// Every name and value, in the order sent.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a repeated name (`counter=s&counter=k`), empty ones left out.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, v)| k == name && !v.is_empty())
            .map(|(_, v)| v.clone())
            .collect()
    }

    pub fn wish(&self) -> Wish {
        Wish {
            services: self
                .0
                .iter()
                .filter(|(k, _)| k == "service")
                .map(|(_, v)| v.clone())
                .collect(),
            persons: self
                .get("persons")
                .and_then(|p| p.trim().parse().ok())
                .unwrap_or(0),
        }
    }
}

fn decode(s: &[u8]) -> Result<String, NotText> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < s.len() => match (hex(s[i + 1]), hex(s[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| NotText)
}

fn not_text() -> Response {
    PageError::new(StatusCode::UNPROCESSABLE_ENTITY, Problem::NotText).into_response()
}

fn status(code: StatusCode) -> Response {
    PageError::new(code, Problem::Status(code.as_u16())).into_response()
}

/// The fields of a page form (a url-encoded POST body).
pub struct FormFields(pub Fields);

impl<S: Send + Sync> FromRequest<S> for FormFields {
    type Rejection = Response;

    async fn from_request(req: Request, _: &S) -> Result<Self, Self::Rejection> {
        form_of(req, FORM_LIMIT).await.map(FormFields)
    }
}

/// The fields of a long page form: the plan editor's, with a field for every
/// window, exception and service of an office (up to 256 KiB).
pub struct LongFormFields(pub Fields);

impl<S: Send + Sync> FromRequest<S> for LongFormFields {
    type Rejection = Response;

    async fn from_request(req: Request, _: &S) -> Result<Self, Self::Rejection> {
        form_of(req, 16 * FORM_LIMIT).await.map(LongFormFields)
    }
}

async fn form_of(req: Request, limit: usize) -> Result<Fields, Response> {
    {
        let is_form = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|v| {
                v.trim()
                    .eq_ignore_ascii_case("application/x-www-form-urlencoded")
            });
        if !is_form {
            return Err(status(StatusCode::UNSUPPORTED_MEDIA_TYPE));
        }
        let body = axum::body::to_bytes(req.into_body(), limit)
            .await
            .map_err(|_| status(StatusCode::PAYLOAD_TOO_LARGE))?;
        Fields::parse(&body).map_err(|_| not_text())
    }
}

/// The query parameters of a page.
pub struct QueryFields(pub Fields);

impl<S: Send + Sync> FromRequestParts<S> for QueryFields {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        Fields::parse(query.as_bytes())
            .map(QueryFields)
            .map_err(|_| not_text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_decoded_as_browsers_encode_them() {
        let f = Fields::parse(
            b"name=J%C3%BCrgen+M%C3%BCller&service=a&service=b&empty=&bare&pct=100%&x=%zz",
        )
        .unwrap();
        assert_eq!(f.get("name"), Some("Jürgen Müller"));
        assert_eq!(f.wish().services, ["a", "b"]);
        assert_eq!(f.get("empty"), Some(""));
        assert_eq!(f.get("bare"), Some(""));
        assert_eq!(f.get("pct"), Some("100%"));
        assert_eq!(f.get("x"), Some("%zz"));
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused() {
        assert_eq!(Fields::parse(b"name=%FF%FE"), Err(NotText));
        assert_eq!(Fields::parse(b"name=Anna&email=a%C3@x.de"), Err(NotText));
        assert_eq!(Fields::parse(b"%C3=1"), Err(NotText));
    }
}
