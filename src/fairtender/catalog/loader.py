"""Load YAML files into pydantic models, with errors that name file, field and reason.

Both the barrier rules (``rules/``) and the clause templates (``clauses/``) are
YAML a lawyer can edit. A bad file must never surface as a traceback or be
silently skipped: the user gets ``rules/my-rule.yaml: field 'patterns.nl[2]':
...`` and exit code 2.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import CatalogError

M = TypeVar("M", bound=BaseModel)

YAML_SUFFIXES = (".yaml", ".yml")


def bundled_dir(name: str) -> Path:
    """The bundled ``rules``/``clauses`` directory, in a wheel install or a source checkout.

    The wheel carries them as ``fairtender/_data/<name>``; in a checkout (editable
    install, tests) they sit at the repository root beside ``src/``.
    """
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_data" / name
    if packaged.is_dir():
        return packaged
    source = here.parent.parent / name
    return source


def _field(loc: Iterable[object]) -> str:
    out = ""
    for part in loc:
        if not isinstance(part, int) and not str(part).isprintable():  # a key with a newline stays on one line
            part = repr(str(part))[1:-1]
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(root)"


# (resolved path, model) -> (mtime_ns, size, parsed model): a process that loads the
# catalog again (the register assessing each report, insert re-checking its output)
# parses each file once, and still sees a file the user has just edited.
_PARSED: dict[tuple[str, type], tuple[int, int, BaseModel]] = {}


def load_yaml_file(path: Path, model: type[M]) -> M:
    """One YAML file as ``model`` (cached per process until the file changes).

    Raises CatalogError(file, field, reason). Callers must not mutate the result.
    """
    try:
        st = path.stat()
        key = (str(path.resolve()), model)
        hit = _PARSED.get(key)
        if hit is not None and hit[0] == st.st_mtime_ns and hit[1] == st.st_size:
            return hit[2]  # type: ignore[return-value]
    except OSError:
        st = None
    item = _parse_yaml_file(path, model)
    if st is not None:
        _PARSED[key] = (st.st_mtime_ns, st.st_size, item)
    return item


def _parse_yaml_file(path: Path, model: type[M]) -> M:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise CatalogError(str(path), "(file)", f"cannot read: {e.strerror}") from None
    except UnicodeDecodeError:
        raise CatalogError(str(path), "(file)", "not UTF-8 text") from None
    try:
        # libyaml's safe loader when present: ~20x faster than pure Python on the clause files
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe loader
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(file)"
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise CatalogError(str(path), where, f"invalid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise CatalogError(str(path), "(root)", "expected a mapping of fields (id, title, ...)")
    try:
        return model.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        raise CatalogError(str(path), _field(err["loc"]), err["msg"]) from None


def yaml_files(dirs: Iterable[Path]) -> list[Path]:
    """YAML files in each directory (not recursive), in a stable order; a missing directory is an error."""
    files: list[Path] = []
    for d in dirs:
        d = Path(d)
        if not d.is_dir():
            raise CatalogError(str(d), "(directory)", "not a directory")
        files.extend(sorted(p for p in d.iterdir() if p.suffix in YAML_SUFFIXES and not p.name.startswith(".")))
    return files


def load_yaml_models(dirs: Iterable[Path], model: type[M], *, id_field: str = "id") -> list[tuple[Path, M]]:
    """Every YAML file of ``dirs`` as ``model``; a later directory may not silently redefine an id.

    User directories come after the bundled one; a user file with the same id as
    a bundled one *replaces* it (that is how a city adapts a rule), but two files
    with the same id in the same directory are an error.
    """
    seen: dict[str, Path] = {}
    out: dict[str, tuple[Path, M]] = {}
    for path in yaml_files(dirs):
        item = load_yaml_file(path, model)
        key = str(getattr(item, id_field))
        if key in seen and seen[key].parent == path.parent:
            raise CatalogError(str(path), id_field, f"duplicate id '{key}' (also in {seen[key].name})")
        seen[key] = path
        out[key] = (path, item)
    return list(out.values())
