"""What every evaluator gets: the document, its hits, the settings and the contract value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ...config import Settings
    from ...models import ContractValue
    from ...nlp import AnalysedDocument
    from .common import CompiledRules, DocumentHits


@dataclass
class EvalContext:
    adoc: AnalysedDocument
    compiled: CompiledRules
    hits: DocumentHits
    settings: Settings
    contract_value: ContractValue | None
