#!/usr/bin/env python3
"""Corpora for the benchmarks, generated from the project's own example
articles (examples/articles/demo.jsonl), never downloaded.

  corpus.py jsonl OUT --size MB [--lang fr]   repeated, shuffled articles with varied ids
  corpus.py warc OUT.warc.gz --size MB        news pages, one gzip member per WARC record
  corpus.py words FILE.jsonl                  whitespace-separated words in the texts

Crawl pages get invented names per copy (each page a distinct story, so that
ingest stores them instead of finding them all duplicates of eight articles).
"""
import argparse
import gzip
import html
import io
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles" / "demo.jsonl"


def articles(lang=None):
    docs = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [d for d in docs if lang is None or d["lang"] == lang]


def make_jsonl(out, size_mb, lang):
    docs = articles(lang)
    rng = random.Random(42)
    target = size_mb * 1_000_000
    written, n = 0, 0
    with open(out, "w", encoding="utf-8") as f:
        while written < target:
            batch = docs[:]
            rng.shuffle(batch)
            for d in batch:
                line = json.dumps({**d, "id": f"{d['id']}-{n:07d}"}, ensure_ascii=False) + "\n"
                f.write(line)
                written += len(line.encode("utf-8"))
                n += 1
    print(f"{out}: {n} documents, {written / 1e6:.1f} MB", file=sys.stderr)


STOP = {"Le", "La", "Les", "L", "The", "Elle", "Il", "En", "Au", "Aux", "Dans", "Selon", "De", "Des", "Du", "Un", "Une",
        "She", "He", "In", "On", "At", "As", "After", "Before", "Since", "Its", "His", "Her", "Their", "A", "An"}
NAME = re.compile(r"\b([A-ZÉÈ][a-zéèêëïîôöüç]+) ([A-ZÉÈ][a-zéèêëïîôöüç]+)\b")
SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "tor", "vel", "dan", "ri", "no", "bel", "gar", "lin", "mar", "zu", "pe"]


def invented(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def varied(text, title, rng):
    """The text with every two-word capitalised name replaced, consistently."""
    names = {}

    def swap(m):
        if m.group(1) in STOP:
            return m.group(0)
        key = m.group(0)
        if key not in names:
            names[key] = f"{invented(rng)} {invented(rng)}"
        return names[key]

    return NAME.sub(swap, text), NAME.sub(swap, title)


def page(d, text, title, url):
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n"))
    return (
        f"<!doctype html>\n<html lang=\"{d['lang']}\"><head><meta charset=\"utf-8\"><title>{html.escape(title)} | Le Quotidien</title>\n"
        f"<meta property=\"article:published_time\" content=\"{d['published']}T08:00:00+01:00\">\n"
        f"<link rel=\"canonical\" href=\"{url}\">\n"
        "<script>window.dataLayer = [{\"page\": \"article\"}];</script><style>body { font-family: serif }</style></head>\n"
        "<body><header><nav><a href=\"/\">Accueil</a> <a href=\"/eco\">Économie</a> <a href=\"/tech\">Tech</a></nav></header>\n"
        f"<main><article><h1>{html.escape(title)}</h1><p class=\"byline\">Par la rédaction</p>\n{paragraphs}</article>\n"
        "<aside><h2>À lire aussi</h2><ul><li><a href=\"/a\">Les marchés reculent</a></li></ul></aside></main>\n"
        "<footer><p>© Le Quotidien. Tous droits réservés.</p></footer></body></html>\n"
    )


def warc_record(n, url, body):
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\nWARC-Date: 2021-03-03T08:00:00Z\r\n"
        f"WARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def make_warc(out, size_mb):
    docs = articles()
    rng = random.Random(7)
    target = size_mb * 1_000_000
    written, n = 0, 0
    with open(out, "wb") as f:
        while written < target:
            d = docs[n % len(docs)]
            text, title = varied(d["text"], d["title"], rng)
            url = f"https://news.example/{n:08d}/{d['id']}"
            record = warc_record(n, url, page(d, text, title, url).encode("utf-8"))
            member = gzip.compress(record, compresslevel=6, mtime=0)
            f.write(member)
            written += len(member)
            n += 1
    print(f"{out}: {n} pages, {written / 1e6:.1f} MB compressed", file=sys.stderr)


def words(path):
    total = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            total += len(json.loads(line)["text"].split())
    print(total)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("kind", choices=["jsonl", "warc", "words"])
    p.add_argument("out")
    p.add_argument("--size", type=float, default=50, help="megabytes (10^6 bytes) to write")
    p.add_argument("--lang", default=None, help="only articles in this language (jsonl)")
    a = p.parse_args()
    if a.kind == "jsonl":
        make_jsonl(a.out, a.size, a.lang)
    elif a.kind == "warc":
        make_warc(a.out, a.size)
    else:
        words(a.out)


if __name__ == "__main__":
    main()
