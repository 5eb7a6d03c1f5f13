"""Insert a template's model clause into a Word document, in the document's own styles, and verify it.

Where it goes:
- a document with no element of the clause gets the whole clause as its own
  numbered section: as the last sub-section of the section on contract
  execution / special conditions when it has sub-sections ("5.3" -> "5.4"),
  else right after that section at its level ("5." -> "6.", or "5a." when "6."
  is taken -- we never renumber the user's headings, because cross-references
  in the text point at them), else at the end of the body ("10." -> "11.");
  ``after`` names the heading to use instead;
- a document with part of the clause gets only the missing elements, appended
  to the section that holds the part it has;
- a document with the complete clause is left alone (nothing is written).

How it looks: the new heading copies the paragraph and run properties of an
existing heading at the same level (so Word's own heading numbering, if any,
continues), and the clause paragraphs copy those of the body paragraph it
follows. After writing, the output is read back and checked; ``verified`` says
whether the checker now finds the template complete.
"""

from __future__ import annotations

import os
import re
import tempfile
from copy import deepcopy
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from .errors import UsageError

# Headings of the section on contract execution / special conditions, in the five languages.
EXECUTION_HEADINGS = re.compile(
    r"(contract (execution|performance)|performance of the (contract|services|agreement|works)"
    r"|execution of the (contract|agreement)|special (conditions|contract conditions|terms)"
    r"|conditions of (performance|execution|contract)|performance conditions|contract conditions"
    r"|uitvoering|bijzondere (bepalingen|voorwaarden)|uitvoeringsvoorwaarden|uitvoeringsbepalingen"
    r"|särskilda (kontraktsvillkor|villkor|avtalsvillkor)|utförande|leverantörens åtaganden|kontraktsvillkor"
    r"|exécution|conditions particulières|clauses particulières|cahier des clauses"
    r"|ausführung|ausführungsbedingungen|besondere (vertragsbedingungen|bedingungen)|leistungserbringung"
    r"|vertragsbedingungen)", re.IGNORECASE)

_NUMBER = re.compile(
    r"^(?P<prefix>(?:article|artikel|art\.|clause|section|§|kapitel|chapitre|chapter|punkt)\s*)?"
    r"(?P<num>\d+(?:\.\d+)*)(?P<suffix>[a-z]?)(?P<dot>\.?)(?P<sep>\s*[-–—:]?\s*)(?=\S)", re.IGNORECASE)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class InsertResult(BaseModel):
    """What ``insert`` did (or would do), for the CLI to print and for scripts to read."""

    source: str
    output: str | None
    template: str
    language: str
    status: Literal["inserted", "completed", "already-complete"]
    inserted_elements: list[str]
    heading: str | None = None
    anchor: str | None = None
    position: Literal["after-section", "in-section", "in-clause", "end", "none"] = "none"
    verified: bool | None = None
    status_after: str | None = None
    message: str = ""


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _strip_number(text: str) -> str:
    m = _NUMBER.match(text.strip())
    return text.strip()[m.end():] if m else text.strip()


def analyse_for_insert(source: Path, template_id: str, *, lang: str | None = None,
                       clauses_dirs: list[Path] | None = None):
    """Read and check ``source`` against one template: (document, language, template, result)."""
    from .catalog.templates import get_template
    from .engine.clauses import evaluate_template
    from .nlp import analyse
    from .readers import read_document

    template = get_template(template_id, clauses_dirs)
    document = read_document(source)
    adoc = analyse(document, lang=lang)
    if adoc.language not in template.languages:
        raise UsageError(f"template '{template.id}' has no text in language '{adoc.language}': "
                         f"use --lang with one of {', '.join(template.languages)}")
    result, _ = evaluate_template(adoc, template, None)
    return document, adoc.language, template, result


def missing_elements(template, result) -> list[str]:
    """Element ids to add: the absent ones, and the grounds element when it lacks grounds."""
    missing = [e.id for e in result.elements if not e.present]
    if result.grounds is not None and result.grounds.missing:
        missing += [el.id for el in template.elements if el.grounds and el.id not in missing]
    return [el.id for el in template.elements if el.id in missing]


def insert_clause(source: Path | str, template_id: str, output: Path | str, *, lang: str | None = None,
                  authority: str | None = None, after: str | None = None, report_days: int | None = None,
                  clauses_dirs: list[Path] | None = None) -> InsertResult:
    """Insert the model clause of ``template_id`` into ``source`` and write ``output`` (never ``source``)."""
    from .clause_text import render_clause

    source, output = Path(source), Path(output)
    if source.suffix.lower() != ".docx":
        raise UsageError(f"{source}: insert writes Word documents (.docx); "
                         "use --format markdown or text to print the clause for other formats")
    if output.suffix.lower() != ".docx":
        raise UsageError(f"{output}: the output must be a .docx file")
    if not source.is_file():
        raise UsageError(f"{source}: no such file")
    if output.resolve() == source.resolve() or (output.exists() and os.path.samefile(output, source)):
        raise UsageError(f"{output}: refusing to overwrite the input document; choose another --output")
    document, language, template, result = analyse_for_insert(source, template_id, lang=lang,
                                                              clauses_dirs=clauses_dirs)
    base = dict(source=str(source), template=template.id, language=language)
    if result.status == "complete":
        return InsertResult(**base, output=None, status="already-complete", inserted_elements=[],
                            status_after="complete",
                            message=f"{source} already contains the complete {template.title}; nothing written.")
    missing = missing_elements(template, result)
    partial = result.status == "partial"
    clause = render_clause(template, language, authority=authority, report_days=report_days,
                           elements=missing if partial else None)
    import docx

    word = docx.Document(str(source))
    editor = _Editor(word, document)
    if partial:
        first = next(e for e in result.elements if e.present and e.location is not None)
        heading, anchor, position = None, editor.insert_in_clause(first.location.paragraph, clause), "in-clause"
    else:
        heading, anchor, position = editor.insert_section(clause, after)
    _save(word, output)
    verified, status_after = _verify(output, template.id, language, clauses_dirs)
    inserted = [p.element for p in clause.paragraphs if p.element]
    what = (f"the missing elements ({', '.join(e.split('.')[-1] for e in inserted)})" if partial
            else f"the {template.title} ({len(inserted)} elements)")
    anchor_text = anchor or ""
    where = {"in-clause": (f"to the existing clause under '{anchor_text}'" if not anchor_text.startswith("paragraph ")
                           else f"to the existing clause, after {anchor_text}"),
             "end": f"as '{heading}' at the end of the document",
             "after-section": f"as '{heading}' after the section '{anchor}'",
             "in-section": f"as '{heading}' at the end of the section '{anchor}'"}[position]
    message = f"Inserted {what} {where} in {output}."
    message += (" Verified: the check now finds the clause complete." if verified else
                f" Verification FAILED: the check finds the clause {status_after} in {output}.")
    return InsertResult(**base, output=str(output), status="completed" if partial else "inserted",
                        inserted_elements=inserted, heading=heading, anchor=anchor, position=position,
                        verified=verified, status_after=status_after, message=message)


def _save(word: Any, output: Path) -> None:
    """Write atomically: a crash never leaves a half-written output."""
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".fairtender-", suffix=".docx", dir=output.parent)
    os.close(fd)
    try:
        word.save(tmp)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _verify(output: Path, template_id: str, language: str, clauses_dirs: list[Path] | None) -> tuple[bool, str]:
    _, _, _, result = analyse_for_insert(output, template_id, lang=language, clauses_dirs=clauses_dirs)
    return result.status == "complete", result.status


class _Editor:
    """Edits python-docx's XML, finding paragraphs through the reader's ``xml_path``."""

    def __init__(self, word: Any, document: Any) -> None:
        self.word = word
        self.root = word.element
        self.body = word.element.body
        self.paragraphs = document.paragraphs

    # ------------------------------------------------------------------ locating

    def element(self, paragraph) -> Any:
        if not paragraph.xml_path:
            raise UsageError("cannot locate paragraphs in this document (no XML paths from the reader)")
        found = self.root.xpath(paragraph.xml_path)
        if not found:
            raise UsageError(f"cannot locate paragraph {paragraph.index} in the Word file")
        return found[0]

    def top(self, el: Any) -> Any:
        """The body-level element (paragraph or table) that contains ``el``."""
        while el.getparent() is not None and el.getparent() is not self.body:
            el = el.getparent()
        return el

    def headings(self) -> list:
        return [p for p in self.paragraphs if p.kind == "heading" and p.heading_level]

    def section_end(self, start: int, level: int) -> int:
        """Index (into self.paragraphs) of the last paragraph of the section whose heading is at ``start``."""
        end = start
        for i in range(start + 1, len(self.paragraphs)):
            p = self.paragraphs[i]
            if p.kind == "heading" and p.heading_level and p.heading_level <= level:
                break
            end = i
        return end

    # ------------------------------------------------------------------ inserting

    def insert_in_clause(self, paragraph_index: int, clause) -> str:
        """Append the clause paragraphs after the last paragraph of the section holding ``paragraph_index``."""
        pos = next(i for i, p in enumerate(self.paragraphs) if p.index == paragraph_index)
        start = pos
        while start > 0 and self.paragraphs[start].kind != "heading":
            start -= 1
        heading = self.paragraphs[start] if self.paragraphs[start].kind == "heading" else None
        level = heading.heading_level or 1 if heading else 99
        end = self.section_end(start, level) if heading else pos
        last = self.paragraphs[end]
        model = self.element(self.paragraphs[pos])
        anchor_el = self.top(self.element(last))
        self._body_paragraphs(anchor_el, model, clause, numbered_like=None)
        return heading.text if heading else f"paragraph {last.index}"

    def insert_section(self, clause, after: str | None) -> tuple[str, str | None, str]:
        headings = self.headings()
        idx = {id(p): i for i, p in enumerate(self.paragraphs)}
        anchor = None
        if after:
            want = _norm(after)
            exact = [h for h in headings if _norm(h.text) == want or _norm(_strip_number(h.text)) == want]
            loose = [h for h in headings if want in _norm(h.text)]
            anchor = (exact or loose or [None])[0]
            if anchor is None:
                raise UsageError(f"no heading matching '{after}' in the document; "
                                 f"headings are: {'; '.join(h.text for h in headings[:12])}")
        else:
            matches = [h for h in headings if EXECUTION_HEADINGS.search(_strip_number(h.text))]
            if matches:
                top_level = min(h.heading_level for h in matches)
                anchor = next(h for h in matches if h.heading_level == top_level)
        if anchor is not None:
            a = idx[id(anchor)]
            level = anchor.heading_level
            end = self.section_end(a, level)
            subs = [p for p in self.paragraphs[a + 1:end + 1] if p.kind == "heading" and p.heading_level == level + 1]
            if subs:  # last sub-section of the execution section: "5.3" -> "5.4"
                model = subs[-1]
                number = _next_number(model.text, taken=[])
                position = "in-section"
            else:  # a sibling section right after it
                model = anchor
                later = [p.text for p in self.paragraphs[end + 1:] if p.kind == "heading"
                         and p.heading_level == level]
                number = _next_number(anchor.text, taken=later)
                position = "after-section"
            after_el = self.top(self.element(self.paragraphs[end]))
        else:  # the end of the body, after the last top-level section
            tops = [h for h in headings if h.heading_level == min((x.heading_level for x in headings), default=1)]
            model = tops[-1] if tops else None
            number = _next_number(model.text, taken=[]) if model is not None else None
            children = [c for c in self.body if c.tag != f"{W}sectPr"]
            after_el = children[-1] if children else None
            position = "end"
        heading_text = f"{number}{clause.heading}" if number else clause.heading
        heading_el = self._heading(model, heading_text)
        if after_el is None:
            self.body.insert(0, heading_el)
        else:
            after_el.addnext(heading_el)
        body_model = self._body_model(model)
        self._body_paragraphs(heading_el, body_model, clause, numbered_like=None)
        return heading_text, (anchor.text if anchor is not None else None), position

    def _body_model(self, heading) -> Any | None:
        """The first body paragraph after ``heading`` (its look is what clause paragraphs copy)."""
        if heading is None:
            return None
        start = next(i for i, p in enumerate(self.paragraphs) if p is heading)
        for p in self.paragraphs[start + 1:]:
            if p.kind in ("body", "list-item"):
                return self.element(p)
        return None

    def _heading(self, model, text: str) -> Any:
        from docx.oxml import OxmlElement

        p = OxmlElement("w:p")
        if model is not None:
            src = self.element(model)
            ppr = src.find(f"{W}pPr")
            if ppr is not None:
                p.append(deepcopy(ppr))
            _add_run(p, text, _first_rpr(src))
        else:
            ppr = OxmlElement("w:pPr")
            style = OxmlElement("w:pStyle")
            style.set(f"{W}val", _style_id(self.word, "Heading 1"))
            ppr.append(style)
            p.append(ppr)
            _add_run(p, text, None)
        return p

    def _body_paragraphs(self, after_el: Any, model: Any | None, clause, numbered_like) -> None:
        from docx.oxml import OxmlElement

        prev = after_el
        for para in clause.paragraphs:
            p = OxmlElement("w:p")
            if model is not None:
                ppr = model.find(f"{W}pPr")
                if ppr is not None:
                    ppr = deepcopy(ppr)
                    for child in ppr.findall(f"{W}sectPr"):  # never copy a section break
                        ppr.remove(child)
                    p.append(ppr)
            _add_run(p, para.text, _first_rpr(model) if model is not None else None)
            prev.addnext(p)
            prev = p


def _first_rpr(p: Any) -> Any | None:
    r = p.find(f"{W}r")
    if r is None:
        return None
    rpr = r.find(f"{W}rPr")
    return deepcopy(rpr) if rpr is not None else None


def _add_run(p: Any, text: str, rpr: Any | None) -> None:
    from docx.oxml import OxmlElement

    r = OxmlElement("w:r")
    if rpr is not None:
        r.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    p.append(r)


def _style_id(word: Any, name: str) -> str:
    try:
        return word.styles[name].style_id
    except KeyError:
        return name.replace(" ", "")


def _next_number(heading_text: str, taken: list[str]) -> str | None:
    """The heading prefix after ``heading_text``'s number ("5.3 X" -> "5.4 "), or None if it has none.

    When that number is taken by a later heading, the anchor's number gets a letter ("5." -> "5a.")
    rather than renumbering the user's headings.
    """
    m = _NUMBER.match(heading_text.strip())
    if not m:
        return None
    parts = m.group("num").split(".")
    parts[-1] = str(int(parts[-1]) + 1)
    candidate = ".".join(parts)
    taken_numbers = {mm.group("num") for t in taken if (mm := _NUMBER.match(t.strip()))}
    if candidate in taken_numbers:
        letter = chr(ord(m.group("suffix").lower() or "`") + 1)
        candidate = m.group("num") + letter
    prefix = m.group("prefix") or ""
    sep = m.group("sep") or " "
    return f"{prefix}{candidate}{m.group('dot')}{sep}"


def clause_for_printing(source: Path | str, template_id: str, *, lang: str | None = None,
                        authority: str | None = None, report_days: int | None = None,
                        clauses_dirs: list[Path] | None = None):
    """What ``insert --format markdown|text`` prints: (result, rendered clause or None when complete)."""
    from .clause_text import render_clause

    _, language, template, result = analyse_for_insert(Path(source), template_id, lang=lang,
                                                       clauses_dirs=clauses_dirs)
    if result.status == "complete":
        return result, None, language
    partial = result.status == "partial"
    clause = render_clause(template, language, authority=authority, report_days=report_days,
                           elements=missing_elements(template, result) if partial else None)
    return result, clause, language
