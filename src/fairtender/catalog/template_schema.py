"""The schema of a clause template (``clauses/*.yaml``), and the checks pydantic alone cannot make.

A template is data a lawyer edits: a standard clause cut into *elements*
(what each part of the clause must say), the *concepts* those elements are
recognised by (word patterns per language, in the shared pattern language of
:mod:`fairtender.engine.patterns`), the protected *grounds* a clause must list
(Ghent), when the template *applies* (minimum value and duration), and the
*model text* of each element per language, which ``insert`` and
``clauses show`` render and which the checker must recognise as complete.

Why concepts and not one pattern per element: an element is real only when
several things co-occur ("subcontractor" AND "impose/ensure" AND an
anti-discrimination context), and the same concept (e.g. "subcontractor")
serves several elements. Elements therefore name concepts, and concepts carry
the per-language wording.
"""

from __future__ import annotations

import re
import string
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..models import Severity

LANGS = ("en", "nl", "sv", "fr", "de")
Lang = Literal["en", "nl", "sv", "fr", "de"]
PLACEHOLDERS = ("authority", "contractor", "report_days")
_ID = r"^[a-z][a-z0-9-]*$"


class TemplateLimits(BaseModel):
    """When the template is required: contract value and duration at or above these."""

    model_config = ConfigDict(extra="forbid")

    min_value: float | None = Field(None, ge=0)
    currency: str = Field("EUR", pattern=r"^[A-Z]{3}$")
    min_duration_months: float | None = Field(None, ge=0)


class GroundSpec(BaseModel):
    """A protected ground (Ghent list) and its wording per language."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=_ID)
    title: str
    synonyms: dict[Lang, list[str]]


class ElementSpec(BaseModel):
    """One part of a clause: what it requires and how it is recognised."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^clause\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$")
    title: str
    requires: str = Field(description="what the element requires, in plain words")
    severity: Severity = Severity.error
    needs: list[str] = Field(min_length=1, description="concepts that must co-occur in one clause of a "
                             "sentence; 'a|b' accepts either concept")
    context: Literal["sentence", "clause", "none"] = Field(
        "clause", description="sentence: the context concept (anti-discrimination) must be in the same "
        "sentence; clause: or in the heading/lead sentence of the paragraph or section; none: not needed")
    unless: list[str] = Field(default_factory=list, description="concepts that veto a match in the same clause")
    grounds: bool = Field(False, description="presence is decided by the number of grounds listed")
    kinds: list[Literal["tender", "contract", "notice"]] = Field(default_factory=lambda: ["tender", "contract"],
                                                       description="document kinds that must contain it")
    text: dict[Lang, str] = Field(description="model sentence(s) per language")


class Template(BaseModel):
    """A clause (or report) template as read from one YAML file."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=_ID)
    title: str
    purpose: Literal["clause", "report"] = "clause"
    description: str = ""
    legal_basis: str = ""
    source: str = ""
    languages: list[Lang] = Field(min_length=1)
    applies: TemplateLimits | None = None
    context: str = Field("discrimination", description="the concept that makes a passage anti-discrimination")
    off_topic: str | None = Field(None, description="a concept that cancels an inherited context "
                                  "(confidentiality, environment, late delivery ...)")
    grounds_cue: str | None = Field(None, description="a concept that, besides the context, introduces a "
                                    "list of grounds ('regardless of')")
    not_context: str | None = Field(None, description="a concept that cancels the context in its sentence: the "
                                    "procurement principle of treating tenderers equally and without "
                                    "discrimination is not an anti-discrimination clause")
    min_grounds: int = Field(2, ge=1, description="grounds needed for the grounds element to count")
    concepts: dict[str, dict[Lang, list[str]]]
    grounds: list[GroundSpec] = Field(default_factory=list)
    placeholders: dict[str, dict[str, str]] = Field(
        default_factory=dict, description="default value of each placeholder per language ('*' = any)")
    heading: dict[Lang, str]
    intro: dict[Lang, str] = Field(default_factory=dict)
    elements: list[ElementSpec] = Field(min_length=1)

    def element(self, element_id: str) -> ElementSpec:
        for el in self.elements:
            if el.id == element_id:
                return el
        raise KeyError(element_id)

    @property
    def digest(self) -> str:
        """A fingerprint of the recognition data, so compiled matchers are reused only for equal templates."""
        import hashlib

        data = self.model_dump_json(include={"id", "concepts", "grounds", "elements", "context", "grounds_cue",
                                              "not_context"})
        return hashlib.sha1(data.encode()).hexdigest()[:16]


def _placeholders(text: str) -> list[str]:
    try:
        return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as e:
        raise ValueError(f"bad placeholder: {e}") from None


def _check_pattern(pattern: str) -> None:
    """parse_pattern, plus the mistake it lets through: a prefix inside alternatives ("same|equal*")."""
    from ..engine.patterns import PatternError, parse_pattern

    for tok in parse_pattern(pattern):
        if tok.kind == "alt" and any("*" in v for v in tok.values):
            raise PatternError(f"'*' does not work inside alternatives ('{'|'.join(tok.values)}'): "
                               "write each prefix as a pattern of its own")


def semantic_errors(t: Template) -> list[tuple[str, str]]:
    """(field, reason) for every inconsistency a schema cannot express; empty when the template is sound."""
    from ..engine.patterns import PatternError

    parse_pattern = _check_pattern

    errs: list[tuple[str, str]] = []
    prefix = f"clause.{t.id}."
    seen: set[str] = set()
    for name, per_lang in t.concepts.items():
        if not re.match(_ID, name):
            errs.append((f"concepts.{name}", "concept names are lower-case words with hyphens"))
        for lang, patterns in per_lang.items():
            for i, p in enumerate(patterns):
                try:
                    parse_pattern(p)
                except PatternError as e:
                    errs.append((f"concepts.{name}.{lang}[{i}]", str(e)))
    for gi, g in enumerate(t.grounds):
        for lang in t.languages:
            if not g.synonyms.get(lang):
                errs.append((f"grounds[{gi}].synonyms.{lang}", f"no wording for language '{lang}'"))
        for lang, patterns in g.synonyms.items():
            for i, p in enumerate(patterns):
                try:
                    parse_pattern(p)
                except PatternError as e:
                    errs.append((f"grounds[{gi}].synonyms.{lang}[{i}]", str(e)))

    def need_concept(field: str, name: str) -> None:
        if name not in t.concepts:
            errs.append((field, f"unknown concept '{name}' (define it under concepts)"))
            return
        for lang in t.languages:
            if not t.concepts[name].get(lang):
                errs.append((f"concepts.{name}.{lang}", f"no patterns for language '{lang}' "
                             f"(the template lists it in languages)"))

    need_concept("context", t.context)
    if t.off_topic:
        need_concept("off_topic", t.off_topic)
    if t.grounds_cue:
        need_concept("grounds_cue", t.grounds_cue)
    if t.not_context:
        need_concept("not_context", t.not_context)
    for lang in t.languages:
        if not t.heading.get(lang):
            errs.append((f"heading.{lang}", f"no heading for language '{lang}'"))
    for ei, el in enumerate(t.elements):
        where = f"elements[{ei}]"
        if not el.id.startswith(prefix):
            errs.append((f"{where}.id", f"element ids of template '{t.id}' start with '{prefix}'"))
        if el.id in seen:
            errs.append((f"{where}.id", f"duplicate element id '{el.id}'"))
        seen.add(el.id)
        if el.grounds and not t.grounds:
            errs.append((f"{where}.grounds", "the template lists no grounds"))
        for ni, need in enumerate(el.needs):
            for name in need.split("|"):
                need_concept(f"{where}.needs[{ni}]", name)
        for ui, name in enumerate(el.unless):
            need_concept(f"{where}.unless[{ui}]", name)
        for lang in t.languages:
            if not el.text.get(lang):
                errs.append((f"{where}.text.{lang}", f"no model text for language '{lang}'"))
    for field, texts in [("heading", t.heading), ("intro", t.intro)] + [
            (f"elements[{i}].text", el.text) for i, el in enumerate(t.elements)]:
        for lang, text in texts.items():
            try:
                names = _placeholders(text)
            except ValueError as e:
                errs.append((f"{field}.{lang}", str(e)))
                continue
            for n in names:
                if n not in PLACEHOLDERS:
                    errs.append((f"{field}.{lang}", f"unknown placeholder '{{{n}}}' "
                                 f"(use {', '.join('{' + p + '}' for p in PLACEHOLDERS)})"))
    for name in t.placeholders:
        if name not in PLACEHOLDERS:
            errs.append((f"placeholders.{name}", f"unknown placeholder (use {', '.join(PLACEHOLDERS)})"))
    return errs
