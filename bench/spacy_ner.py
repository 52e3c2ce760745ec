#!/usr/bin/env python3
"""Times spaCy's fr_core_news_sm, named-entity recognition only, over the
first --sample-mb megabytes of texts of a JSON Lines corpus; prints one JSON
object with the words (whitespace-separated, as bench/compare counts them
for tenure), the seconds and the words per second."""
import argparse
import json
import time

import spacy
from spacy.util import get_model_meta, get_package_path

p = argparse.ArgumentParser()
p.add_argument("corpus")
p.add_argument("--sample-mb", type=float, default=2.0)
p.add_argument("--batch-size", type=int, default=64)
p.add_argument("--model", default="fr_core_news_sm")
a = p.parse_args()

texts, size = [], 0
with open(a.corpus, encoding="utf-8") as f:
    for line in f:
        t = json.loads(line)["text"]
        texts.append(t)
        size += len(t.encode("utf-8"))
        if size >= a.sample_mb * 1e6:
            break

meta = get_model_meta(get_package_path(a.model))
components = meta.get("components") or meta["pipeline"]
keep = {"ner", "tok2vec"}
nlp = spacy.load(a.model, exclude=[c for c in components if c not in keep])
words = sum(len(t.split()) for t in texts)
start = time.perf_counter()
entities = 0
for doc in nlp.pipe(texts, batch_size=a.batch_size):
    entities += len(doc.ents)
seconds = time.perf_counter() - start
print(json.dumps({"model": a.model, "pipes": nlp.pipe_names, "spacy": spacy.__version__, "documents": len(texts),
                  "bytes": size, "words": words, "entities": entities, "seconds": seconds, "words_per_s": words / seconds}))
