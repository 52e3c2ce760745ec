//! Reading in two steps, so that a crawl is read on every core.
//!
//! Reading an input is cheap except for HTML: decoding a page and finding its
//! main text (Readability) cost several times what decompressing and
//! splitting a WARC does. Done on the one thread that reads the inputs in
//! order, it made that thread the limit of a large ingest: on two cores it
//! got half a core beside the extraction workers and the writer. So the
//! reader hands out a [`Pending`]: a document or a problem already made, or
//! an [`UnparsedPage`] whose text whichever thread takes it extracts, with
//! [`Pending::finish`].

use encoding_rs::Encoding;

use crate::{html, Document, Item, SourceError};

/// What the reader hands out; [`Pending::finish`] makes it an [`Item`].
#[derive(Debug)]
pub enum Pending {
    Done(Item),
    Page(UnparsedPage),
}

impl Pending {
    /// The document or problem: the page's text extracted now if it was not.
    pub fn finish(self) -> Item {
        match self {
            Pending::Done(item) => item,
            Pending::Page(page) => page.parse(),
        }
    }
}

impl From<Item> for Pending {
    fn from(item: Item) -> Pending {
        Pending::Done(item)
    }
}

/// An HTML page as read, its text still to be extracted.
#[derive(Debug)]
pub struct UnparsedPage {
    pub(crate) bytes: Vec<u8>,
    /// The charset the transport gave (an HTTP `Content-Type` in a WARC).
    pub(crate) transport_charset: Option<&'static Encoding>,
    pub(crate) id: String,
    /// The address it was fetched from, which wins over the page's canonical one.
    pub(crate) url: Option<String>,
    /// The date the page falls back on when its metadata gives none (the
    /// crawl's `WARC-Date`).
    pub(crate) fetched: Option<String>,
    pub(crate) origin: String,
    /// Where a problem is reported: the file, and the WARC record (from 1)
    /// when the page is one.
    pub(crate) path: String,
    pub(crate) record: Option<usize>,
}

impl UnparsedPage {
    /// Decodes the page and extracts its text and metadata (see [`html`]).
    pub fn parse(self) -> Item {
        let Some(text) = html::decode_html(&self.bytes, self.transport_charset.map(Encoding::name)) else {
            return Err(self.problem("binary data in an HTML response", |path| SourceError::Binary { path }));
        };
        let page = html::extract(&text);
        if page.text.is_empty() {
            return Err(self.problem("no text in the page", |path| SourceError::NoText { path }));
        }
        Ok(Document {
            id: self.id,
            text: page.text,
            lang: page.lang,
            published: page.published.or(self.fetched),
            title: page.title,
            url: self.url.or(page.url),
            origin: self.origin,
            notes: Vec::new(),
        })
    }

    /// What is wrong with the page: told of its WARC record, or of its file.
    fn problem(self, in_record: &str, in_file: fn(String) -> SourceError) -> SourceError {
        match self.record {
            Some(record) => SourceError::Warc { path: self.path, record, message: in_record.into() },
            None => in_file(self.path),
        }
    }
}
