"""Mutated and truncated documents: a Document or a DocumentError, never another exception."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from fairtender.errors import DocumentError
from fairtender.models import Document
from fairtender.readers import read_bytes
from fairtender.readers.guard import SUPPORTED_SUFFIXES

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLES = sorted(p for p in FIXTURES.iterdir() if p.suffix in SUPPORTED_SUFFIXES)


def _mutations(data: bytes, seed: int, count: int):
    rng = random.Random(seed)
    yield data[: len(data) // 3]
    yield data[:64]
    yield data + b"\x00" * 100
    for _ in range(count):
        b = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            pos = rng.randrange(len(b))
            b[pos] = rng.randrange(256)
        yield bytes(b)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_mutated_fixture_never_raises_anything_but_document_error(sample):
    data = sample.read_bytes()
    codes = set()
    for i, mutated in enumerate(_mutations(data, seed=len(data), count=25)):
        try:
            doc = read_bytes(mutated, sample.name)
        except DocumentError as exc:
            assert exc.code in {"not-a-docx", "corrupt", "encrypted", "scanned-pdf", "unsafe-xml", "zip-bomb",
                                "decode-error", "empty-file"}, (i, exc.code)
            assert "\n" not in exc.message and sample.name in exc.message
            codes.add(exc.code)
        else:
            assert isinstance(doc, Document)
    if sample.suffix in (".docx", ".pdf"):
        assert codes, "truncation must be reported"
