"""The ``fairtender`` command: a thin click layer over the library.

Subcommands live in their own modules and are imported only when invoked
(:class:`LazyGroup`), so ``fairtender --help`` never imports spaCy, pdfplumber
or SQLAlchemy. Errors are mapped to one line on stderr and a documented exit
code here, in one place.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from .. import __version__
from ..errors import EXIT_INTERNAL, EXIT_USAGE, FairtenderError

# name -> "module:attribute" (relative to fairtender.cli), with the one-line help shown by --help
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("check:check", "Check tenders and contracts for barriers and clause elements."),
    "rules": ("rules:rules", "List and show the indirect-barrier rules."),
    "clauses": ("clauses:clauses", "List and show the anti-discrimination clause templates."),
    "insert": ("insert:insert", "Insert the standard clause into a Word document."),
    "register": ("register:register", "Keep the register of suppliers, contracts and equality reports."),
    "review": ("review:review", "Build the annual procurement equality review."),
    "demo": ("demo:demo", "Build a demo register with three years of synthetic data."),
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when it is used."""

    def __init__(self, *args, lazy: dict[str, tuple[str, str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy = lazy or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            target, _ = self.lazy[cmd_name]
            module_name, attr = target.split(":")
            module = importlib.import_module(f"{__package__}.{module_name}")
            return getattr(module, attr)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Help text comes from COMMANDS so that --help imports nothing.
        rows = [(name, self.lazy[name][1]) for name in sorted(self.lazy)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


class Context:
    """Shared state for subcommands: the register database URL given before the group."""

    def __init__(self, db: str | None) -> None:
        self.db = db


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fairtender")
@click.option("--db", metavar="URL", default=None,
              help="Register database URL (default: $FAIRTENDER_DB, else a SQLite file in your data directory).")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """fairtender: keep discrimination out of public procurement.

    Check tenders before publication, insert the standard anti-discrimination
    clause, keep the supplier equality register and publish the annual review.
    """
    ctx.obj = Context(db or os.environ.get("FAIRTENDER_DB"))


_LINE_BREAKERS = frozenset("\x7f\x85\u2028\u2029")


def one_line(message: str) -> str:
    """``message`` with control characters escaped: user input in it (a key, a file name) cannot break the line."""
    if all(c >= " " and c not in _LINE_BREAKERS for c in message):
        return message
    return "".join(c if c >= " " and c not in _LINE_BREAKERS else repr(c)[1:-1] for c in message)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; every error ends as one line on stderr and a documented exit code."""
    try:
        rv = cli.main(args=argv, prog_name="fairtender", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("fairtender: aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except FairtenderError as e:
        click.echo(f"fairtender: {one_line(e.message)}", err=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        click.echo("fairtender: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as e:  # a bug: still one line, and a hint to report it
        if os.environ.get("FAIRTENDER_DEBUG"):
            raise
        click.echo(f"fairtender: internal error: {type(e).__name__}: {one_line(str(e))} "
                   "(set FAIRTENDER_DEBUG=1 for a traceback and please report it)", err=True)
        sys.exit(EXIT_INTERNAL)
    sys.exit(rv if isinstance(rv, int) else 0)


__all__ = ["cli", "main", "EXIT_USAGE"]
