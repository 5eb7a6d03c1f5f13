"""Read a .docx into paragraphs in true reading order.

python-docx opens the package and gives us the styles, but its
``document.paragraphs`` / ``document.tables`` lists lose the interleaving of
paragraphs and tables, repeat merged cells and ignore text boxes. Selection
criteria often sit in tables and clauses in text boxes, so we walk the body
XML ourselves: paragraphs, tables (nested too, every ``w:tc`` once), content
controls and text boxes, in document order. Headers and footers live in other
parts and are never visited.

Section paths follow :class:`~.structure.SectionTracker`: a heading carries
its parents, the paragraphs after it carry it too. A Title-styled paragraph is
a heading of level 0 and does not enter the path (a document title is not a
section).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..models import Paragraph
from .structure import SectionTracker, numbered_heading_level, renumber

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, SDT, SDT_CONTENT = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("sdt"), _w("sdtContent")
R, T, TAB, BR, CR, NBH = _w("r"), _w("t"), _w("tab"), _w("br"), _w("cr"), _w("noBreakHyphen")
PPR, RPR, PSTYLE, NUMPR, OUTLINE, VAL = _w("pPr"), _w("rPr"), _w("pStyle"), _w("numPr"), _w("outlineLvl"), _w("val")
B, TXBX, DRAWING, PICT = _w("b"), _w("txbxContent"), _w("drawing"), _w("pict")
TCPR, VMERGE, CUSTOMXML = _w("tcPr"), _w("vMerge"), _w("customXml")
ALT, CHOICE, FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
# Containers whose children are runs (or more containers) inside a paragraph.
_RUN_CONTAINERS = {_w("hyperlink"), _w("ins"), _w("smartTag"), _w("fldSimple"), _w("customXml"), _w("moveTo"),
                   SDT, SDT_CONTENT, _w("dir"), _w("bdo")}

_HEADING_NAME = re.compile(
    r"^(?:heading|kop|rubrik|titre|überschrift|uberschrift|titolo|título|encabezado|otsikko|overskrift|"
    r"nagłówek|nadpis|címsor|cabeçalho)\s*(\d)$",
    re.IGNORECASE,
)
_TITLE_NAME = re.compile(r"^(?:title|titel|titre|titolo|título|rubrik|otsikko|tittel)$", re.IGNORECASE)


@dataclass
class _StyleInfo:
    name: str
    heading_level: int | None  # 0 = Title
    bold: bool
    numbered: bool


def _on(el) -> bool:
    """A WordprocessingML on/off property: present and not val=0/false."""
    if el is None:
        return False
    return el.get(VAL, "true").lower() not in ("0", "false", "off")


def _style_table(styles_el) -> dict[str, _StyleInfo]:
    """Resolve every paragraph style: heading level by name or outline level, following basedOn."""
    raw: dict[str, dict] = {}
    for st in styles_el.iterchildren(_w("style")):
        sid = st.get(_w("styleId"))
        if not sid:
            continue
        name_el = st.find(_w("name"))
        based = st.find(_w("basedOn"))
        ppr = st.find(PPR)
        rpr = st.find(RPR)
        outline = ppr.find(OUTLINE) if ppr is not None else None
        raw[sid] = {
            "name": name_el.get(VAL) if name_el is not None else sid,
            "based": based.get(VAL) if based is not None else None,
            "outline": int(outline.get(VAL)) if outline is not None and (outline.get(VAL) or "").isdigit() else None,
            "bold": _on(rpr.find(B)) if rpr is not None and rpr.find(B) is not None else None,
            "numbered": ppr is not None and ppr.find(NUMPR) is not None,
        }

    def own_level(d: dict, sid: str) -> int | None:
        for candidate in (d["name"], sid):
            m = _HEADING_NAME.match(candidate.strip())
            if m and m.group(1) != "0":
                return int(m.group(1))
            if _TITLE_NAME.match(candidate.strip()):
                return 0
        if d["outline"] is not None and d["outline"] < 9:
            return d["outline"] + 1
        return None

    out: dict[str, _StyleInfo] = {}
    for sid, d in raw.items():
        level, bold, numbered = own_level(d, sid), d["bold"], d["numbered"]
        seen = {sid}
        base = d["based"]
        while base and base in raw and base not in seen:  # basedOn chain, loop-safe
            seen.add(base)
            b = raw[base]
            if level is None:
                level = own_level(b, base)
            if bold is None:
                bold = b["bold"]
            numbered = numbered or b["numbered"]
            base = b["based"]
        name = d["name"]
        if name.lower().startswith("heading ") or name.lower() == "title":
            name = name[:1].upper() + name[1:]
        out[sid] = _StyleInfo(name=name, heading_level=level, bold=bool(bold), numbered=numbered)
    return out


def _default_style(styles_el) -> str | None:
    for st in styles_el.iterchildren(_w("style")):
        if st.get(_w("type")) == "paragraph" and st.get(_w("default")) in ("1", "true", "on"):
            return st.get(_w("styleId"))
    return None


class _ParagraphText:
    """Text of one ``w:p`` plus the text boxes anchored in it (read after it)."""

    __slots__ = ("parts", "textboxes", "runs", "bold_runs")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.textboxes: list = []
        self.runs = 0
        self.bold_runs = 0

    def walk(self, el) -> None:
        for child in el:
            tag = child.tag
            if tag == R:
                self._run(child)
            elif tag in _RUN_CONTAINERS:
                self.walk(child)
            elif tag == ALT:
                self._alternate(child)

    def _alternate(self, alt) -> None:
        # Word writes a text box twice: DrawingML in mc:Choice, VML in mc:Fallback. Read the choice only.
        choice = alt.find(CHOICE)
        if choice is not None:
            self._objects(choice)

    def _objects(self, el) -> None:
        for box in el.iter(TXBX):
            if not _inside_textbox(box, el):
                self.textboxes.append(box)

    def _run(self, r) -> None:
        texted = False
        for child in r:
            tag = child.tag
            if tag == T:
                if child.text:
                    self.parts.append(child.text)
                    texted = True
            elif tag == TAB:
                self.parts.append("\t")
            elif tag in (BR, CR):
                self.parts.append("\n")
            elif tag == NBH:
                self.parts.append("-")
            elif tag in (DRAWING, PICT):
                self._objects(child)
            elif tag == ALT:
                self._alternate(child)
        if texted:
            self.runs += 1
            rpr = r.find(RPR)
            if rpr is not None and _on(rpr.find(B)):
                self.bold_runs += 1

    @property
    def text(self) -> str:
        text = "".join(self.parts)
        return re.sub(r"[ \t\u00a0]+", " ", text.replace("\n", " ")).strip()


def _inside_textbox(box, top) -> bool:
    """True when ``box`` sits in another text box below ``top`` (it is read with that outer box)."""
    node = box.getparent()
    while node is not None and node is not top:
        if node.tag == TXBX:
            return True
        node = node.getparent()
    return False


class _Reader:
    def __init__(self, root, styles: dict[str, _StyleInfo], default_style: str | None) -> None:
        self.tree = root.getroottree()
        self.styles = styles
        self.default_style = default_style
        self.sections = SectionTracker()
        self.out: list[Paragraph] = []

    # ------------------------------------------------------------------ blocks
    def blocks(self, container, kind: str) -> None:
        for child in container:
            tag = child.tag
            if tag == P:
                self.paragraph(child, kind)
            elif tag == TBL:
                self.table(child)
            elif tag in (SDT, CUSTOMXML):
                content = child.find(SDT_CONTENT) if tag == SDT else child
                if content is not None:
                    self.blocks(content, kind)
            elif tag == ALT:
                choice = child.find(CHOICE)
                if choice is not None:
                    self.blocks(choice, kind)

    def table(self, tbl) -> None:
        for tr in tbl.iterchildren(TR):
            for tc in self._cells(tr):
                tcpr = tc.find(TCPR)
                vmerge = tcpr.find(VMERGE) if tcpr is not None else None
                if vmerge is not None and vmerge.get(VAL, "continue") == "continue":
                    continue  # a vertically merged cell is read once, at its first row
                self.blocks(tc, "table-cell")

    @staticmethod
    def _cells(tr) -> Iterator:
        for child in tr:
            if child.tag == TC:
                yield child
            elif child.tag in (SDT, CUSTOMXML):  # cells wrapped in content controls
                content = child.find(SDT_CONTENT) if child.tag == SDT else child
                if content is not None:
                    yield from (c for c in content if c.tag == TC)

    # ------------------------------------------------------------------ paragraph
    def paragraph(self, p, kind: str) -> None:
        pt = _ParagraphText()
        pt.walk(p)
        text = pt.text
        ppr = p.find(PPR)
        style_id = None
        own_outline = None
        numbered = False
        if ppr is not None:
            ps = ppr.find(PSTYLE)
            style_id = ps.get(VAL) if ps is not None else None
            ol = ppr.find(OUTLINE)
            if ol is not None and (ol.get(VAL) or "").isdigit() and int(ol.get(VAL)) < 9:
                own_outline = int(ol.get(VAL)) + 1
            numpr = ppr.find(NUMPR)
            numbered = numpr is not None and _numbering_on(numpr)
        info = self.styles.get(style_id or self.default_style or "")
        style_name = info.name if info else style_id

        if text:
            para_kind, level = kind, None
            if kind == "body":
                level = own_outline if own_outline is not None else (info.heading_level if info else None)
                if level is None and not numbered:
                    bold = pt.runs > 0 and (pt.bold_runs == pt.runs or (info is not None and info.bold))
                    if bold:
                        level = numbered_heading_level(text)
                if level is not None:
                    para_kind = "heading"
                elif numbered or (info is not None and info.numbered):
                    para_kind = "list-item"
            if para_kind == "heading" and level is not None:
                section_path = [] if level == 0 else self.sections.heading(level, text)
                if level == 0:
                    section_path = self.sections.path
            else:
                section_path = self.sections.path
            self.out.append(
                Paragraph(
                    index=0,
                    text=text,
                    section_path=section_path,
                    kind=para_kind,
                    heading_level=level if para_kind == "heading" else None,
                    style=style_name,
                    xml_path=self.tree.getpath(p),
                )
            )
        for box in pt.textboxes:
            self.blocks(box, "textbox")


def _numbering_on(numpr) -> bool:
    """``w:numId w:val="0"`` switches numbering off (Word's way of removing a list from a styled paragraph)."""
    num_id = numpr.find(_w("numId"))
    return num_id is None or num_id.get(VAL) != "0"


def read_docx(data: bytes, name: str) -> list[Paragraph]:
    """Paragraphs of a .docx (already vetted by the guard) in reading order, 1-based indexes."""
    import docx  # lazy: python-docx pulls in lxml and its oxml registry

    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    try:
        styles_el = document.styles.element
    except (KeyError, ValueError):  # a package without a styles part: python-docx usually adds defaults
        styles_el = None
    styles = _style_table(styles_el) if styles_el is not None else {}
    default_style = _default_style(styles_el) if styles_el is not None else None
    reader = _Reader(document.element, styles, default_style)
    reader.blocks(body, "body")
    return renumber(reader.out)
