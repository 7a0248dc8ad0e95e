//! The message catalogs: every language has German's messages with German's
//! variables, and every message the code asks for exists with the variables
//! the code passes.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;
use termin::domain::Language;
use termin::i18n::EMBEDDED;

type Signature = BTreeMap<String, BTreeSet<String>>;

fn vars_in_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            vars_in_expression(expression, out);
        }
    }
}

fn vars_in_expression(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => vars_in_inline(i, out),
        ast::Expression::Select { selector, variants } => {
            vars_in_inline(selector, out);
            for v in variants {
                vars_in_pattern(&v.value, out);
            }
        }
    }
}

fn vars_in_inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    use ast::InlineExpression as I;
    match i {
        I::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        I::FunctionReference { arguments, .. }
        | I::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                vars_in_inline(a, out);
            }
            for n in &arguments.named {
                vars_in_inline(&n.value, out);
            }
        }
        I::Placeable { expression } => vars_in_expression(expression, out),
        _ => {}
    }
}

/// The messages of one language, each with the variables it uses.
fn signature(lang: Language) -> Signature {
    signature_of(
        EMBEDDED.iter().copied().filter(|(l, _, _)| *l == lang),
        lang,
    )
}

fn signature_of<'a>(
    files: impl Iterator<Item = (Language, &'a str, &'a str)>,
    lang: Language,
) -> Signature {
    let mut map = Signature::new();
    for (_, file, text) in files {
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, errors)| panic!("{}/{file}: {errors:?}", lang.as_str()));
        for entry in &resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(v) = &m.value {
                    vars_in_pattern(v, &mut vars);
                }
                assert!(
                    map.insert(m.id.name.to_string(), vars).is_none(),
                    "{}/{file}: {} twice",
                    lang.as_str(),
                    m.id.name
                );
            }
        }
    }
    map
}

#[test]
fn every_language_has_germans_messages_with_germans_variables() {
    let german = signature(Language::De);
    assert!(german.len() > 100, "German has {} messages", german.len());
    for lang in Language::ALL.into_iter().filter(|l| *l != Language::De) {
        let other = signature(lang);
        let missing: Vec<&String> = german.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<&String> = other.keys().filter(|k| !german.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.as_str());
        assert!(
            extra.is_empty(),
            "{} has what German lacks: {extra:?}",
            lang.as_str()
        );
        for (id, vars) in &german {
            assert_eq!(
                &other[id],
                vars,
                "{}: {id} uses other variables than German",
                lang.as_str()
            );
        }
    }
}

/// Every `t!(…, "id", var = …)`, `m!(…)` and `msg!("id", …)` in the sources, with
/// the variables it passes.
fn asked_for() -> Vec<(String, String, BTreeSet<String>)> {
    let mut found = Vec::new();
    let mut files = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        if path.extension().is_none_or(|x| x != "rs") {
            continue;
        }
        // Comments may show the macros as examples.
        let source: String = std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let mut rest = source.as_str();
        while let Some(at) = rest.find(['t', 'm']) {
            let call = &rest[at..];
            let before = rest[..at].chars().last();
            rest = &rest[at + 1..];
            let Some(name_len) = ["t!(", "m!(", "msg!("]
                .iter()
                .find(|m| call.starts_with(**m))
                .map(|m| m.len())
            else {
                continue;
            };
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            // The arguments up to the closing parenthesis.
            let mut depth = 0;
            let mut end = 0;
            for (i, c) in call.char_indices().skip(name_len - 1) {
                match c {
                    '(' | '{' | '[' => depth += 1,
                    ')' | '}' | ']' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let args = &call[name_len..end];
            let Some(open) = args.find('"') else { continue };
            let Some(len) = args[open + 1..].find('"') else {
                continue;
            };
            let id = args[open + 1..open + 1 + len].to_string();
            let after = &args[open + 2 + len..];
            // Top-level `name = value` arguments.
            let mut vars = BTreeSet::new();
            let mut depth = 0;
            let mut start = 0;
            let bytes: Vec<char> = after.chars().collect();
            for (i, c) in bytes.iter().enumerate() {
                match c {
                    '(' | '{' | '[' => depth += 1,
                    ')' | '}' | ']' => depth -= 1,
                    ',' if depth == 0 => {
                        let arg: String = bytes[start..i].iter().collect();
                        if let Some((name, _)) = arg.split_once('=') {
                            vars.insert(name.trim().to_string());
                        }
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            let arg: String = bytes[start..].iter().collect();
            if let Some((name, _)) = arg.split_once('=') {
                vars.insert(name.trim().to_string());
            }
            vars.retain(|v| !v.is_empty());
            found.push((path.display().to_string(), id, vars));
        }
    }
    found
}

#[test]
fn every_message_the_code_asks_for_exists_with_the_variables_it_gets() {
    // German has the page in easy German besides the files every language has.
    let easy = (
        Language::De,
        "leichte-sprache.ftl",
        termin::i18n::EASY_GERMAN,
    );
    let german = signature_of(
        EMBEDDED
            .iter()
            .copied()
            .filter(|(l, _, _)| *l == Language::De)
            .chain([easy]),
        Language::De,
    );
    let asked = asked_for();
    assert!(asked.len() > 100, "found only {} uses", asked.len());
    for (file, id, vars) in &asked {
        let Some(declared) = german.get(id) else {
            panic!("{file} asks for {id:?}, which no catalog has");
        };
        assert_eq!(
            declared, vars,
            "{file}: {id} is given other variables than it uses"
        );
    }
    // And no message is left that nothing asks for.
    let used: BTreeSet<&String> = asked.iter().map(|(_, id, _)| id).collect();
    let unused: Vec<&String> = german.keys().filter(|k| !used.contains(k)).collect();
    assert!(unused.is_empty(), "messages nothing asks for: {unused:?}");
}
