"""The schema of a barrier rule file (``rules/*.yaml``).

A rule file is read by lawyers and procurement officers, so the schema is
deliberately flat and close to how Vale styles and Semgrep rules read: an id,
a title, a severity, a message with ``{placeholders}``, the reason and legal
basis, a concrete suggestion, and per-language *patterns* in fairtender's
pattern language (see :mod:`fairtender.engine.patterns`). How a match becomes
a finding is chosen by ``kind``:

``pattern``
    a pattern matches in a sentence and no ``exceptions`` pattern matches in
    that same sentence ("Canon imageRUNNER" without "or equivalent");
``threshold``
    a pattern locates a requirement, a quantity (money or a number) is read
    next to it and compared with a ``limit``: a constant, a setting from
    ``fairtender.toml`` or a multiple of the contract value;
``document``
    the whole document is looked at once (``barrier.no-lots``: value above a
    limit, a "not divided into lots" statement, and no stated reason anywhere).

Extra fields are rejected so that a typo ("exeptions") is an error naming the
field instead of a rule that silently never fires.
"""

from __future__ import annotations

import hashlib
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from ..models import Severity

Lang = Literal["en", "nl", "sv", "fr", "de"]
LANGS: tuple[str, ...] = ("en", "nl", "sv", "fr", "de")

PerLang = dict[Lang, list[str]]
ALL_LANGUAGES_KEY = "*"


def _spread_all_languages(v):
    """``"*": [...]`` lists patterns for every language (product names, ISO numbers): copy them in."""
    if isinstance(v, dict) and ALL_LANGUAGES_KEY in v:
        common = v[ALL_LANGUAGES_KEY]
        if not isinstance(common, list):
            return v  # let the type check report it
        out = {k: val for k, val in v.items() if k != ALL_LANGUAGES_KEY}
        for lang in LANGS:
            own = out.get(lang) or []
            out[lang] = [*own, *common] if isinstance(own, list) else own
        return out
    return v


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Examples(_Strict):
    """Sentences that must trigger the rule (``positive``) and must not (``negative``).

    ``fairtender rules show`` prints them and the test-suite runs every one, so
    the examples are a living specification of the rule.
    """

    positive: list[str] = Field(default_factory=list)
    negative: list[str] = Field(default_factory=list)


class Limit(_Strict):
    """What a quantity is compared with: exactly one of the three forms.

    - ``constant: 8``
    - ``setting: experience_years`` (a field of :class:`fairtender.config.Settings`)
    - ``multiple_of_value: turnover_multiple`` (a setting name or a number): the
      limit is that multiple of the estimated contract value.

    ``currency`` / ``currency_setting`` give the currency of a money limit that
    is not tied to the contract value (e.g. the lots limit in EUR).
    """

    constant: float | None = None
    setting: str | None = None
    multiple_of_value: str | float | None = None
    currency: str | None = None
    currency_setting: str | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Limit:
        given = [n for n in ("constant", "setting", "multiple_of_value") if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of constant, setting, multiple_of_value")
        return self

    @field_validator("setting", "currency_setting", "multiple_of_value")
    @classmethod
    def _known_setting(cls, v):
        if isinstance(v, str):
            from ..config import Settings

            if v not in Settings.model_fields:
                raise ValueError(f"unknown setting '{v}' (known: {', '.join(sorted(Settings.model_fields))})")
        return v


class Threshold(_Strict):
    """How a threshold rule reads and compares its quantity.

    The rule's ``patterns`` locate the requirement ("minimum annual turnover",
    "#num years experience"); ``quantity`` says what to read next to the match:
    ``money`` (the nearest amount in the sentence, preferring one after the
    match) or ``number`` (the number inside the match, else the nearest one).
    A finding is made when ``quantity <comparison> limit`` holds.
    """

    quantity: Literal["money", "number"]
    comparison: Literal["greater", "greater_equal", "less", "less_equal"] = "greater"
    limit: Limit
    window: int = Field(25, ge=1, le=200, description="max tokens between the match and the quantity")
    cumulative: PerLang = Field(
        default_factory=dict,
        description="patterns saying the amount is a total over several years; it is then divided by the years")
    ratio_message: str = Field("", description="message when the limit is written as a multiple "
                               "('three times the contract value') instead of an amount")
    unknown_value_severity: Severity = Severity.info
    unknown_value_message: str = ""
    other_currency_message: str = ""


class Rule(_Strict):
    """One barrier rule, exactly as written in its YAML file."""

    id: str = Field(pattern=r"^[a-z][a-z0-9]*(\.[a-z0-9][a-z0-9-]*)+$")
    title: str = Field(min_length=1)
    severity: Severity
    kind: Literal["pattern", "threshold", "document"]
    message: str = Field(min_length=1)
    rationale: str = ""
    legal_basis: str = ""
    suggestion: str = ""
    patterns: PerLang
    exceptions: PerLang = Field(default_factory=dict, description="same-sentence patterns that cancel a match")
    requires: PerLang = Field(default_factory=dict,
                              description="same-sentence patterns of which one must also match")
    document_exceptions: PerLang = Field(default_factory=dict,
                                         description="patterns that cancel the rule for the whole document")
    unless_context: list[str] = Field(default_factory=list,
                                      description="shared contexts (rules/_contexts.yaml) that cancel a match")
    threshold: Threshold | None = None
    value_limit: Limit | None = Field(None, description="document rules: applies only above this contract value")
    examples: dict[Lang, Examples] = Field(default_factory=dict)

    _fingerprint: str | None = PrivateAttr(default=None)
    # the shared contexts named in unless_context, resolved by the loader
    _contexts: dict[str, PerLang] = PrivateAttr(default_factory=dict)

    @field_validator("patterns", "exceptions", "requires", "document_exceptions", mode="before")
    @classmethod
    def _all_languages(cls, v):
        return _spread_all_languages(v)

    @field_validator("patterns")
    @classmethod
    def _some_patterns(cls, v: PerLang) -> PerLang:
        if not any(v.values()):
            raise ValueError("a rule needs at least one pattern in at least one language")
        return v

    @model_validator(mode="after")
    def _kind_fields(self) -> Rule:
        if self.kind == "threshold" and self.threshold is None:
            raise ValueError("a threshold rule needs a 'threshold' section")
        if self.kind != "threshold" and self.threshold is not None:
            raise ValueError("'threshold' is only for kind: threshold")
        if self.kind == "document" and self.value_limit is None:
            raise ValueError("a document rule needs 'value_limit'")
        return self

    def context_patterns(self, lang: str) -> list[str]:
        """Patterns of every shared context this rule names, for ``lang``."""
        return [p for name in self.unless_context for p in self._contexts.get(name, {}).get(lang, [])]

    @property
    def languages(self) -> list[str]:
        return [lang for lang in LANGS if self.patterns.get(lang)]

    @property
    def fingerprint(self) -> str:
        """A stable hash of the rule's content: the compiled-matcher cache key."""
        if self._fingerprint is None:
            data = {"rule": self.model_dump(mode="json"), "contexts": self._contexts}
            blob = json.dumps(data, sort_keys=True, ensure_ascii=False)
            self._fingerprint = hashlib.sha1(blob.encode("utf-8")).hexdigest()
        return self._fingerprint


class Contexts(_Strict):
    """Shared vocabulary several rules refer to by name (``rules/_contexts.yaml``).

    Example: ``non-discrimination`` lists how an equal-treatment clause is
    worded, so that "no discrimination on the basis of age or nationality" is
    never reported as an age or nationality barrier.
    """

    contexts: dict[str, PerLang]
