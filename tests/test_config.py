"""Settings from fairtender.toml and overrides."""

from __future__ import annotations

import pytest

from fairtender.config import Settings, load_settings
from fairtender.errors import UsageError


def test_defaults_are_the_spec_values(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = load_settings()
    assert (s.turnover_multiple, s.experience_years, s.lots_value, s.lots_currency) == (2.0, 8, 1_000_000, "EUR")
    assert s.source is None


def test_file_next_to_document_wins_over_cwd(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "fairtender.toml").write_text("[check]\nexperience_years = 5\n")
    (tmp_path / "docs" / "fairtender.toml").write_text(
        "[check]\nexperience_years = 10\n[fx]\nsek = 11\n[templates.stockholm]\nmin_value = 500000\ncurrency='SEK'\n")
    monkeypatch.chdir(tmp_path)
    s = load_settings(doc_path=tmp_path / "docs" / "t.txt")
    assert s.experience_years == 10 and s.fx["SEK"] == 11 and s.fx["EUR"] == 1.0
    assert s.templates["stockholm"].min_value == 500000
    assert load_settings(doc_path=tmp_path / "other.txt").experience_years == 5


def test_overrides_beat_the_file(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[check]\nturnover_multiple = 3\n")
    assert load_settings(config_path=cfg, overrides={"turnover_multiple": 1.5}).turnover_multiple == 1.5


@pytest.mark.parametrize("text, needle", [
    ("[check]\nturnover_multiple = 'x'\n", "turnover_multiple"),
    ("[check]\nturnover_multiple = -1\n", "turnover_multiple"),
    ("[check\n", "invalid TOML"),
])
def test_bad_config_names_file_and_setting(tmp_path, text, needle):
    cfg = tmp_path / "fairtender.toml"
    cfg.write_text(text)
    with pytest.raises(UsageError, match=needle) as e:
        load_settings(config_path=cfg)
    assert str(cfg) in e.value.message


def test_currency_conversion():
    s = Settings()
    assert s.convert(100, "EUR", "EUR") == 100
    assert s.convert(1150, "SEK", "EUR") == pytest.approx(100)
    assert s.convert(1, "XXX", "EUR") is None
