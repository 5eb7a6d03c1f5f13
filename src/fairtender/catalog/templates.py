"""Load the clause templates: the bundled ``clauses/`` plus the user's ``--clauses-dir`` directories.

A bad template is never skipped: it stops the run with ``CatalogError(file,
field, reason)`` (exit 2), because a silently missing template would make a
tender look compliant.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import CatalogError, UsageError
from .loader import bundled_dir, load_yaml_models
from .template_schema import Template, semantic_errors


def load_templates(extra_dirs: list[Path] | None = None, *, bundled: bool = True) -> list[Template]:
    """Every template of the bundled library and of ``extra_dirs`` (a user file replaces a bundled id)."""
    dirs = ([bundled_dir("clauses")] if bundled else []) + [Path(d) for d in (extra_dirs or [])]
    out: list[Template] = []
    for path, template in load_yaml_models(dirs, Template):
        errors = semantic_errors(template)
        if errors:
            field, reason = errors[0]
            raise CatalogError(str(path), field, reason)
        out.append(template)
    return out


def get_template(template_id: str, extra_dirs: list[Path] | None = None) -> Template:
    """One template by id; an unknown id is a usage error that lists the known ones."""
    templates = load_templates(extra_dirs)
    for t in templates:
        if t.id == template_id:
            return t
    raise UsageError(f"unknown template '{template_id}': choose from {', '.join(sorted(t.id for t in templates))}")
