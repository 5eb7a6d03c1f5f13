"""The review as JSON: the dump of :class:`~fairtender.review.schema.ReviewData` (schema in docs/review-schema.md)."""

from __future__ import annotations

from .schema import ReviewData


def render(data: ReviewData) -> str:
    return data.model_dump_json(indent=2) + "\n"
