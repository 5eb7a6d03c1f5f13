"""Errors a user can cause, each with a stable code and a documented exit status.

Every error that reaches the CLI is a :class:`FairtenderError`; the CLI prints
``fairtender: <message>`` on one line and exits with ``exit_code``. Anything
else is a bug and is reported as such (still one line, exit 3).
"""

from __future__ import annotations

# Exit codes (documented in the README).
EXIT_OK = 0
EXIT_FINDINGS = 1  # check: a finding reached --fail-on; register overdue: something is overdue
EXIT_USAGE = 2  # usage error, unreadable document, bad rule/template, bad register input
EXIT_INTERNAL = 3  # a bug in fairtender


class FairtenderError(Exception):
    """Base of all user-facing errors: a stable ``code`` and a one-line message."""

    code = "error"
    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code


class DocumentError(FairtenderError):
    """A document could not be read. ``code`` is one of the documented reader codes.

    Codes: ``not-found``, ``empty-directory``, ``empty-file``, ``unsupported-format``,
    ``too-large``, ``not-a-docx``, ``corrupt``, ``encrypted``, ``scanned-pdf``,
    ``unsafe-xml``, ``zip-bomb``, ``decode-error``.
    """

    code = "corrupt"

    def __init__(self, path: str, message: str, *, code: str) -> None:
        super().__init__(f"{path}: {message}", code=code)
        self.path = path
        self.reason = message


class CatalogError(FairtenderError):
    """A rule or clause template file is invalid: names the file, the field and the reason."""

    code = "bad-catalog"

    def __init__(self, file: str, field: str, reason: str) -> None:
        super().__init__(f"{file}: field '{field}': {reason}")
        self.file = file
        self.field = field
        self.reason = reason


class UsageError(FairtenderError):
    """Bad options or arguments (outside click's own parsing)."""

    code = "usage"


class RegisterError(FairtenderError):
    """Bad input for the supplier register; the transaction was rolled back."""

    code = "register"
