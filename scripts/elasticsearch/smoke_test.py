"""Smoke test for the local dev Elasticsearch node (needs `pip install "elasticsearch>=8,<9"`).

Exercises the features the app relies on and prints OK/FAIL per feature. Uses throwaway
indices prefixed "np-smoke-" and deletes them afterwards.
Usage: python scripts/elasticsearch/smoke_test.py [http://127.0.0.1:9200]
"""
import json
import sys

from elasticsearch import Elasticsearch

URL = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:9200"
es = Elasticsearch(URL)
results = []


def check(label, fn):
    try:
        out = fn()
        results.append((label, True))
        print(f"OK    {label}: {out}")
    except Exception as e:  # report and continue: we want the full picture
        results.append((label, False))
        body = getattr(e, "body", None)
        reason = body.get("error", {}).get("reason") if isinstance(body, dict) and isinstance(body.get("error"), dict) else None
        print(f"FAIL  {label}: {type(e).__name__}: {reason or e}")


SETTINGS = {
    "number_of_shards": 1,
    "number_of_replicas": 0,
    "analysis": {
        "filter": {
            "de_stop": {"type": "stop", "stopwords": "_german_"},
            "de_stem": {"type": "stemmer", "language": "light_german"},
            "de_decomp": {
                "type": "dictionary_decompounder",
                "word_list": ["sprache", "pate", "patenschaft", "hausaufgabe", "hilfe", "integration", "lotse"],
                "only_longest_match": False,
                "min_subword_size": 3,
            },
            "ac_edge": {"type": "edge_ngram", "min_gram": 2, "max_gram": 15},
            "de_syn": {"type": "synonym_graph", "synonyms": ["kita, kindergarten, kindertagesstätte", "deutschkurs => sprachkurs"]},
        },
        "analyzer": {
            "de_text": {"tokenizer": "standard", "filter": ["lowercase", "de_decomp", "german_normalization", "de_stop", "de_stem"]},
            "de_ac": {"tokenizer": "standard", "filter": ["lowercase", "german_normalization", "ac_edge"]},
            "de_search": {"tokenizer": "standard", "filter": ["lowercase", "de_syn", "german_normalization", "de_stop", "de_stem"]},
            "html_de": {"char_filter": ["html_strip"], "tokenizer": "standard", "filter": ["lowercase", "asciifolding", "unique"]},
        },
    },
}
MAPPINGS = {
    "properties": {
        "title": {
            "type": "text", "analyzer": "de_text",
            "fields": {"ac": {"type": "text", "analyzer": "de_ac", "search_analyzer": "standard"}},
        },
        "body": {"type": "text", "analyzer": "de_text", "search_analyzer": "de_search"},
        "category": {"type": "keyword"},
        "location": {"type": "geo_point"},
    }
}
IDX = "np-smoke-v1"


def tokens(analyzer, text, index=IDX):
    return [t["token"] for t in es.indices.analyze(index=index, analyzer=analyzer, text=text)["tokens"]]


for i in es.indices.get(index="np-smoke-*", ignore_unavailable=True).keys():
    es.indices.delete(index=i)

check("info()", lambda: es.info()["version"]["number"])
check("ping()", lambda: es.ping())
check("create index with German analysis", lambda: es.indices.create(index=IDX, settings=SETTINGS, mappings=MAPPINGS)["acknowledged"])
check("_analyze de_text 'Sprachpatenschaften für Mütter'", lambda: tokens("de_text", "Sprachpatenschaften für Mütter"))
check("_analyze de_text 'Integrationslotse'", lambda: tokens("de_text", "Integrationslotse"))
check("_analyze de_ac 'Mütter'", lambda: tokens("de_ac", "Mütter"))
check("_analyze de_search (synonym_graph) 'Kita Deutschkurs'", lambda: tokens("de_search", "Kita Deutschkurs"))
check("_analyze html_strip/asciifolding/unique", lambda: tokens("html_de", "<p>Café <b>café</b> Straße</p>"))

docs = [
    ("1", {"title": "Sprachpatenschaften für Mütter", "body": "Ehrenamtliche Sprachpaten helfen in der Kita.",
           "category": "sprache", "location": {"lat": 52.3759, "lon": 9.7320}}),  # Hannover
    ("2", {"title": "Integrationslotse gesucht", "body": "Begleitung zu Behörden und Deutschkurs.",
           "category": "integration", "location": {"lat": 52.2689, "lon": 10.5268}}),  # Braunschweig
    ("3", {"title": "Hausaufgabenhilfe für Kinder", "body": "Hilfe bei den Hausaufgaben nach der Schule.",
           "category": "bildung", "location": {"lat": 53.1435, "lon": 8.2146}}),  # Oldenburg
    ("4", {"title": "Sprachpaten für Mütter und Kinder", "body": "Sprachpatenschaften in der Kita für Mütter.",
           "category": "sprache", "location": {"lat": 52.40, "lon": 9.70}}),
]
check("index 4 docs + refresh", lambda: [es.index(index=IDX, id=i, document=d)["result"] for i, d in docs]
      + [es.indices.refresh(index=IDX)["_shards"]["successful"]])


def hits(r):
    return [(h["_id"], round(h["_score"] or 0, 3)) for h in r["hits"]["hits"]]


check("multi_match fuzziness AUTO 'Integrazionslotse'", lambda: hits(es.search(index=IDX, query={
    "multi_match": {"query": "Integrazionslotse", "fields": ["title^2", "body"], "fuzziness": "AUTO"}})))
check("match decompounded 'Patenschaft'", lambda: hits(es.search(index=IDX, query={"match": {"title": "Patenschaft"}})))
check("autocomplete title.ac 'Spra'", lambda: hits(es.search(index=IDX, query={"match": {"title.ac": "Spra"}})))
check("synonym search body 'Kindergarten'", lambda: hits(es.search(index=IDX, query={"match": {"body": "Kindergarten"}})))
check("terms aggregation", lambda: [(b["key"], b["doc_count"]) for b in es.search(
    index=IDX, size=0, aggs={"cats": {"terms": {"field": "category"}}})["aggregations"]["cats"]["buckets"]])
check("geo_distance 50km around Hannover", lambda: hits(es.search(index=IDX, query={"bool": {"filter": {
    "geo_distance": {"distance": "50km", "location": {"lat": 52.37, "lon": 9.73}}}}})))
check("geo_distance sort", lambda: [(h["_id"], round(h["sort"][0], 1)) for h in es.search(index=IDX, sort=[
    {"_geo_distance": {"location": {"lat": 52.37, "lon": 9.73}, "order": "asc", "unit": "km"}}])["hits"]["hits"]])
check("more_like_this doc 1", lambda: hits(es.search(index=IDX, query={"more_like_this": {
    "fields": ["title", "body"], "like": [{"_index": IDX, "_id": "1"}], "min_term_freq": 1, "min_doc_freq": 1}})))
check("term suggester 'Integratoinslotse'", lambda: es.search(index=IDX, suggest={
    "fix": {"text": "Integratoinslotse", "term": {"field": "title"}}})["suggest"]["fix"][0]["options"][:3])
check("highlighting", lambda: [h.get("highlight") for h in es.search(index=IDX, query={"match": {"body": "Hilfe"}},
                                                                      highlight={"fields": {"body": {}}})["hits"]["hits"]])


def alias_swap():
    es.indices.create(index="np-smoke-v2", settings=SETTINGS, mappings=MAPPINGS)
    es.indices.put_alias(index=IDX, name="np-smoke")
    es.indices.update_aliases(actions=[
        {"remove": {"index": IDX, "alias": "np-smoke"}},
        {"add": {"index": "np-smoke-v2", "alias": "np-smoke"}},
    ])
    return list(es.indices.get_alias(name="np-smoke").keys())


check("alias swap via _aliases", alias_swap)


def external_version():
    r1 = es.index(index="np-smoke", id="x", document={"title": "v5"}, version=5, version_type="external")
    try:
        es.index(index="np-smoke", id="x", document={"title": "v3"}, version=3, version_type="external")
        stale = "stale write ACCEPTED (wrong)"
    except Exception as e:
        stale = f"stale write rejected ({type(e).__name__})"
    return r1["_version"], stale


check("index version_type=external via alias", external_version)
check("count via alias", lambda: (es.indices.refresh(index="np-smoke"), es.count(index="np-smoke")["count"])[1])

for i in es.indices.get(index="np-smoke-*", ignore_unavailable=True).keys():
    es.indices.delete(index=i)
failed = [l for l, ok in results if not ok]
print(json.dumps({"ok": len(results) - len(failed), "failed": failed}))
sys.exit(1 if failed else 0)
