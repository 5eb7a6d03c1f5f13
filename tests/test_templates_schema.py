"""Template files: the bundled ones load; a bad user template is rejected with file, field and reason."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from fairtender.catalog.loader import bundled_dir
from fairtender.catalog.templates import get_template, load_templates
from fairtender.errors import CatalogError, UsageError


def _minimal() -> dict:
    return {
        "id": "city", "title": "City clause", "languages": ["en"],
        "concepts": {"discrimination": {"en": ["*discriminat*"]}, "law": {"en": ["law|legislation"]},
                     "comply": {"en": ["comply|respect"]}},
        "heading": {"en": "Equal treatment"},
        "elements": [{"id": "clause.city.law", "title": "Law", "requires": "respects the law",
                      "needs": ["comply", "law"], "text": {"en": "{authority} requires respect of anti-discrimination law."}}],
    }


def _write(tmp_path: Path, data: dict, name: str = "city.yaml") -> Path:
    d = tmp_path / "clauses"
    d.mkdir(exist_ok=True)
    (d / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return d


def test_bundled_templates_load_with_spec_element_ids():
    ids = {t.id: [e.id for e in t.elements] for t in load_templates([])}
    assert ids["ghent"] == ["clause.ghent.grounds", "clause.ghent.accessibility", "clause.ghent.workplace",
                            "clause.ghent.legal-compliance", "clause.ghent.subcontractors"]
    assert ids["stockholm"] == ["clause.stockholm.legal-compliance", "clause.stockholm.reporting",
                                "clause.stockholm.subcontractors", "clause.stockholm.termination"]
    assert ids["flanders"] == ["clause.flanders.exclusion", "clause.flanders.non-discrimination",
                               "clause.flanders.harassment", "clause.flanders.subcontractors",
                               "clause.flanders.sanctions"]
    assert len(ids["equality-report"]) == 7
    ghent = get_template("ghent")
    assert [g.id for g in ghent.grounds] == [
        "gender", "nationality", "race", "skin-colour", "ethnic-origin", "age", "sexual-orientation",
        "political-conviction", "language", "health", "disability", "physical-genetic-characteristics",
        "social-origin"]
    assert get_template("stockholm").applies.min_value == 750000
    assert get_template("equality-report").purpose == "report"
    assert (bundled_dir("clauses") / "ghent.yaml").is_file()


def test_user_template_is_added_and_can_replace_a_bundled_one(tmp_path):
    d = _write(tmp_path, _minimal())
    ids = [t.id for t in load_templates([d])]
    assert "city" in ids and "ghent" in ids
    data = _minimal() | {"id": "ghent", "title": "Our Ghent"}
    data["elements"][0]["id"] = "clause.ghent.law"
    d2 = _write(tmp_path, data, "ghent.yaml")
    assert get_template("ghent", [d2]).title == "Our Ghent"


def _bad(mutate):
    data = _minimal()
    mutate(data)
    return data


BAD = [
    ("missing-title", _bad(lambda d: d.pop("title")), "title", "Field required"),
    ("bad-language", _bad(lambda d: d.update(languages=["xx"])), "languages[0]", "Input should be"),
    ("unknown-concept", _bad(lambda d: d["elements"][0].update(needs=["comply", "statute"])),
     "elements[0].needs[1]", "unknown concept 'statute'"),
    ("bad-pattern", _bad(lambda d: d["concepts"]["law"].update(en=["law ..3"])),
     "concepts.law.en[0]", "cannot start or end with a gap"),
    ("element-prefix", _bad(lambda d: d["elements"][0].update(id="clause.other.law")),
     "elements[0].id", "start with 'clause.city.'"),
    ("missing-text", _bad(lambda d: d.update(languages=["en", "nl"]) or d["concepts"]["law"].update(nl=["wet"])
                          or d["concepts"]["comply"].update(nl=["naleven"])
                          or d["concepts"]["discrimination"].update(nl=["*discrimin*"])
                          or d["heading"].update(nl="Gelijke behandeling")),
     "elements[0].text.nl", "no model text for language 'nl'"),
    ("missing-concept-language", _bad(lambda d: d.update(languages=["en", "nl"])),
     "concepts.discrimination.nl", "no patterns for language 'nl'"),
    ("bad-placeholder", _bad(lambda d: d["elements"][0]["text"].update(en="{city} requires it.")),
     "elements[0].text.en", "unknown placeholder '{city}'"),
    ("bad-severity", _bad(lambda d: d["elements"][0].update(severity="fatal")), "elements[0].severity",
     "Input should be"),
    ("extra-field", _bad(lambda d: d.update(colour="red")), "colour", "Extra inputs"),
    ("negative-limit", _bad(lambda d: d.update(applies={"min_value": -1})), "applies.min_value",
     "greater than or equal"),
    ("grounds-without-list", _bad(lambda d: d["elements"][0].update(grounds=True)), "elements[0].grounds",
     "lists no grounds"),
]


@pytest.mark.parametrize("data,field,reason", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_template_names_file_field_and_reason(tmp_path, data, field, reason):
    d = _write(tmp_path, data)
    with pytest.raises(CatalogError) as e:
        load_templates([d])
    assert e.value.file.endswith("city.yaml")
    assert e.value.field == field
    assert reason in e.value.reason


def test_invalid_yaml_and_missing_directory(tmp_path):
    d = tmp_path / "clauses"
    d.mkdir()
    (d / "x.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="invalid YAML"):
        load_templates([d])
    with pytest.raises(CatalogError, match="not a directory"):
        load_templates([tmp_path / "nope"])


def test_unknown_template_id_is_a_usage_error():
    with pytest.raises(UsageError, match="choose from .*ghent"):
        get_template("nope")


def test_prefix_inside_alternatives_is_rejected(tmp_path):
    data = _minimal()
    data["concepts"]["law"]["en"] = ["law|legislat*"]
    with pytest.raises(CatalogError) as e:
        load_templates([_write(tmp_path, data)])
    assert e.value.field == "concepts.law.en[0]" and "inside alternatives" in e.value.reason
