"""The pydantic models that flow between fairtender's parts.

``Document`` is what the readers produce; ``CheckReport`` is what ``check``
returns and what every renderer takes (``--format json`` is its dump, so the
field names here *are* the public contract in ``spec/check-output.md``: add
fields freely, never rename or remove one).
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# --------------------------------------------------------------------------- reading


class Paragraph(BaseModel):
    """One paragraph in reading order, with enough provenance to find it again.

    ``xml_path`` (docx only) is the lxml path of the ``w:p`` element inside
    ``word/document.xml`` (e.g. ``/w:document/w:body/w:tbl[2]/w:tr[1]/w:tc[1]/w:p[1]``),
    so the Word annotator and the clause inserter can locate the same paragraph in
    a copy of the file without re-deriving reading order.
    """

    index: int = Field(description="1-based position in reading order")
    text: str
    page: int | None = None
    section_path: list[str] = Field(default_factory=list)
    kind: Literal["heading", "body", "list-item", "table-cell", "textbox"] = "body"
    heading_level: int | None = None
    style: str | None = None
    xml_path: str | None = None

    @property
    def section(self) -> str | None:
        return " > ".join(self.section_path) if self.section_path else None


class Document(BaseModel):
    """A read document: paragraphs in reading order (headings included, as paragraphs)."""

    path: str
    format: Literal["docx", "pdf", "txt", "md"]
    paragraphs: list[Paragraph]
    pages: int | None = None
    sha256: str = ""
    size_bytes: int = 0
    notes: list[str] = Field(default_factory=list, description="reader remarks, e.g. an encoding fallback")

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


# --------------------------------------------------------------------------- findings


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Location(BaseModel):
    page: int | None = None
    paragraph: int
    section: str | None = None


class Match(BaseModel):
    """The words that triggered a finding, as offsets into the paragraph and the excerpt."""

    text: str
    start: int = Field(description="char offset in the paragraph text")
    end: int
    excerpt_start: int = Field(description="char offset in Finding.excerpt")
    excerpt_end: int


class Finding(BaseModel):
    rule: str
    severity: Severity
    message: str
    location: Location | None = None
    excerpt: str = ""
    suggestion: str = ""
    legal_basis: str = ""
    # additions to the spec (allowed: "you may add fields")
    title: str = ""
    kind: Literal["barrier", "clause", "other"] = "barrier"
    template: str | None = None
    match: Match | None = None
    accepted: str | None = Field(default=None, description="justification recorded for an accepted finding")


class ContractValue(BaseModel):
    amount: float
    currency: str
    source: Literal["document", "cli"] = "document"
    text: str | None = Field(default=None, description="the phrase the value was read from")
    location: Location | None = None


class ElementResult(BaseModel):
    id: str
    present: bool
    location: Location | None = None
    title: str = ""
    excerpt: str | None = None


class Grounds(BaseModel):
    required: list[str]
    found: list[str]
    missing: list[str]


class TemplateResult(BaseModel):
    id: str
    status: Literal["complete", "partial", "absent"]
    elements: list[ElementResult]
    grounds: Grounds | None = None
    title: str = ""
    applies: Literal["required", "below-limit", "unknown"] = "required"
    missing_severity: Severity = Severity.error


class DocumentErrorInfo(BaseModel):
    code: str
    message: str


class DocumentReport(BaseModel):
    path: str
    language: str | None = None
    contract_value: ContractValue | None = None
    templates: list[TemplateResult] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    error: DocumentErrorInfo | None = None
    # additions
    format: str | None = None
    kind: Literal["tender", "contract", "notice"] | None = None
    pages: int | None = None
    paragraphs: int | None = None
    duration_months: float | None = None
    sha256: str | None = None

    def count(self, severity: Severity | str) -> int:
        sev = Severity(severity)
        return sum(1 for f in self.findings if f.severity == sev)


class Summary(BaseModel):
    documents: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    failed: int = 0


class CheckReport(BaseModel):
    model_config = ConfigDict(protected_namespaces=())

    fairtender_version: str
    documents: list[DocumentReport]
    summary: Summary

    @classmethod
    def build(cls, documents: list[DocumentReport]) -> CheckReport:
        from . import __version__

        s = Summary(documents=len(documents))
        for d in documents:
            s.errors += d.count("error")
            s.warnings += d.count("warning")
            s.infos += d.count("info")
            s.failed += 1 if d.error else 0
        return cls(fairtender_version=__version__, documents=documents, summary=s)

    def worst(self) -> Severity | None:
        sevs = [f.severity for d in self.documents for f in d.findings]
        return max(sevs, key=lambda s: s.rank) if sevs else None
