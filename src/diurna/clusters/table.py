"""Event clusters of a store, kept in its ``event_clusters`` table.

Every report is kept: the table maps each clustered event (an ``events`` row) to its cluster,
named by the cluster's smallest event id; events linked to no other have no row. Building again
replaces the table, so it always describes the events stored now (run it after ``process``,
``load`` or ``recode``). The reports themselves (source, date, status, who said it) stay in
``events``; :func:`clusters` joins them back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from diurna.clusters.learn import DEFAULT_LINKER, link_model
from diurna.clusters.link import Linker, Report, Settings
from diurna.duplicates.clusters import story_of
from diurna.model import plural
from diurna.places.codes import alpha3
from diurna.places.recognize import TITLE_BEFORE
from diurna.store import Store
from diurna.store.query import outlet
from diurna.store.sqlite import dict_rows, has_table

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS event_clusters "
    "(event_id TEXT PRIMARY KEY REFERENCES events(id), cluster TEXT NOT NULL)"
)
_INDEX = "CREATE INDEX IF NOT EXISTS event_clusters_cluster ON event_clusters(cluster)"


NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT")
BODY = "coalesce(field, 'body') = 'body'"  # a place of the article's body, not its headline

def person_words(persons: Iterable[str]) -> frozenset[str]:
    """The capitalised words of an article's person names of two words or more ("George W.
    Bush" gives "Bush")."""
    return frozenset(w.rstrip("'’s") for name in persons if " " in name.strip()
                     for w in name.split() if w[:1].isupper())


def person_not_town(text: str, start: int, end: int, people: frozenset[str],
                    persons: frozenset[tuple[int, int]]) -> bool:
    """A one-word place the geoparser took that is a person of the article: a title stands
    before it ("President Bush"), or the NER read this very span as a person (``persons``:
    the article's PERSON spans) and the word is part of one of its person names of two or more
    words (``people``, "George W. Bush"). The gazetteer holds a town of 136,000 called Būsh
    in Egypt, and "Bush" is read as it (session 22 saw it): as a town it would make the towns
    veto (:func:`diurna.clusters.link.different_incident`) see an Egyptian town. The NER's
    PERSON alone is not enough: it reads "Trincomalee" or "Baalbek" as people too."""
    name = text[start:end]
    if " " in name:
        return False
    if TITLE_BEFORE.search(text[max(0, start - 20):start]):
        return True
    return name in people and (start, end) in persons


def reports(store: Store, settings: Settings | None = None) -> list[Report]:
    """Every stored event with a type, as a :class:`Report` with its article's publisher,
    named entities, towns and the days its text names (non-English and rejected
    documents have no events, so none are read)."""
    window = (settings or Settings()).window
    docs: dict[str, tuple[str, str | None, str | None, str]] = {
        r[0]: (r[1], r[2], r[3], source_name({"url": r[4], "site": r[5], "input": r[6],
                                              "doc_id": r[0]}))
        for r in store.conn.execute(
            "SELECT id, text, published, title, url, site, source FROM documents")
    }
    entities: dict[str, list[tuple[int, int, str]]] = {}
    marks = ",".join("?" * len(NAME_LABELS))
    for doc_id, start, end, text in store.conn.execute(
        f'SELECT doc_id, start, "end", text FROM entities WHERE label IN ({marks})', NAME_LABELS
    ):
        entities.setdefault(doc_id, []).append((start, end, text))
    person_names: dict[str, list[str]] = {}
    person_spans: dict[str, set[tuple[int, int]]] = {}
    for doc_id, start, end, text in store.conn.execute(
        "SELECT doc_id, start, \"end\", text FROM entities WHERE label = 'PERSON'"
    ):
        person_names.setdefault(doc_id, []).append(text)
        person_spans.setdefault(doc_id, set()).add((start, end))
    people = {d: (person_words(names), frozenset(person_spans[d]))
              for d, names in person_names.items()}
    nobody: tuple[frozenset[str], frozenset[tuple[int, int]]] = (frozenset(), frozenset())
    times: dict[str, list[tuple[int, int, str, str]]] = {}
    for doc_id, start, end, value, precision in store.conn.execute(
        'SELECT doc_id, start, "end", value, precision FROM times '
        "WHERE precision IN ('day', 'month') AND value IS NOT NULL"
    ):
        times.setdefault(doc_id, []).append((start, end, value, precision))
    # the body's places only: a headline's (field "title") have offsets into the title, which
    # would otherwise fall inside whichever body sentence covers the same offsets
    places: dict[str, list[tuple[int, int, str, float, float]]] = {}
    for doc_id, start, end, country, lat, lon in store.conn.execute(
        'SELECT doc_id, start, "end", country, lat, lon FROM places WHERE feature LIKE \'P.%\' '
        "AND lat IS NOT NULL AND lon IS NOT NULL AND country IS NOT NULL "
        f"AND {BODY}"
    ):
        if not person_not_town(docs[doc_id][0], start, end, *people.get(doc_id, nobody)):
            places.setdefault(doc_id, []).append((start, end, country, lat, lon))
    named: dict[str, list[tuple[int, int, str, str, str]]] = {}
    for doc_id, start, end, country, feature, name in store.conn.execute(
        'SELECT doc_id, start, "end", country, feature, text FROM places '
        f"WHERE country IS NOT NULL AND start IS NOT NULL AND {BODY}"
    ):
        if not person_not_town(docs[doc_id][0], start, end, *people.get(doc_id, nobody)):
            named.setdefault(doc_id, []).append((start, end, country, feature or "", name or ""))
    cur = store.conn.execute(
        "SELECT id, doc_id, type, mode, status, sentence_start, sentence_end, date_value, "
        "date_precision, actor_country, recipient_country, place_country, place_admin1, "
        "place_feature, place_lat, place_lon, place_text, trigger_text, trigger_start, actor_name, "
        "recipient_name "
        "FROM events WHERE type IS NOT NULL ORDER BY id"
    )
    out = []
    for row in dict_rows(cur):
        text, published, row["title"], row["source"] = docs[row["doc_id"]]
        out.append(Report.from_row(row, text, published, window,
                                   entities.get(row["doc_id"], ()), times.get(row["doc_id"], ()),
                                   places.get(row["doc_id"], ()), named.get(row["doc_id"], ())))
    return out


def components(ids: list[str], links: list[tuple[str, str]]) -> list[list[str]]:
    """Clusters (two or more members, sorted; sorted by first member) joined by ``links``."""
    parent = {i: i for i in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for x in ids:
        groups.setdefault(root(x), []).append(x)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)


def cluster_store(store: Store, settings: Settings | None = None,
                  linker: str = DEFAULT_LINKER) -> list[list[str]]:
    """Link the stored events with the ``linker`` ("learned": the logistic model shipped in
    ``link_weights.json``; "rules": the hand rules), write the ``event_clusters`` table and
    return the clusters."""
    found = reports(store, settings)
    result = Linker(found, settings, model=link_model(linker)).clusters()
    with store.conn:
        store.conn.execute(SCHEMA)
        store.conn.execute(_INDEX)
        store.conn.execute("DELETE FROM event_clusters")
        store.conn.executemany(
            "INSERT INTO event_clusters VALUES (?,?)", [(m, c[0]) for c in result for m in c]
        )
    return result


CLUSTER_SQL = """
SELECT c.cluster, e.id AS event_id, e.doc_id, d.title, d.url, d.site, d.source AS input,
       d.published, e.type, e.mode, e.status, e.negated, e.day, e.trigger_text,
       e.actor_name, e.actor_country, e.recipient_name, e.recipient_country,
       e.source_text AS according_to, e.place_name, e.place_country, e.sentence_start,
       e.sentence_end
FROM event_clusters c JOIN events e ON e.id = c.event_id JOIN documents d ON d.id = e.doc_id
ORDER BY c.cluster, e.day, e.doc_id, e.idx
"""


def clusters(source: Store | sqlite3.Connection, *,
             min_articles: int | None = None) -> Iterator[dict[str, Any]]:
    """Each stored cluster with its reports (each: article, source, date, status, who said it),
    the number of articles and of sources (:func:`source_name`), the statuses it was reported
    with and its first and last day. Nothing before the first build (read-only connections
    too, as the API's).

    After ``diurna duplicates`` each cluster also has ``stories``: its articles counted once per
    near-duplicate story (:func:`diurna.duplicates.clusters.story_of`), so a wire story run by
    three outlets counts one, not three independent reports; every report is still listed, and
    says in ``copy_of`` whose copy it is (:func:`copy_of`). A store never grouped has no
    ``stories`` nor ``copy_of`` key and reads as before. ``min_articles`` keeps only
    the clusters with at least that many (:func:`independent_articles`); None keeps every one.
    This is the one filter: ``diurna clusters``, :func:`diurna.clusters.event_clusters` and
    ``/api/clusters`` all pass their ``min_articles`` here."""
    conn = source.conn if isinstance(source, Store) else source
    if not has_table(conn, "event_clusters"):
        return
    story = story_of(conn)
    current: dict[str, Any] | None = None
    for row in dict_rows(conn.execute(CLUSTER_SQL)):
        cluster = row.pop("cluster")
        if current is None or current["cluster"] != cluster:
            if current is not None:
                yield from _kept(_summarise(current, story), min_articles)
            current = {"cluster": cluster, "reports": []}
        typed = _as_event_rows_have_it(row)
        current["reports"].append(typed if story is None else _with_copy_of(typed, story))
    if current is not None:
        yield from _kept(_summarise(current, story), min_articles)


def _as_event_rows_have_it(report: dict[str, Any]) -> dict[str, Any]:
    """``report`` with ``negated`` a boolean and ``place_country`` ISO alpha-3, as in the event
    rows (``diurna export``, ``/api/events``): SQLite gave 0/1 and GeoNames' alpha-2, so one
    report said ``GBR`` for its recipient and ``AF`` for its place."""
    report["negated"] = bool(report["negated"])
    place = report["place_country"]
    report["place_country"] = alpha3(place) or place if place else place
    return report


def copy_of(doc_id: str, story: dict[str, str]) -> str | None:
    """The document ``doc_id`` is a near-duplicate copy of: its story's first member, the one
    :data:`diurna.duplicates.clusters.COPIES_SQL` keeps and counts; None for that first member
    and for a document in no near-duplicate cluster (``story``: :func:`story_of`)."""
    first = story.get(doc_id, doc_id)
    return None if first == doc_id else first


def _with_copy_of(report: dict[str, Any], story: dict[str, str]) -> dict[str, Any]:
    """``report`` with ``copy_of`` (:func:`copy_of`) right after its ``doc_id``."""
    out: dict[str, Any] = {}
    for key, value in report.items():
        out[key] = value
        if key == "doc_id":
            out["copy_of"] = copy_of(value, story)
    return out


def independent_articles(cluster: dict[str, Any]) -> int:
    """What ``min_articles`` is compared with: the cluster's ``stories`` after ``diurna
    duplicates`` (a near-duplicate copy is not another report), else its ``articles``."""
    return int(cluster.get("stories", cluster["articles"]))


def cluster_line(cluster: dict[str, Any]) -> str:
    """The head line ``diurna clusters`` prints for a cluster: its type, days, counts (with the
    stories when near-duplicate copies make them fewer than the articles) and statuses."""
    c = cluster
    statuses = ", ".join(f"{n} {s}" for s, n in c["statuses"].items())
    stories = independent_articles(c)
    once = "" if stories == c["articles"] else \
        f" ({plural(stories, 'story', 'stories')}, near-duplicate copies counted once)"
    return (f"cluster {c['cluster']}  {c['type']}  {c['first_day']}..{c['last_day']}  "
            f"{plural(c['articles'], 'article')}{once}, {plural(c['sources'], 'source')} "
            f"({statuses})")


def report_line(report: dict[str, Any], titles: dict[str, str | None] | None = None) -> str:
    """The line ``diurna clusters`` prints under its cluster for a report: day, status, trigger,
    who said it, the article and, in brackets, its source (:func:`source_name`: the site,
    else the URL's host, else the input; what the head line's count of sources counts, and
    what the JSONL and CSV give as ``site``/``url``/``input``); a near-duplicate copy
    (``copy_of``, after ``diurna duplicates``) says whose, by its id and, from ``titles``
    (document id to title), its title, so a reader sees that two lines are one story told
    twice, not two reports."""
    r = report
    who = f" according to {r['according_to']}" if r["according_to"] else ""
    source = source_name(r)
    # no site, URL or input: the name is the id, which the line already gives when untitled
    outlet = f"  [{source}]" if source != r["doc_id"] else ""
    line = (f"  {r['day']}  {r['status']:<11} {r['trigger_text']!r}{who}  "
            f"{r['title'] or r['doc_id']}{outlet}")
    first = r.get("copy_of")
    if first is None:
        return line
    title = (titles or {}).get(first)
    return f"{line}  (copy of {first}{': ' + title if title else ''})"


def copied_titles(source: Store | sqlite3.Connection,
                  found: Iterable[dict[str, Any]]) -> dict[str, str | None]:
    """The titles of the documents the reports of ``found`` (clusters) are copies of: the
    table's ``(copy of …)`` names them, and the first member need not be in the cluster."""
    wanted = sorted({r["copy_of"] for c in found for r in c["reports"] if r.get("copy_of")})
    conn = source.conn if isinstance(source, Store) else source
    out: dict[str, str | None] = {}
    for start in range(0, len(wanted), 500):  # within SQLite's bound on parameters
        part = wanted[start:start + 500]
        marks = ",".join("?" * len(part))
        out.update(conn.execute(f"SELECT id, title FROM documents WHERE id IN ({marks})", part))
    return out


def _kept(cluster: dict[str, Any], min_articles: int | None) -> Iterator[dict[str, Any]]:
    if min_articles is None or independent_articles(cluster) >= min_articles:
        yield cluster


def source_name(report: dict[str, Any]) -> str:
    """Who published a report: the page's site, else its URL's host (the event rows'
    ``doc_outlet``, :func:`diurna.store.query.outlet`), else its input name."""
    return str(outlet(report.get("site"), report.get("url"), None) or report.get("input")
               or report["doc_id"])


def _summarise(c: dict[str, Any], story: dict[str, str] | None = None) -> dict[str, Any]:
    """A cluster's counts and reports; ``story`` (:func:`story_of`: None for a store never
    grouped) adds ``stories`` right after ``articles``."""
    reps = c["reports"]
    days = sorted(r["day"] for r in reps if r["day"])
    docs = {r["doc_id"] for r in reps}
    counts = {"articles": len(docs)}
    if story is not None:
        counts["stories"] = len({story.get(d, d) for d in docs})
    return {
        "cluster": c["cluster"],
        "type": reps[0]["type"],
        "first_day": days[0] if days else None,
        "last_day": days[-1] if days else None,
        **counts,
        "sources": len({source_name(r) for r in reps}),
        "statuses": dict(sorted({s: sum(r["status"] == s for r in reps)
                                 for s in {r["status"] for r in reps}}.items())),
        "reports": reps,
    }
