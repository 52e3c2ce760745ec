//! HTML pages: the article's text and what the page says about it.
//!
//! Saved news pages carry menus, cookie banners, "read also" lists and
//! footers around the article; fed to the extractor as is, a menu entry
//! "Nominations" or a related headline would produce events the article never
//! reported. `dom_smoothie` (a port of Mozilla's Readability) finds the main
//! text; when it finds nothing (a short page, a list page) a plain pass keeps
//! the visible text outside script, style, nav, header and footer.
//!
//! The page also gives the title, the language (`<html lang>`), the
//! publication date (meta tags, JSON-LD, `<time datetime>`) and the canonical
//! URL. Bytes are decoded in the order browsers use: BOM, transport charset
//! (HTTP header in a WARC), `<meta charset>`, then detection.

use dom_query::{Document as Dom, Selection};
use dom_smoothie::{Config, Readability, TextMode};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use crate::date::normalize_date;
use crate::decode::{decode, Decoded};

/// What a page gives: its main text (one paragraph a line) and metadata.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
    /// Two-letter code from `<html lang>`, e.g. `fr` for `fr-FR`.
    pub lang: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
}

/// Pages nested deeper or with more elements than this skip Readability.
const MAX_DEPTH: usize = 512;
const MAX_ELEMENTS: usize = 100_000;

/// How far into the page a `<meta charset>` is looked for.
const META_PRESCAN: usize = 2048;

/// Meta names and properties holding the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
];

/// Decodes page bytes: a BOM decides; else `transport_charset` (an HTTP
/// `Content-Type` charset); else a `<meta charset>` or `http-equiv` charset in
/// the first 2 KB; else detection. `None` for binary data.
pub fn decode_html(bytes: &[u8], transport_charset: Option<&str>) -> Option<String> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return Some(enc.decode_without_bom_handling(&bytes[bom..]).0.into_owned());
    }
    let declared = transport_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(META_PRESCAN)]));
    if let Some(enc) = declared {
        // Servers and templates often declare ISO-8859-1 for pages written in
        // UTF-8. Legacy text with non-ASCII bytes is practically never valid
        // UTF-8 by accident, so valid UTF-8 overrules such a declaration.
        let enc = if enc != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() { UTF_8 } else { enc };
        return Some(enc.decode_without_bom_handling(bytes).0.into_owned());
    }
    match decode(bytes) {
        Decoded::Text { text, .. } => Some(text),
        Decoded::Binary => None,
    }
}

/// The encoding named by the `charset=` parameter of a `Content-Type` value.
pub fn charset_param(content_type: &str) -> Option<&'static Encoding> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = lower[at + "charset".len()..].trim_start().strip_prefix('=')?;
    label_encoding(rest.as_bytes())
}

/// Reads a charset label at the start of `s` (quoted or not) as an encoding.
fn label_encoding(s: &[u8]) -> Option<&'static Encoding> {
    let s = s.trim_ascii_start();
    let s = s.strip_prefix(b"\"").or_else(|| s.strip_prefix(b"'")).unwrap_or(s);
    let end = s.iter().position(|&b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace()).unwrap_or(s.len());
    Encoding::for_label(&s[..end])
}

/// A charset declared by a `<meta>` tag in `head`, as the HTML standard's
/// prescan reads it: a page declaring UTF-16 in ASCII bytes is UTF-8.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = lower[start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = tag[c + b"charset".len()..].trim_ascii_start();
            if let Some(value) = rest.strip_prefix(b"=") {
                if let Some(enc) = label_encoding(value) {
                    return Some(if enc == UTF_16LE || enc == UTF_16BE { UTF_8 } else { enc });
                }
            }
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Whether `head` (the first bytes of a file) looks like an HTML page: a
/// `<!doctype html` or an `<html` element first, after BOM, whitespace and
/// comments.
pub fn sniff(head: &[u8]) -> bool {
    match crate::first_markup(head) {
        Some(crate::Markup::Doctype(d)) => d.eq_ignore_ascii_case("html"),
        Some(crate::Markup::Element(name)) => name.eq_ignore_ascii_case("html"),
        None => false,
    }
}

/// Markup nested deeper than this (by a count of tags, before parsing) is not
/// parsed: html5ever's time grows with the square of the depth (100,000
/// nested `<div>` take minutes), so such a page gets its tags stripped.
const MAX_MARKUP_DEPTH: usize = 4_096;

/// The main text and metadata of a page.
pub fn extract(html: &str) -> Page {
    if markup_deeper_than(html, MAX_MARKUP_DEPTH) {
        return Page { text: tidy(&strip_tags(html)), ..Page::default() };
    }
    let dom = Dom::from(html);
    let mut page = Page {
        lang: page_lang(&dom),
        published: published(&dom),
        url: canonical_url(&dom),
        title: text_of(&dom.select("head title")).or_else(|| meta_content(&dom, &["og:title"])),
        text: String::new(),
    };
    let config = Config { text_mode: TextMode::Formatted, max_elements_to_parse: MAX_ELEMENTS, ..Config::default() };
    // Readability scores by class and id names ("menu", "footer"), not by
    // tag, so on a short page it keeps a bare `<nav>`: the page's chrome goes
    // first. Readability's time grows with depth times size; absurdly nested
    // markup (broken generators, hostile pages) gets only the plain pass.
    remove_chrome(&dom);
    let shallow = depth_at_most(&dom, MAX_DEPTH);
    // `with_document` only fails for a bad document URL, and none is given.
    if let Some(mut readability) = shallow.then(|| Readability::with_document(dom, None, Some(config)).ok()).flatten() {
        if let Ok(article) = readability.parse() {
            page.text = tidy(&article.text_content);
            let title = article.title.trim();
            if !title.is_empty() {
                page.title = Some(title.to_string());
            }
        }
    }
    if page.text.is_empty() {
        page.text = plain_text(&Dom::from(html));
    }
    page
}

/// The visible text of an HTML fragment (a feed item's content), one
/// paragraph a line, script and style left out.
pub fn fragment_text(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return tidy(html);
    }
    plain_text(&Dom::fragment(html))
}

/// Removes what is never article text: scripts, styles, navigation, forms,
/// footers, and headers outside the article (an `<article><header>` holds its
/// headline and date line).
fn remove_chrome(dom: &Dom) {
    dom.select("script, style, noscript, template, nav, footer, aside, form, iframe, svg").remove();
    for header in dom.select("header").nodes() {
        if !header.ancestors_it(None).any(|a| a.has_name("article") || a.has_name("main")) {
            header.remove_from_parent();
        }
    }
}

/// Whether no element is nested deeper than `limit`, by an iterative walk
/// (a recursive one could overflow the stack on the very pages it screens).
fn depth_at_most(dom: &Dom, limit: usize) -> bool {
    let mut stack = vec![(dom.root(), 0)];
    while let Some((node, depth)) = stack.pop() {
        if depth > limit {
            return false;
        }
        stack.extend(node.children_it(false).filter(|c| c.is_element()).map(|c| (c, depth + 1)));
    }
    true
}

/// Fallback extraction: everything visible except scripts, styles and the
/// page's navigation, header and footer.
fn plain_text(dom: &Dom) -> String {
    remove_chrome(dom);
    dom.select("header").remove();
    let body = dom.select("body");
    let text = if body.exists() { body.formatted_text() } else { dom.root().formatted_text() };
    tidy(&text)
}

/// One paragraph a line: lines trimmed, inner whitespace collapsed, blank
/// lines dropped.
/// Whether the tags of `html`, counted without parsing, nest deeper than
/// `limit`. Void elements, self-closing tags and the elements whose end tag
/// is usually left out (`p`, `li`, table cells...) do not count.
fn markup_deeper_than(html: &str, limit: usize) -> bool {
    const UNCOUNTED: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p", "li", "td", "th", "tr",
        "dt", "dd", "option",
    ];
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(lt) = memchr_lt(&bytes[at..]) {
        let tag = &bytes[at + lt + 1..];
        let end = tag.iter().position(|&b| b == b'>').map_or(tag.len(), |e| e + 1);
        at += lt + 1 + end;
        let closing = tag.first() == Some(&b'/');
        let name_at = usize::from(closing);
        let name_len = tag[name_at..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 {
            continue;
        }
        let name = std::str::from_utf8(&tag[name_at..name_at + name_len]).unwrap_or("").to_ascii_lowercase();
        if UNCOUNTED.contains(&name.as_str()) || (!closing && tag[..end].ends_with(b"/>")) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > limit {
                return true;
            }
        }
    }
    false
}

fn find_ignoring_case(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// The text of markup with its tags removed, without parsing: for pages too
/// deep to parse. Script and style contents go; a few entities are decoded.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt..];
        let head = after.as_bytes().get(..7).unwrap_or(b"");
        let skip_to = if head.eq_ignore_ascii_case(b"<script") {
            find_ignoring_case(after, "</script")
        } else if head.get(..6).is_some_and(|h| h.eq_ignore_ascii_case(b"<style")) {
            find_ignoring_case(after, "</style")
        } else {
            Some(0)
        };
        let from = skip_to.unwrap_or(after.len());
        rest = match after[from..].find('>') {
            Some(gt) => &after[from + gt + 1..],
            None => "",
        };
        out.push(' ');
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        for (i, w) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// `fr-FR`, `fr_FR`, `FR` → `fr`; anything but two letters first → `None`.
pub fn normalize_lang(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_alphabetic())).then(|| primary.to_ascii_lowercase())
}

fn page_lang(dom: &Dom) -> Option<String> {
    dom.select("html[lang]")
        .attr("lang")
        .and_then(|l| normalize_lang(&l))
        .or_else(|| dom.select("html[xml\\:lang]").attr("xml:lang").and_then(|l| normalize_lang(&l)))
        .or_else(|| meta_content(dom, &["content-language", "og:locale", "dc.language"]).and_then(|l| normalize_lang(&l)))
}

/// The first date found: meta tags in [`DATE_KEYS`] order, then JSON-LD
/// `datePublished`, then a `<time datetime>` (the least sure: a page lists
/// other articles' times too, so one marked as the publication time first).
fn published(dom: &Dom) -> Option<String> {
    for key in DATE_KEYS {
        if let Some(d) = meta_content(dom, &[key]).and_then(|v| normalize_date(&v)) {
            return Some(d);
        }
    }
    for script in dom.select(r#"script[type="application/ld+json" i]"#).iter() {
        let raw = script.text();
        let raw = raw.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>");
        if let Ok(json) = serde_json::from_str::<serde_json::Value>(raw) {
            if let Some(d) = json_ld_date(&json).and_then(normalize_date) {
                return Some(d);
            }
        }
    }
    ["time[pubdate][datetime], time[itemprop=datePublished][datetime]", "article time[datetime]", "time[datetime]"]
        .iter()
        .find_map(|sel| dom.select(sel).iter().find_map(|t| t.attr("datetime").and_then(|v| normalize_date(&v))))
}

/// `datePublished` anywhere in a JSON-LD value (`@graph` arrays, nested
/// `mainEntity`), depth first.
fn json_ld_date(value: &serde_json::Value) -> Option<&str> {
    match value {
        serde_json::Value::Object(map) => {
            map.get("datePublished").and_then(|v| v.as_str()).or_else(|| map.values().find_map(json_ld_date))
        }
        serde_json::Value::Array(items) => items.iter().find_map(json_ld_date),
        _ => None,
    }
}

fn canonical_url(dom: &Dom) -> Option<String> {
    dom.select("link[rel~=canonical i][href]")
        .attr("href")
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| meta_content(dom, &["og:url"]))
}

/// The `content` of the first `<meta>` whose `property`, `name`, `itemprop`
/// or `http-equiv` is one of `keys` (compared without case).
fn meta_content(dom: &Dom, keys: &[&str]) -> Option<String> {
    for meta in dom.select("meta[content]").iter() {
        let named = ["property", "name", "itemprop", "http-equiv"]
            .iter()
            .filter_map(|a| meta.attr(a))
            .any(|v| keys.iter().any(|k| v.trim().eq_ignore_ascii_case(k)));
        if named {
            let content = meta.attr("content").map(|c| c.trim().to_string()).unwrap_or_default();
            if !content.is_empty() {
                return Some(content);
            }
        }
    }
    None
}

fn text_of(sel: &Selection) -> Option<String> {
    let text = sel.text();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r#"<!DOCTYPE html>
<html lang="fr-FR"><head>
<meta charset="utf-8">
<title>Claire Martin prend la tête de Fabrikam</title>
<meta property="article:published_time" content="2024-08-06T09:30:00+02:00">
<link rel="canonical" href="https://news.example/fabrikam-martin">
</head><body>
<header><a href="/">Accueil</a> <a href="/eco">Économie</a></header>
<nav><ul><li><a href="/nominations">Nominations du jour</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Claire Martin prend la tête de Fabrikam</h1>
<p>Fabrikam a annoncé mardi la nomination de Claire Martin au poste de directrice générale, à compter du 1er septembre. Elle succède à Jean Dupont, qui quitte le groupe après douze ans à sa tête.</p>
<p>Diplômée de Polytechnique, Claire Martin était jusqu'ici directrice financière du groupe, qu'elle avait rejoint en 2015 après un passage chez Northwind. Le conseil d'administration a salué une transition préparée de longue date.</p>
<p>Les syndicats ont demandé à la rencontrer rapidement afin d'obtenir des garanties sur l'emploi dans les usines françaises du groupe.</p>
</article>
<footer>© 2024 News Example — Mentions légales — Contact</footer>
<script>var tracking = "Jean Dupont nommé président";</script>
</body></html>"#;

    #[test]
    fn article_text_without_navigation_and_with_paragraph_breaks() {
        let page = extract(ARTICLE);
        assert!(page.text.contains("Fabrikam a annoncé mardi la nomination de Claire Martin"), "{}", page.text);
        assert!(page.text.contains("longue date.\nLes syndicats"), "{}", page.text);
        for noise in ["Nominations du jour", "Mentions légales", "tracking", "Accueil"] {
            assert!(!page.text.contains(noise), "{noise} in {}", page.text);
        }
        assert_eq!(page.lang.as_deref(), Some("fr"));
        assert_eq!(page.published.as_deref(), Some("2024-08-06"));
        assert_eq!(page.url.as_deref(), Some("https://news.example/fabrikam-martin"));
        assert_eq!(page.title.as_deref(), Some("Claire Martin prend la tête de Fabrikam"));
    }

    #[test]
    fn a_short_page_falls_back_to_plain_text() {
        let page = extract("<html><head><style>p{}</style></head><body><nav>Menu</nav><p>Jean Dupont quitte Contoso.</p><p>Il rejoint Northwind.</p><footer>Pied</footer></body></html>");
        assert_eq!(page.text, "Jean Dupont quitte Contoso.\nIl rejoint Northwind.");
    }

    #[test]
    fn dates_from_each_kind_of_tag() {
        let cases = [
            r#"<meta property="og:published_time" content="2023-01-02T10:00:00Z">"#,
            r#"<meta name="date" content="2023-01-02">"#,
            r#"<meta name="pubdate" content="20230102">"#,
            r#"<meta name="DC.date" content="2023/01/02">"#,
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2023-01-02T08:00:00+01:00"}]}</script>"#,
            r#"</head><body><p>x</p><time datetime="2023-01-02T08:00">2 janvier</time>"#,
        ];
        for head in cases {
            let page = extract(&format!("<html><head>{head}</head><body><p>Texte.</p></body></html>"));
            assert_eq!(page.published.as_deref(), Some("2023-01-02"), "{head}");
        }
        let page = extract(r#"<html><head><meta name="date" content="not a date"><meta property="og:url" content="https://x.example/a"></head><body>Texte</body></html>"#);
        assert_eq!((page.published, page.url.as_deref()), (None, Some("https://x.example/a")));
    }

    #[test]
    fn windows_1252_french_page_decodes_with_and_without_meta_charset() {
        let sentence = "Le président a quitté l'entreprise";
        for head in [r#"<meta charset="windows-1252">"#, r#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">"#, ""] {
            let html = format!("<html><head>{head}<title>Départ</title></head><body><p>{sentence} après vingt ans à Marseille, a-t-on appris vendredi.</p></body></html>");
            let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&html);
            assert!(!unmappable);
            let text = decode_html(&bytes, None).unwrap();
            assert!(text.contains(sentence), "{head}: {text}");
            assert!(extract(&text).text.contains(sentence));
        }
    }

    #[test]
    fn transport_charset_wins_over_meta_but_not_over_valid_utf8() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("<meta charset=\"utf-8\"><p>Le président a quitté l'entreprise</p>");
        assert!(decode_html(&bytes, Some("windows-1252")).unwrap().contains("président"));
        let utf8 = "<meta charset=\"iso-8859-1\"><p>Le président</p>".as_bytes();
        assert!(decode_html(utf8, None).unwrap().contains("président"));
        assert!(decode_html(utf8, Some("latin1")).unwrap().contains("président"));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(utf8);
        assert!(decode_html(&bom, Some("windows-1252")).unwrap().starts_with("<meta"));
    }

    #[test]
    fn charset_labels_are_read_from_content_types() {
        assert_eq!(charset_param("text/html; charset=windows-1252"), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(charset_param("text/html;charset=\"UTF-8\""), Some(UTF_8));
        assert_eq!(charset_param("text/html"), None);
        assert_eq!(charset_param("text/html; charset=nonsense"), None);
    }

    #[test]
    fn languages_are_two_letters() {
        assert_eq!(normalize_lang("fr-FR").as_deref(), Some("fr"));
        assert_eq!(normalize_lang("EN_us").as_deref(), Some("en"));
        assert_eq!(normalize_lang("fra"), None);
        assert_eq!(normalize_lang(""), None);
    }

    #[test]
    fn sniffing() {
        assert!(sniff(b"\xEF\xBB\xBF  <!DOCTYPE html><html>"));
        assert!(sniff(b"<!-- saved --><html lang=fr>"));
        assert!(!sniff(b"<?xml version=\"1.0\"?><rss version=\"2.0\">"));
        assert!(!sniff(b"Plain text <html> later"));
    }

    #[test]
    fn malformed_or_hostile_html_never_panics() {
        // Deeper than MAX_DEPTH: Readability is skipped. (html5ever itself
        // takes seconds on 20,000 levels: parsing is quadratic in depth.)
        let deep = "<div>".repeat(3_000) + "Texte profond" + &"</div>".repeat(3_000);
        let inputs = ["", "<", "<html", "<html><body><p>unclosed <b>bold <i>x", "<<<>>>&&&#;&#xFFFFFFFF;", "<meta charset=", deep.as_str(), "<script>never closed"];
        for input in inputs {
            let _ = extract(input);
            let _ = fragment_text(input);
            let _ = decode_html(input.as_bytes(), Some("bogus"));
        }
        assert!(extract(&deep).text.contains("Texte profond"));
    }

    #[test]
    fn fragments_lose_tags_and_entities() {
        assert_eq!(fragment_text("<p>Jean&nbsp;Dupont &amp; fils</p><p>nommé</p><script>x()</script>"), "Jean Dupont & fils\nnommé");
        assert_eq!(fragment_text("Plain   summary"), "Plain summary");
    }
}
