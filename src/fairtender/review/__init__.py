"""The annual procurement equality review, built from the register and the recorded checks.

Flow (one way): :mod:`.record` stores checks (``check --record``) ->
:mod:`.figures` computes every figure with SQL aggregates into the pydantic
:class:`.schema.ReviewData` (suppression in :mod:`.privacy`; deltas, benchmark
answers and recommendations in :mod:`.assess`) -> :mod:`.charts` (matplotlib)
-> ``render_json`` / ``render_markdown`` / ``render_html`` / ``render_docx``,
which share their wording through :mod:`.view`. :mod:`.demo` builds a demo
register. The JSON schema is documented in ``docs/review-schema.md``.

    >>> from fairtender.review.figures import compute_review   # doctest: +SKIP
    >>> data = compute_review("sqlite:///demo/fairtender.db", 2026)
    >>> from fairtender.review.render_html import render
    >>> html = render(data)

Nothing heavy is imported here, so ``fairtender --help`` stays fast.
"""
