"""Store check results in the register, so the annual review can count barriers found and fixed.

``fairtender check TENDER --record [--reference REF]`` calls :func:`record_check`.
Each successfully read document becomes one :class:`~.models.RecordedCheck`
with its template statuses and findings, written in one transaction with an
audit event (entity ``check``), through the register's service layer.

"Fixed before publication" is decided later, by the review, from these rows:
a finding of an earlier check of a reference whose :func:`signature` no longer
appears in the latest check of that reference was removed. The signature is the
rule plus the normalised excerpt (case and white space folded) because paragraph
numbers shift when a tender is edited while the offending sentence does not;
findings without an excerpt (document-level ones such as a missing clause
element) fall back to the paragraph, else to the rule alone.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from ..errors import UsageError
from ..models import CheckReport, DocumentReport, Finding

MAX_EXCERPT = 2000
_WS = re.compile(r"\s+")


def signature(finding: Finding) -> str:
    """A stable identity for "the same finding" across two checks of an edited tender."""
    excerpt = _WS.sub(" ", (finding.excerpt or "").strip().casefold())
    if excerpt:
        basis = f"x:{excerpt}"
    elif finding.location is not None:
        basis = f"p:{finding.location.paragraph}"
    else:
        basis = "d:"
    return hashlib.sha256(f"{finding.rule}\x1f{basis}".encode()).hexdigest()


def default_reference(doc: DocumentReport) -> str:
    """The tender reference when none is given: the file name without extension."""
    return Path(doc.path).stem


def record_check(report: CheckReport, db_url: str | None, reference: str | None, *,
                 checked_on: date | None = None, actor: str | None = None) -> int:
    """Store every successfully checked document of ``report``; returns how many checks were stored.

    ``reference`` names one tender, so it may be given only when one document
    was checked. ``checked_on`` (default today) lets the demo and imports
    back-date a check. Documents that could not be read are not recorded.
    """
    from ..register.models import AuditEvent, utcnow
    from ..register.service import Register
    from .models import CheckFinding, CheckTemplate, RecordedCheck

    docs = [d for d in report.documents if d.error is None]
    if reference is not None:
        reference = reference.strip()
        if not reference:
            raise UsageError("--reference must not be empty")
        if len(reference) > 255:
            raise UsageError("--reference is longer than 255 characters")
        if len(docs) > 1:
            raise UsageError(f"--reference names one tender, but {len(docs)} documents were checked: "
                             "record them one by one, or leave out --reference to use their file names")
    if not docs:
        return 0
    reg = Register(db_url, actor=actor)
    when = checked_on or reg.today
    with reg.transaction() as s:
        for doc in docs:
            ref = reference or default_reference(doc)[:255]
            row = RecordedCheck(
                reference=ref, file_name=Path(doc.path).name[:500], sha256=doc.sha256, checked_on=when,
                recorded_at=utcnow(), actor=reg.actor, language=doc.language, kind=doc.kind,
                contract_value=doc.contract_value.amount if doc.contract_value else None,
                currency=doc.contract_value.currency[:3] if doc.contract_value else None,
                errors=doc.count("error"), warnings=doc.count("warning"), infos=doc.count("info"),
                fairtender_version=report.fairtender_version[:40])
            row.templates = [CheckTemplate(template=t.id[:60], status=t.status, applies=t.applies,
                                           missing=[e.id for e in t.elements if not e.present])
                             for t in doc.templates]
            row.findings = [_finding_row(CheckFinding, f) for f in doc.findings]
            s.add(row)
            s.flush()
            s.add(AuditEvent(at=utcnow(), actor=reg.actor, action="record", entity="check", entity_id=row.id,
                             entity_key=ref, old=None,
                             new={"file": row.file_name, "sha256": row.sha256, "checked_on": when.isoformat(),
                                  "findings": len(row.findings),
                                  "templates": {t.template: t.status for t in row.templates}}))
    return len(docs)


def _finding_row(cls, f: Finding):
    loc = f.location
    return cls(rule=f.rule[:120], kind=f.kind, severity=f.severity.value, signature=signature(f),
               paragraph=loc.paragraph if loc else None, page=loc.page if loc else None,
               section=(loc.section or "")[:1000] or None if loc else None,
               excerpt=(f.excerpt or "")[:MAX_EXCERPT] or None, accepted=f.accepted)
