"""Hand-built reports and documents for the renderer tests.

The renderers take a :class:`CheckReport`, so their tests build one directly
(realistic wording, hostile text included) instead of depending on the rule
engine's current output.
"""

from __future__ import annotations

from fairtender.models import (
    CheckReport,
    ContractValue,
    DocumentErrorInfo,
    DocumentReport,
    ElementResult,
    Finding,
    Grounds,
    Location,
    Match,
    Severity,
    TemplateResult,
)

HOSTILE = '<script>alert("x")</script> and " onmouseover="alert(1)" x=\' <img src=x onerror=alert(2)>'


def finding(
    rule: str,
    severity: str,
    paragraph_text: str,
    words: str,
    *,
    paragraph: int | None,
    page: int | None = None,
    section: str | None = None,
    message: str = "",
    suggestion: str = "",
    legal_basis: str = "",
    kind: str = "barrier",
    title: str = "",
    accepted: str | None = None,
    template: str | None = None,
) -> Finding:
    """A finding whose match offsets point at ``words`` inside ``paragraph_text`` (the excerpt)."""
    match = None
    if words:
        start = paragraph_text.index(words)
        match = Match(text=words, start=start, end=start + len(words), excerpt_start=start, excerpt_end=start + len(words))
    return Finding(
        rule=rule,
        severity=Severity(severity),
        message=message or f"{rule} triggered.",
        location=Location(paragraph=paragraph, page=page, section=section) if paragraph is not None else None,
        excerpt=paragraph_text,
        suggestion=suggestion,
        legal_basis=legal_basis,
        kind=kind,
        title=title,
        match=match,
        accepted=accepted,
        template=template,
    )


TURNOVER = "The tenderer shall have a minimum annual turnover of EUR 1,000,000 in each of the last three years."
NATIVE = "All cleaning supervisors must be native Dutch speakers."
AGE = "Staff deployed on site should be aged 25-40 and part of a young and dynamic team."
BRAND = f"Cleaning products shall be Ecolab Performa. {HOSTILE}"


def ghent_template(*, subcontractors_present: bool = False) -> TemplateResult:
    return TemplateResult(
        id="ghent",
        title="Ghent-style anti-discrimination clause",
        status="complete" if subcontractors_present else "partial",
        elements=[
            ElementResult(
                id="clause.ghent.grounds",
                present=True,
                title="No discrimination on the listed grounds",
                location=Location(paragraph=9, section="7. Special conditions"),
                excerpt="The contractor tolerates no discrimination on grounds of gender, nationality ...",
            ),
            ElementResult(id="clause.ghent.accessibility", present=True, title="Accessible to all",
                          location=Location(paragraph=10, section="7. Special conditions")),
            ElementResult(id="clause.ghent.subcontractors", present=subcontractors_present,
                          title="Same standards imposed on subcontractors"),
        ],
        grounds=Grounds(required=["gender", "nationality", "age"], found=["gender", "nationality"], missing=["age"]),
    )


def tender_report(path: str = "tenders/cleaning-2026.docx") -> DocumentReport:
    findings = [
        finding("barrier.turnover", "error", TURNOVER, "minimum annual turnover of EUR 1,000,000", paragraph=4, page=3,
                section="4. Selection > 4.2 Economic and financial standing", title="Turnover far above contract value",
                message="Minimum yearly turnover EUR 1,000,000 is 5.0x the estimated contract value EUR 200,000 (limit: 2x).",
                suggestion="Lower the minimum to at most EUR 400,000 or state the reason in the procurement documents.",
                legal_basis="Directive 2014/24/EU, art. 58(3)"),
        finding("barrier.language", "error", NATIVE, "native Dutch speakers", paragraph=6, page=4,
                section="5. Staff", title="Native-speaker demand",
                message="Demanding native speakers excludes qualified staff on the ground of national origin.",
                suggestion="Ask for a proficiency level instead, e.g. CEFR B2 in Dutch.",
                legal_basis="Directive 2000/43/EC, art. 2(2)(b)"),
        finding("barrier.age", "warning", AGE, "aged 25-40", paragraph=7, page=4, section="5. Staff",
                title="Age limit for personnel", message="An age range for staff is direct age discrimination.",
                suggestion="Remove the age range.", legal_basis="Directive 2000/78/EC, art. 2"),
        finding("barrier.brand-name", "warning", BRAND, "Ecolab Performa", paragraph=8, page=5,
                section="6. Technical specifications", title="Brand name without 'or equivalent'",
                message=f"Named product {HOSTILE}", suggestion="Add 'or equivalent'.",
                legal_basis="Directive 2014/24/EU, art. 42(4)",
                accepted="The existing dispensers only accept this product; see memo 2026/14."),
        finding("clause.ghent.subcontractors", "error", "", "", paragraph=None, kind="clause", template="ghent",
                title="Same standards imposed on subcontractors",
                message="The clause does not require the contractor to impose the same standards on subcontractors.",
                suggestion="Add: 'The contractor imposes the same obligations on all its subcontractors.'",
                legal_basis="City of Ghent anti-discrimination clause (2010)"),
        finding("future.some-new-rule", "info", "Payment within 60 days of invoice.", "60 days", paragraph=11,
                section="8. Payment", kind="other", message="A rule nobody special-cased."),
    ]
    return DocumentReport(
        path=path,
        language="en",
        contract_value=ContractValue(amount=200000, currency="EUR", text="EUR 200,000"),
        templates=[ghent_template()],
        findings=findings,
        format="docx",
        kind="tender",
        pages=6,
        paragraphs=12,
        duration_months=24,
        sha256="ab" * 32,
    )


def failed_report(path: str = "tenders/scan.pdf") -> DocumentReport:
    return DocumentReport(path=path, error=DocumentErrorInfo(code="scanned-pdf",
                                                            message=f"{path}: no text layer (scanned: run OCR first)"))


def clean_report(path: str = "tenders/catering.txt") -> DocumentReport:
    return DocumentReport(path=path, language="nl", format="txt", kind="tender",
                          templates=[ghent_template(subcontractors_present=True)])


def sample_report(*docs: DocumentReport) -> CheckReport:
    return CheckReport.build(list(docs) or [tender_report(), failed_report(), clean_report()])
