"""Content-addressed file store for report and evidence files, next to the database.

A file is stored once under ``<root>/<sha256[:2]>/<sha256>``; its original name
lives only in the database. Names given by users therefore never become paths,
and only 64 lowercase hex digits are ever accepted as a key (no traversal).
Writes go to a temporary file in the store and are renamed into place, so a
crash never leaves a half-written file under a valid name.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from ..errors import RegisterError

_KEY = re.compile(r"^[0-9a-f]{64}$")
CHUNK = 1 << 20


def sha256_file(path: Path) -> tuple[str, int]:
    """(hex digest, size) of a file, read in chunks."""
    h = hashlib.sha256()
    size = 0
    try:
        with open(path, "rb") as f:
            while chunk := f.read(CHUNK):
                h.update(chunk)
                size += len(chunk)
    except OSError as e:
        raise RegisterError(f"cannot read file {path}: {e.strerror or e}") from None
    return h.hexdigest(), size


class FileStore:
    """A directory of files named by their sha256."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        """The stored file's path; refuses anything but a sha256 key."""
        if not isinstance(sha256, str) or not _KEY.match(sha256):
            raise RegisterError(f"invalid file key {sha256!r}: expected a sha256 hex digest")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put(self, source: Path) -> tuple[str, int, bool]:
        """Copy ``source`` into the store (if not there yet); returns (sha256, size, newly stored)."""
        source = Path(source)
        if not source.is_file():
            raise RegisterError(f"cannot read file {source}: not a file")
        digest, size = sha256_file(source)
        target = self.path_for(digest)
        if target.is_file():
            return digest, size, False
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
            h = hashlib.sha256()
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                while chunk := src.read(CHUNK):
                    h.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if h.hexdigest() != digest:  # the file changed while we read it
                os.unlink(tmp)
                raise RegisterError(f"file {source} changed while it was being stored: try again")
            os.replace(tmp, target)
            os.chmod(target, 0o444)
        except OSError as e:
            raise RegisterError(f"cannot store file {source.name} in {self.root}: {e.strerror or e}") from None
        return digest, size, True

    def discard(self, sha256: str) -> None:
        """Remove a file stored by a transaction that then failed (never called for files in use)."""
        path = self.path_for(sha256)
        try:
            os.chmod(path, 0o644)
            path.unlink()
        except OSError:
            pass

    def open(self, sha256: str):
        return open(self.path_for(sha256), "rb")
