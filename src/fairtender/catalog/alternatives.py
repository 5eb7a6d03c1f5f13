"""Phrase alternatives in rule patterns: ``(at least|minimum|no fewer than) #num employees``.

The shared pattern language alternates single words (``employee|staff``). Rule
authors constantly need alternatives of *phrases* ("at least" or "minimum" or
"not less than"), so a rule pattern may group them in parentheses; the group is
expanded into one plain pattern per alternative before compiling, so the
matcher and the pattern language stay unchanged. An empty alternative makes the
group optional: ``(the|)``, and so does a ``?`` right after the group, as after a
word: ``(not|never)? accepted``. Text inside ``/regex/`` and ``"quotes"`` is left alone.
"""

from __future__ import annotations

import re

MAX_EXPANSIONS = 256
_WORD = re.compile(r"^\w+$")


class AlternativesError(ValueError):
    """Unbalanced parentheses or too many combinations."""


def _top_level_groups(pattern: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level ``( ... )`` outside regexes and quotes."""
    groups: list[tuple[int, int]] = []
    depth, start, closer = 0, -1, ""
    prev = " "
    for i, ch in enumerate(pattern):
        if closer:
            if ch == closer and prev != "\\":
                closer = ""
        elif ch in "/\"" and prev.isspace() and depth == 0:
            closer = ch
        elif ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise AlternativesError("')' without '('")
            if depth == 0:
                groups.append((start, i + 1))
        prev = ch
    if depth:
        raise AlternativesError("'(' without ')'")
    return groups


def _split_top(body: str) -> list[str]:
    out, depth, buf = [], 0, ""
    for ch in body:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            out.append(buf)
            buf = ""
        else:
            buf += ch
    out.append(buf)
    return out


def expand(pattern: str) -> list[str]:
    """Every plain pattern a pattern with ``(a b|c)`` groups stands for (in order, deduplicated)."""
    if "(" not in pattern:
        return [pattern]
    groups = _top_level_groups(pattern)
    if not groups:
        return [pattern]
    results = [""]
    pos = 0
    for start, end in groups:
        head = pattern[pos:start]
        alts = [a.strip() for a in _split_top(pattern[start + 1 : end - 1])]
        optional = pattern[end : end + 1] == "?"  # "(a|b)?" as "(a|b|)": "?" alone would be a word
        if optional:
            alts.append("")
            end += 1
        options: list[str] = []
        if all(_WORD.match(a) for a in alts):  # (an optional group has "" among them, so never here)
            options = ["|".join(alts)]  # plain words: the pattern language alternates them itself
        else:
            for alt in alts:
                options.extend(expand(alt) if alt else [""])
        results = [r + head + " " + o + " " for r in results for o in options]
        if len(results) > MAX_EXPANSIONS:
            raise AlternativesError(f"more than {MAX_EXPANSIONS} combinations: split the pattern")
        pos = end
    tail = pattern[pos:]
    seen: dict[str, None] = {}
    for r in results:
        seen[" ".join((r + tail).split())] = None
    return [p for p in seen if p]
