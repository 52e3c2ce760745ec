//! RSS and Atom feeds: each item is one document.
//!
//! Publishers' feeds are the cheapest way to follow appointments as they are
//! announced; many carry the whole article (`content:encoded`, Atom
//! `<content>`), the others a summary that still names who joins or leaves.
//! `feed-rs` parses RSS 0.9–2.0, Atom and JSON Feed and honours the XML
//! declaration's encoding, so it is given the raw bytes.

use std::io::Read;

use feed_rs::model::Entry;

use crate::date::normalize_date;
use crate::html::{fragment_text, normalize_lang};
use crate::{Document, Item, Markup, SourceError};

/// Whether `head` (the first bytes of a file) starts with a feed root:
/// `<rss`, `<feed` or `<rdf:RDF`, after the XML declaration and comments.
pub fn sniff(head: &[u8]) -> bool {
    matches!(crate::first_markup(head), Some(Markup::Element(name))
        if ["rss", "feed", "rdf:rdf"].iter().any(|root| name.eq_ignore_ascii_case(root)))
}

/// Reads the feed in `reader` and passes each item with text to `sink`; a
/// feed that cannot be parsed gives one [`SourceError::Feed`].
pub fn read(reader: impl Read, shown: &str, sink: &mut dyn FnMut(Item)) {
    // Generated ids would hide which items lack a guid; an empty one marks them.
    let parser = feed_rs::parser::Builder::new().id_generator(|_, _, _| String::new()).build();
    let feed = match parser.parse(reader) {
        Ok(f) => f,
        Err(e) => return sink(Err(SourceError::Feed { path: shown.into(), message: e.to_string() })),
    };
    let feed_lang = feed.language.as_deref().and_then(normalize_lang);
    for (n, entry) in feed.entries.iter().enumerate() {
        let item_no = n + 1;
        let text = entry_text(entry);
        if text.is_empty() {
            sink(Err(SourceError::NoText { path: format!("{shown}#{item_no}") }));
            continue;
        }
        let url = entry.links.iter().find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate")).or(entry.links.first()).map(|l| l.href.trim().to_string());
        let id = Some(entry.id.trim()).filter(|s| !s.is_empty()).map(str::to_string).or_else(|| url.clone()).unwrap_or_else(|| format!("{shown}#{item_no}"));
        // feed-rs keeps dates in UTC: a late-evening item west of Greenwich
        // gets the next day. The day is all the extractor uses.
        let published = entry.published.or(entry.updated).and_then(|d| normalize_date(&d.to_rfc3339()));
        sink(Ok(Document {
            id,
            text,
            lang: entry.language.as_deref().and_then(normalize_lang).or_else(|| feed_lang.clone()),
            published,
            title: entry.title.as_ref().map(|t| fragment_text(&t.content)).filter(|t| !t.is_empty()),
            url,
            origin: format!("{shown}#{item_no}"),
            notes: Vec::new(),
        }));
    }
    if feed.entries.is_empty() {
        sink(Err(SourceError::Empty { path: shown.into() }));
    }
}

/// The item's full content when it has some, else its summary, as text.
fn entry_text(entry: &Entry) -> String {
    let content = entry.content.as_ref().and_then(|c| c.body.as_deref()).map(fragment_text).unwrap_or_default();
    if !content.is_empty() {
        return content;
    }
    entry.summary.as_ref().map(|s| fragment_text(&s.content)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment before the root -->
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Économie</title><link>https://news.example/</link><description>Nominations</description>
  <language>fr-FR</language>
  <item>
    <title>Claire Martin nommée à la tête de Fabrikam</title>
    <link>https://news.example/martin</link>
    <guid isPermaLink="false">news-example-1234</guid>
    <pubDate>Tue, 06 Aug 2024 10:00:00 +0200</pubDate>
    <description>Résumé court.</description>
    <content:encoded><![CDATA[<p>Fabrikam a nommé <b>Claire Martin</b> directrice générale.</p><p>Elle succède à Jean Dupont.</p>]]></content:encoded>
  </item>
  <item>
    <title>Jean Dupont rejoint Contoso</title>
    <link>https://news.example/dupont</link>
    <pubDate>Wed, 07 Aug 2024 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;Jean Dupont rejoint le conseil de &lt;i&gt;Contoso&lt;/i&gt;.&lt;/p&gt;</description>
  </item>
  <item><title>Sans texte</title></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Business</title><id>urn:feed</id><updated>2024-08-06T12:00:00Z</updated>
  <entry>
    <title>Northwind names a new CFO</title>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <link rel="alternate" href="https://biz.example/cfo"/>
    <updated>2024-08-05T09:00:00Z</updated>
    <content type="html">&lt;p&gt;Northwind appointed Ana Silva as chief financial officer.&lt;/p&gt;</content>
  </entry>
</feed>"#;

    fn collect(xml: &[u8]) -> (Vec<Document>, Vec<String>) {
        let (mut docs, mut errs) = (Vec::new(), Vec::new());
        read(xml, "feed.rss", &mut |i| match i {
            Ok(d) => docs.push(d),
            Err(e) => errs.push(e.to_string()),
        });
        (docs, errs)
    }

    #[test]
    fn rss_items_become_documents() {
        let (docs, errs) = collect(RSS.as_bytes());
        assert_eq!(docs.len(), 2);
        assert_eq!(errs, ["feed.rss#3: no text, skipped"]);
        let d = &docs[0];
        assert_eq!(d.id, "news-example-1234");
        assert_eq!(d.text, "Fabrikam a nommé Claire Martin directrice générale.\nElle succède à Jean Dupont.");
        assert_eq!(d.title.as_deref(), Some("Claire Martin nommée à la tête de Fabrikam"));
        assert_eq!(d.url.as_deref(), Some("https://news.example/martin"));
        assert_eq!(d.published.as_deref(), Some("2024-08-06"));
        assert_eq!(d.lang.as_deref(), Some("fr"));
        assert_eq!(d.origin, "feed.rss#1");
        // No guid: the link is the id; the HTML summary is text.
        assert_eq!(docs[1].id, "https://news.example/dupont");
        assert_eq!(docs[1].text, "Jean Dupont rejoint le conseil de Contoso.");
        assert_eq!(docs[1].published.as_deref(), Some("2024-08-07"));
    }

    #[test]
    fn atom_entries_become_documents() {
        let (docs, errs) = collect(ATOM.as_bytes());
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(docs[0].id, "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
        assert_eq!(docs[0].text, "Northwind appointed Ana Silva as chief financial officer.");
        assert_eq!(docs[0].published.as_deref(), Some("2024-08-05"));
        assert_eq!(docs[0].url.as_deref(), Some("https://biz.example/cfo"));
    }

    #[test]
    fn items_without_guid_or_link_are_numbered() {
        let (docs, _) = collect(b"<rss version=\"2.0\"><channel><title>t</title><item><description>Texte seul.</description></item></channel></rss>");
        assert_eq!((docs[0].id.as_str(), docs[0].lang.as_deref()), ("feed.rss#1", None));
    }

    #[test]
    fn malformed_feeds_give_an_error_not_a_panic() {
        for bad in [&b""[..], b"<rss", b"<rss version=\"2.0\"><channel><item><title>x", b"<feed><entry>", b"not xml at all", b"\xff\xfe\x00<"] {
            let (docs, errs) = collect(bad);
            assert!(docs.len() + errs.len() <= 2, "{bad:?}");
        }
        let (docs, errs) = collect(b"<html><body>no feed</body></html>");
        assert!(docs.is_empty() && errs[0].contains("feed"), "{errs:?}");
    }

    #[test]
    fn sniffing() {
        assert!(sniff(RSS.as_bytes()));
        assert!(sniff(ATOM.as_bytes()));
        assert!(sniff(b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>"));
        assert!(!sniff(b"<?xml version='1.0'?><svg>"));
    }
}
