"""The choices and defaults of the coding options (``--coder``, ``--args``, ``--gate``): what
:meth:`diurna.pipeline.Pipeline.default` takes and the command line offers. A module of its own,
with no imports, so that ``diurna --help`` and the light commands build their options without
importing the page stack and the models' libraries (docs/batch.md, session 34's W5)."""

CODERS = ("learned", "rules", "keyword", "tagger")
DEFAULT_CODER = "learned"
# Who did it to whom: ``rules`` (the coder's own rule steps) or ``learned`` (the argument ranker of
# :mod:`diurna.events.arguments` re-deciding them; docs/events-arguments.md). The default is
# ``learned`` since session 50 (brief A63's ranker, judged on blind text; the flip first tried in
# session 48's brief F61).
ARGS = ("rules", "learned")
DEFAULT_ARGS = "learned"
# Which sentences the learned coder reads on pages that are not political news
# (diurna.events.gate): "actors" those with a party the actor dictionary codes outside business,
# "parties" only those with a public party, "off" all of them.
GATES = ("actors", "parties", "off")
DEFAULT_GATE = "actors"


def check_coding(coder: str, args: str, gate: str) -> None:
    """Refuse a coding option that is not one of its choices with a ``ValueError`` naming the
    value and the choices, before any model is built: the library's :func:`diurna.process` and
    :meth:`diurna.pipeline.Pipeline.default` take these as the CLI's ``--coder``, ``--args`` and
    ``--gate`` do (where click refuses them)."""
    if coder not in CODERS:
        raise ValueError(f"unknown event coder {coder!r}; choose one of {', '.join(CODERS)}")
    if args not in ARGS:
        raise ValueError(f"unknown argument attachment {args!r}; choose one of {', '.join(ARGS)}")
    if gate not in GATES:
        raise ValueError(f"unknown gate {gate!r}; choose one of {', '.join(GATES)}")
