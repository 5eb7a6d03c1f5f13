"""The review as a Word document (python-docx): headings, tables and the charts as PNG pictures.

Cities edit and sign the review in Word before publishing, so this is a plain
document on the default template: real headings (navigable), real tables, no
text boxes.
"""

from __future__ import annotations

import io
from pathlib import Path

from .schema import ReviewData


def render(data: ReviewData, output: Path | str | io.BytesIO) -> None:
    """Write the review to ``output`` (a path or a binary buffer)."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Inches, Pt, RGBColor

    from .assess import pct
    from .charts import render_charts
    from .view import RATING_LABELS, fmt_count, fmt_share, headline, sections, value_lines

    accent = RGBColor(0x1F, 0x3A, 0x5F)
    muted = RGBColor(0x5B, 0x64, 0x74)
    doc = Document()
    doc.core_properties.title = data.title
    doc.core_properties.subject = f"Procurement equality review {data.year}"
    doc.core_properties.author = "fairtender"
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    charts = {c.id: c for c in render_charts(data, "png", dpi=150)}  # 6.2 in wide: ~930 px, sharp in print

    def table(head: list[str], rows: list[list[object]], numeric_from: int = 1):
        t = doc.add_table(rows=1, cols=len(head))
        t.style = "Light List Accent 1"
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        for i, h in enumerate(head):
            cell = t.rows[0].cells[i]
            cell.text = str(h)
            if i >= numeric_from:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for r in rows:
            cells = t.add_row().cells
            for i, v in enumerate(r):
                cells[i].text = str(v)
                if i >= numeric_from:
                    cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        doc.add_paragraph()
        return t

    def picture(chart_id: str, caption: str) -> None:
        c = charts.get(chart_id)
        if c is None:
            return
        doc.add_picture(io.BytesIO(c.data), width=Inches(6.2))
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        p = doc.add_paragraph(caption)
        p.runs[0].italic = True
        p.runs[0].font.color.rgb = muted

    eyebrow = doc.add_paragraph("ANNUAL PROCUREMENT EQUALITY REVIEW")
    eyebrow.runs[0].font.color.rgb = muted
    eyebrow.runs[0].font.size = Pt(9)
    doc.add_heading(data.title, level=0)
    compare = f", compared with {data.compare.year}" if data.compare else ""
    meta = doc.add_paragraph(f"Contracts awarded, tenders checked and equality reports due in {data.year}{compare}. "
                             f"Figures as of {data.as_of.isoformat()}; money in {data.currency}.")
    meta.runs[0].font.color.rgb = muted
    table(["At a glance", str(data.year), "Change"], [[label, v, ch] for v, label, ch, _ in headline(data)])
    if data.notes:
        doc.add_heading("Notes", level=2)
        for n in data.notes:
            doc.add_paragraph(n, style="List Bullet")

    doc.add_heading("Benchmark questions on procurement", level=1)
    for b in data.benchmark:
        doc.add_heading(b.question, level=3)
        p = doc.add_paragraph()
        r = p.add_run(f"{RATING_LABELS[b.rating]}. ")
        r.bold = True
        r.font.color.rgb = accent
        p.add_run(b.answer)
        ev = doc.add_paragraph("Evidence")
        ev.runs[0].bold = True
        ev.runs[0].font.size = Pt(9)
        ev.runs[0].font.color.rgb = muted
        for e in b.evidence:
            doc.add_paragraph(e, style="List Bullet")

    doc.add_heading("Recommended actions", level=1)
    if data.recommendations:
        for rec in data.recommendations:
            p = doc.add_paragraph(style="List Number")
            for i, part in enumerate(rec.split("`")):  # `command` spans in a monospace font
                run = p.add_run(part)
                if i % 2:
                    run.font.name = "Consolas"
    else:
        doc.add_paragraph("No actions follow from the figures.")

    prev = str(data.compare.year) if data.compare else "–"
    for sec in sections(data):
        doc.add_heading(sec.title, level=1)
        table(["Figure", str(data.year), prev, "Change"], [[r.label, r.value, r.previous, r.change] for r in sec.rows])
        if sec.id == "contracts":
            if data.contracts.value_by_currency:
                doc.add_paragraph("Value per currency: " + "; ".join(value_lines(data)) + ".")
            if data.contracts.by_template:
                table(["Clause template", "Contracts", "Complete", "Share"],
                      [[t.template, t.contracts, t.complete, fmt_share(t.share)] for t in data.contracts.by_template])
        elif sec.id == "checks":
            picture("findings-by-rule", f"Findings by rule, {data.year}: dark, still in the latest check; "
                                        "light, fixed before publication.")
            if data.checks.findings_by_rule:
                table(["Rule", "Kind", "Found", "Fixed"],
                      [[f.rule, f.kind, f.found, f.fixed] for f in data.checks.findings_by_rule], numeric_from=2)
        elif sec.id == "reports":
            picture("report-status", "Equality reports by status, by year the reports were due.")
        elif sec.id == "suppliers":
            picture("sme-share", "Share won by SMEs over the years (contracts whose supplier size is known).")
            if data.history:
                table(["Year", "Contracts", "Won by SMEs", "Value won by SMEs"],
                      [[h.year, h.contracts, pct(h.sme_share_count), pct(h.sme_share_value)] for h in data.history])
            if data.suppliers.declared:
                table(["Self-declared characteristic", "Suppliers", "Contracts"],
                      [[x.characteristic, fmt_count(x.suppliers), fmt_count(x.contracts)]
                       for x in data.suppliers.declared])

    doc.add_heading("Method and privacy", level=1)
    doc.add_paragraph(
        f"Figures count active register records. Contracts are those awarded in {data.year}; values are converted "
        f"to {data.currency} with the configured exchange rates. A finding is fixed before publication when it "
        "appears in an earlier recorded check of a tender and not in its latest check of the year. Reports are "
        f"judged against their due dates as of {data.as_of.isoformat()}. Any figure about supplier "
        f"characteristics resting on fewer than {data.min_group} suppliers is shown as \"<{data.min_group}\"; "
        "individual suppliers' self-declared characteristics are never listed.")
    foot = doc.add_paragraph(f"Produced by fairtender {data.fairtender_version}, review schema {data.schema_version}.")
    foot.runs[0].font.color.rgb = muted
    doc.save(output if isinstance(output, io.BytesIO) else str(output))
