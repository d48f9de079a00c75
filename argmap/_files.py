"""Writing a file whole or not at all."""

from __future__ import annotations

import os
import tempfile

__all__ = ["replace_file"]


def replace_file(name: str, data: bytes) -> None:
    """Write ``data`` to ``name`` through a temporary file beside it: whole or not at all.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> replace_file(str(path), b"hello")
    >>> path.read_bytes()
    b'hello'
    """
    directory = os.path.dirname(os.path.abspath(name))
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".argmap-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            # mkstemp makes the file private (0o600); give it the mode open() would have.
            os.chmod(temporary, 0o666 & ~_umask())
            stream.write(data)
        os.replace(temporary, name)
    except BaseException:
        os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
