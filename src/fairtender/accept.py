"""Justified exceptions: findings the buyer accepted, with the reason it gave.

The directive allows some requirements when the procurement documents state a
reason (a turnover above twice the value, a certificate that truly has no
equivalent). The buyer records that decision next to the document, in
``<document>.fairtender.yaml`` (``tender.docx.fairtender.yaml``; the form without
the document's suffix, ``tender.fairtender.yaml``, is read too)::

    accept:
      - rule: barrier.turnover
        paragraph: 12            # optional: omit to accept the rule anywhere in the document
        reason: "Turnover of 3x justified: the supplier pre-finances 12 months of works."

or on the command line: ``--accept barrier.turnover@12="pre-financing of works"``
(``RULE=reason`` accepts it in every paragraph).

An accepted finding is never dropped: it stays in the report with severity
``info`` and ``Finding.accepted`` set to the reason, so the justification is
visible to whoever reads the report.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import UsageError
from .models import Finding, Severity

SIDECAR_SUFFIX = ".fairtender.yaml"
_SPEC = re.compile(r"^\s*(?P<rule>[A-Za-z0-9_.-]+)\s*(?:@\s*(?P<para>\*|\d+))?\s*=\s*(?P<reason>.*\S)\s*$", re.S)


class Acceptance(BaseModel):
    """One accepted finding: a rule, optionally in one paragraph, and why it is justified."""

    model_config = ConfigDict(extra="forbid")

    rule: str = Field(min_length=1)
    paragraph: int | None = Field(None, ge=1, description="1-based paragraph; None means anywhere")
    reason: str = Field(min_length=1)
    source: str = Field("", description="where the acceptance was recorded (sidecar path or 'cli')")

    def matches(self, finding: Finding) -> bool:
        if finding.rule != self.rule:
            return False
        if self.paragraph is None:
            return True
        return finding.location is not None and finding.location.paragraph == self.paragraph


class _Sidecar(BaseModel):
    model_config = ConfigDict(extra="forbid")

    accept: list[Acceptance] = Field(default_factory=list)


def sidecar_paths(doc_path: Path) -> list[Path]:
    """Where a document's sidecar may be: ``name.ext.fairtender.yaml``, then ``name.fairtender.yaml``."""
    doc_path = Path(doc_path)
    return [doc_path.with_name(doc_path.name + SIDECAR_SUFFIX), doc_path.with_name(doc_path.stem + SIDECAR_SUFFIX)]


def _field(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(root)"


def read_sidecar(path: Path) -> list[Acceptance]:
    """The acceptances of one sidecar file; a bad file is a UsageError naming the file and field."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise UsageError(f"{path}: cannot read acceptances: {e.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: acceptances file is not UTF-8 text") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise UsageError(f"{path}: invalid YAML{where}: {getattr(e, 'problem', None) or e}") from None
    if data is None:
        return []
    if not isinstance(data, dict):
        raise UsageError(f"{path}: field '(root)': expected a mapping with an 'accept' list")
    for item in data.get("accept") or []:
        if isinstance(item, dict) and "source" in item:
            raise UsageError(f"{path}: field 'accept.source': not a field of an acceptance")
    try:
        sidecar = _Sidecar.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        raise UsageError(f"{path}: field '{_field(err['loc'])}': {err['msg']}") from None
    return [a.model_copy(update={"source": str(path)}) for a in sidecar.accept]


def parse_accept_spec(spec: str) -> Acceptance:
    """``RULE@PARAGRAPH=reason`` (or ``RULE=reason``, or ``RULE@*=reason``) as an Acceptance."""
    m = _SPEC.match(spec or "")
    if not m:
        raise UsageError(f"--accept {spec!r}: expected RULE@PARAGRAPH=\"reason\", "
                         "e.g. barrier.turnover@12=\"justified by pre-financing\"")
    para = m.group("para")
    reason = m.group("reason").strip().strip("\"'").strip()
    if not reason:
        raise UsageError(f"--accept {spec!r}: the reason must not be empty")
    paragraph = None if para in (None, "*") else int(para)
    if paragraph == 0:
        raise UsageError(f"--accept {spec!r}: paragraphs are numbered from 1")
    return Acceptance(rule=m.group("rule"), paragraph=paragraph, reason=reason, source="cli")


def load_acceptances(doc_path: Path | str | None, cli_specs: list[str] | None = None) -> list[Acceptance]:
    """Acceptances from the document's sidecar file (if any) and from ``--accept`` specs.

    CLI specs come last, so their reason wins when both name the same finding.
    """
    out: list[Acceptance] = []
    if doc_path:
        for path in sidecar_paths(Path(doc_path)):
            if path.is_file():
                out.extend(read_sidecar(path))
                break
    out.extend(parse_accept_spec(s) for s in (cli_specs or []))
    return out


def apply_acceptances(findings: list[Finding], acceptances: list[Acceptance]) -> list[Finding]:
    """Findings with accepted ones turned into ``info`` with their reason; nothing is dropped.

    The most specific acceptance wins (one naming the paragraph over one for the
    whole document; among equals, the last given).
    """
    if not acceptances:
        return list(findings)
    out: list[Finding] = []
    for f in findings:
        hits = [a for a in acceptances if a.matches(f)]
        if not hits:
            out.append(f)
            continue
        best = max(enumerate(hits), key=lambda ia: (ia[1].paragraph is not None, ia[0]))[1]
        out.append(f.model_copy(update={
            "severity": Severity.info,
            "accepted": best.reason,
            "message": f"{f.message} Accepted: {best.reason}",
        }))
    return out
