"""Writing a file whole or not at all."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat

__all__ = ["replace_file"]

#: What each kind of file that is not a regular file is called in messages.
_KINDS = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)


def replace_file(name: str, data: bytes) -> None:
    """Write ``data`` to ``name`` whole or not at all, through a temporary file beside it.

    - A symbolic link is written *through*: the file it points to is replaced, the link
      stays a link. The temporary file is made in that file's folder.
    - An existing file keeps its permission mode, and its owner and group where the
      operating system allows; a new file gets the mode ``open()`` would give it.
    - A file with several hard links is refused (``OSError``): replacing it would split
      the links, and writing it in place could leave a partial file.
    - Something that is not a regular file (a folder, a device such as ``/dev/full``, a
      named pipe) is refused with ``OSError``; nothing is written.
    - The data is flushed to disk (``fsync``) before the rename and the folder after it.
      On any failure the temporary file is removed and ``name`` is left as it was.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> replace_file(str(path), b"hello")
    >>> path.read_bytes()
    b'hello'
    """
    target = os.path.realpath(name)
    try:
        old: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        old = None
    if old is not None:
        _check_replaceable(name, old)
    folder = os.path.dirname(target)
    handle, temporary = _create_beside(name, folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            if old is not None:
                _keep_owner_and_mode(stream.fileno(), old)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _check_replaceable(name: str, old: os.stat_result) -> None:
    """Raise ``OSError`` unless ``name`` is a regular file with one link."""
    if stat.S_ISDIR(old.st_mode):
        raise IsADirectoryError(
            errno.EISDIR, "Is a directory; give the name of a file to write", name
        )
    if not stat.S_ISREG(old.st_mode):
        kind = next((kind for test, kind in _KINDS if test(old.st_mode)), "not a regular file")
        raise OSError(
            errno.EINVAL,
            f"it is {kind}, not a regular file; argmap writes only regular files, "
            f"so give the name of a file",
            name,
        )
    if old.st_nlink > 1:
        raise OSError(
            errno.EMLINK,
            f"it has {old.st_nlink} hard links, and replacing it whole would split them; "
            f"remove the other links first, or write to another file",
            name,
        )


def _create_beside(name: str, folder: str) -> tuple[int, str]:
    """A new, empty temporary file in ``folder``: its descriptor and path.

    Created with mode 0o666 so that the umask applies, as for any new file.
    """
    while True:
        temporary = os.path.join(folder, f".argmap-{secrets.token_hex(6)}.tmp")
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
        except OSError as error:
            if error.errno is None:
                raise
            # Name the file the caller asked for, not the temporary one nobody knows of.
            if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                reason = (
                    f"{error.strerror} (argmap writes a new file in the folder {folder!r} "
                    f"and renames it, so it needs to write to that folder)"
                )
                raise type(error)(error.errno, reason, name) from None
            raise type(error)(error.errno, error.strerror, name) from None


def _keep_owner_and_mode(handle: int, old: os.stat_result) -> None:
    """Give the temporary file the owner, group and permissions of the file it replaces."""
    if hasattr(os, "fchown"):
        # Only root can give a file away; anyone can keep their own. Best effort.
        with contextlib.suppress(PermissionError):
            os.fchown(handle, old.st_uid, old.st_gid)
    mode = stat.S_IMODE(old.st_mode) & 0o777  # never copy set-user-ID and the like
    if hasattr(os, "fchmod"):
        os.fchmod(handle, mode)


def _sync_folder(folder: str) -> None:
    """Flush the folder's entry for the renamed file to disk, where the platform can."""
    if not hasattr(os, "O_DIRECTORY"):  # Windows: folders cannot be opened
        return
    # The file is already in place: a folder that cannot be synced (some network file
    # systems refuse) does not make the write a failure.
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
