"""Small-group suppression rules and the [review] settings."""

from __future__ import annotations

import pytest

from fairtender.errors import UsageError
from fairtender.review.defaults import load_review_defaults
from fairtender.review.privacy import is_small, is_suppressed, marker, suppress


@pytest.mark.parametrize("groups, k, suppressed", [
    ([5, 7], 5, False),
    ([4, 7], 5, True),      # the group itself is small
    ([7, 1], 5, True),      # the group it is compared with is small
    ([0, 9], 5, False),     # nobody in the group: nothing about a firm is revealed
    ([2, 2], 2, False),
    ([1, 30], 2, True),
])
def test_suppress(groups, k, suppressed):
    out = suppress(0.25, groups, k)
    assert is_suppressed(out) is suppressed
    assert out == (marker(k) if suppressed else 0.25)


def test_markers_and_none():
    assert marker(5) == "<5" and is_small(4, 5) and not is_small(0, 5) and not is_small(5, 5)
    assert suppress(None, [1], 5) is None
    assert not is_suppressed(0.5) and not is_suppressed(None)


def test_review_defaults_from_toml(tmp_path):
    cfg = tmp_path / "fairtender.toml"
    cfg.write_text('[review]\nmin_group = 10\ncurrency = "SEK"\n', encoding="utf-8")
    d = load_review_defaults(cfg)
    assert (d.min_group, d.currency, d.title) == (10, "SEK", None)
    cfg.write_text("[review]\nmin_group = 0\n", encoding="utf-8")
    with pytest.raises(UsageError, match="review.min_group"):
        load_review_defaults(cfg)
    cfg.write_text("[review\n", encoding="utf-8")
    with pytest.raises(UsageError, match="invalid TOML"):
        load_review_defaults(cfg)
