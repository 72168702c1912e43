"""Page stage: raw bytes (HTML, text dump, WARC record, JSONL field) → a :class:`Document`.

Public interface (stable; the rest of the pipeline relies on it):

- :class:`RawInput`: one input's bytes and where they came from.
- :func:`iter_inputs`: paths, folders, globs, ``-`` (stdin), fsspec URLs, gzip, WARC and JSONL
  → RawInputs.
- :func:`input_names`: the files such paths name, without reading them (for runners whose
  workers open their own inputs).
- :func:`read_page`: one RawInput → Document with ``text`` (body), title, dek, byline, dates,
  comments; raises :class:`diurna.model.Rejected` for input it cannot read.
"""

from diurna.page.inputs import RawInput, input_names, iter_inputs
from diurna.page.reader import read_page

__all__ = ["RawInput", "input_names", "iter_inputs", "read_page"]
