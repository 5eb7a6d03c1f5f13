"""Rendering a template's model clause text in one language, with its placeholders filled in.

The same rendering feeds ``clauses show``, ``insert`` (Word), ``insert --format
markdown|text`` and the suggestion of every missing-element finding, so what a
user is told to add is exactly what ``insert`` would add -- and the tests
check that the checker recognises it as complete.
"""

from __future__ import annotations

from pydantic import BaseModel

from .catalog.template_schema import ElementSpec, Template
from .errors import UsageError


class ClauseParagraph(BaseModel):
    element: str | None  # the element id, None for the introduction
    text: str


class RenderedClause(BaseModel):
    template: str
    language: str
    heading: str
    paragraphs: list[ClauseParagraph]

    def as_text(self, number: str | None = None) -> str:
        head = f"{number} {self.heading}" if number else self.heading
        return "\n\n".join([head, *(p.text for p in self.paragraphs)]) + "\n"

    def as_markdown(self, level: int = 2) -> str:
        return "\n\n".join([f"{'#' * level} {self.heading}", *(p.text for p in self.paragraphs)]) + "\n"


def placeholder_values(template: Template, lang: str, *, authority: str | None = None,
                       report_days: int | str | None = None, contractor: str | None = None) -> dict[str, str]:
    """Placeholder values: the caller's, else the template's defaults for ``lang`` (or '*')."""
    out: dict[str, str] = {}
    for name, per_lang in template.placeholders.items():
        value = per_lang.get(lang, per_lang.get("*"))
        if value is not None:
            out[name] = value
    for name, value in (("authority", authority), ("report_days", report_days), ("contractor", contractor)):
        if value is not None:
            out[name] = str(value)
    out.setdefault("authority", {"nl": "de aanbestedende overheid", "sv": "den upphandlande myndigheten",
                                 "fr": "le pouvoir adjudicateur", "de": "der Auftraggeber"}.get(
                                     lang, "the Contracting Authority"))
    out.setdefault("contractor", {"nl": "de opdrachtnemer", "sv": "leverantören", "fr": "le titulaire",
                                  "de": "der Auftragnehmer"}.get(lang, "the Contractor"))
    out.setdefault("report_days", "10")
    return out


def _fill(text: str, values: dict[str, str]) -> str:
    filled = text.format(**values)
    # a placeholder at the start of a sentence ("{authority} may ...") gets a capital
    return filled[:1].upper() + filled[1:] if filled else filled


def element_text(template: Template, element: ElementSpec, lang: str, **values: object) -> str:
    """The model sentence(s) of one element in ``lang``, placeholders filled."""
    text = element.text.get(lang) or element.text.get(template.languages[0], "")
    return _fill(text, placeholder_values(template, lang, **values))  # type: ignore[arg-type]


def render_clause(template: Template, lang: str, *, authority: str | None = None,
                  report_days: int | str | None = None, contractor: str | None = None,
                  elements: list[str] | None = None, intro: bool | None = None) -> RenderedClause:
    """The model clause in ``lang``: heading, introduction and the element texts (all, or only ``elements``).

    The introduction is left out when only some elements are rendered (a partial
    insert adds to a clause that already has one), unless ``intro`` says otherwise.
    """
    if lang not in template.languages:
        raise UsageError(f"template '{template.id}' has no text in language '{lang}': "
                         f"choose from {', '.join(template.languages)}")
    if elements is not None:
        unknown = [e for e in elements if e not in {el.id for el in template.elements}]
        if unknown:
            raise UsageError(f"template '{template.id}' has no element '{unknown[0]}'")
    values = placeholder_values(template, lang, authority=authority, report_days=report_days,
                                contractor=contractor)
    paragraphs: list[ClauseParagraph] = []
    with_intro = intro if intro is not None else elements is None
    if with_intro and template.intro.get(lang):
        paragraphs.append(ClauseParagraph(element=None, text=_fill(template.intro[lang], values)))
    for el in template.elements:
        if elements is None or el.id in elements:
            paragraphs.append(ClauseParagraph(element=el.id, text=_fill(el.text[lang], values)))
    return RenderedClause(template=template.id, language=lang, heading=_fill(template.heading[lang], values),
                          paragraphs=paragraphs)
