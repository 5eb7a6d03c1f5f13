"""YAML loading errors name the file, the field and the reason."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from fairtender.catalog.loader import bundled_dir, load_yaml_models
from fairtender.errors import CatalogError


class Item(BaseModel):
    id: str
    size: int
    tags: list[str] = []


def test_loads_and_user_dir_replaces_bundled_id(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "x.yaml").write_text("id: x\nsize: 1\n")
    (a / "y.yml").write_text("id: y\nsize: 2\n")
    (b / "x.yaml").write_text("id: x\nsize: 9\n")
    items = {i.id: i.size for _, i in load_yaml_models([a, b], Item)}
    assert items == {"x": 9, "y": 2}


@pytest.mark.parametrize("text, field, reason", [
    ("id: x\nsize: big\n", "size", "integer"),
    ("id: x\n", "size", "required"),
    ("id: x\nsize: 1\ntags: [ok, {a: b}]\n", "tags[1]", "string"),
    ("id: x\nsize: [\n", "line", "invalid YAML"),
    ("- just a list\n", "(root)", "mapping"),
])
def test_errors_name_file_field_reason(tmp_path, text, field, reason):
    (tmp_path / "bad.yaml").write_text(text)
    with pytest.raises(CatalogError) as e:
        load_yaml_models([tmp_path], Item)
    assert e.value.file.endswith("bad.yaml")
    assert e.value.field.startswith(field)
    assert reason in e.value.reason


def test_duplicate_ids_in_one_directory_and_missing_directory(tmp_path):
    (tmp_path / "a.yaml").write_text("id: x\nsize: 1\n")
    (tmp_path / "b.yaml").write_text("id: x\nsize: 2\n")
    with pytest.raises(CatalogError, match="duplicate id"):
        load_yaml_models([tmp_path], Item)
    with pytest.raises(CatalogError, match="not a directory"):
        load_yaml_models([tmp_path / "nope"], Item)


def test_bundled_dirs_exist():
    assert bundled_dir("rules").is_dir()
    assert bundled_dir("clauses").is_dir()


def test_reloading_sees_an_edited_file(tmp_path):
    f = tmp_path / "x.yaml"
    f.write_text("id: x\nsize: 1\n")
    assert load_yaml_models([tmp_path], Item)[0][1].size == 1
    f.write_text("id: x\nsize: 22\n")
    assert load_yaml_models([tmp_path], Item)[0][1].size == 22
    f.write_text("id: x\nsize: oops\n")
    with pytest.raises(CatalogError, match="integer"):
        load_yaml_models([tmp_path], Item)
