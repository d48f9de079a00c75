"""How argmap writes files (``argmap.write``, ``argmap.render_file``, the CLI): whole or not
at all, through symbolic links, keeping modes, refusing what it cannot replace safely."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

import argmap
from argmap.cli import main

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX links, modes and FIFOs")

OLD = "# The old map, with a comment.\ntitle: Old\nnodes:\n  c: {claim: Old., main: true}\n"


@pytest.fixture
def amap() -> argmap.ArgumentMap:
    return argmap.MapBuilder("New").claim("c", "New.", main=True).build()


def leftovers(folder: Path) -> list[str]:
    """Temporary files left behind in ``folder``."""
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


# -- symbolic links --------------------------------------------------------------------------


@posix_only
def test_write_through_a_symlink_replaces_its_target_and_keeps_the_link(
    tmp_path: Path, amap: argmap.ArgumentMap
) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "map.yaml"
    target.write_text(OLD, "utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    argmap.write(amap, link)
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert target.read_text("utf-8") == argmap.dumps(amap)
    assert leftovers(tmp_path) == leftovers(tmp_path / "real") == []


@posix_only
def test_render_file_through_a_symlink_replaces_its_target(
    tmp_path: Path, amap: argmap.ArgumentMap
) -> None:
    target = tmp_path / "drawn.dot"
    target.write_text("old", "utf-8")
    link = tmp_path / "link.dot"
    link.symlink_to("drawn.dot")
    assert argmap.render_file(amap, link) is None
    assert link.is_symlink()
    assert target.read_text("utf-8") == argmap.to_dot(amap)


@posix_only
def test_write_through_a_dangling_symlink_creates_its_target(
    tmp_path: Path, amap: argmap.ArgumentMap
) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to("new.yaml")
    argmap.write(amap, link)
    assert link.is_symlink()
    assert (tmp_path / "new.yaml").read_text("utf-8") == argmap.dumps(amap)


@posix_only
def test_a_chain_of_symlinks_is_followed_to_the_end(
    tmp_path: Path, amap: argmap.ArgumentMap
) -> None:
    (tmp_path / "map.yaml").write_text(OLD, "utf-8")
    (tmp_path / "one.yaml").symlink_to("map.yaml")
    (tmp_path / "two.yaml").symlink_to("one.yaml")
    argmap.write(amap, tmp_path / "two.yaml")
    assert (tmp_path / "one.yaml").is_symlink() and (tmp_path / "two.yaml").is_symlink()
    assert (tmp_path / "map.yaml").read_text("utf-8") == argmap.dumps(amap)


# -- permissions and owner -------------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o444])
def test_write_keeps_the_mode_of_the_file_it_replaces(
    mode: int, tmp_path: Path, amap: argmap.ArgumentMap
) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(OLD, "utf-8")
    path.chmod(mode)
    argmap.write(amap, path)
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert path.read_text("utf-8") == argmap.dumps(amap)


@posix_only
def test_write_does_not_copy_set_user_id_bits(tmp_path: Path, amap: argmap.ArgumentMap) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(OLD, "utf-8")
    path.chmod(0o4755)
    argmap.write(amap, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o755


@posix_only
def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path: Path, amap: argmap.ArgumentMap) -> None:
    mask = os.umask(0o027)
    try:
        argmap.write(amap, tmp_path / "map.yaml")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "map.yaml").stat().st_mode) == 0o640


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_write_keeps_the_owner_and_group_where_it_may(
    tmp_path: Path, amap: argmap.ArgumentMap
) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(OLD, "utf-8")
    os.chown(path, 4321, 4322)
    argmap.write(amap, path)
    assert (path.stat().st_uid, path.stat().st_gid) == (4321, 4322)


# -- what is refused -------------------------------------------------------------------------


@posix_only
def test_a_file_with_several_hard_links_is_refused_and_left_alone(
    tmp_path: Path, amap: argmap.ArgumentMap
) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(OLD, "utf-8")
    os.link(path, tmp_path / "other.yaml")
    message = (
        "it has 2 hard links, and replacing it whole would split them; remove the other "
        "links first, or write to another file"
    )
    with pytest.raises(OSError, match=f"^{re.escape(f'[Errno 31] {message}: {str(path)!r}')}$"):
        argmap.write(amap, path)
    assert path.read_text("utf-8") == (tmp_path / "other.yaml").read_text("utf-8") == OLD
    assert path.stat().st_nlink == 2
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("through_a_link", [False, True])
def test_a_device_is_refused_and_nothing_is_written(
    through_a_link: bool, tmp_path: Path, amap: argmap.ArgumentMap
) -> None:
    name = "/dev/full"
    if through_a_link:
        (tmp_path / "full.yaml").symlink_to("/dev/full")
        name = str(tmp_path / "full.yaml")
    before = set(os.listdir("/dev"))
    with pytest.raises(OSError, match="it is a character device, not a regular file; argmap"):
        argmap.write(amap, name, format="yaml")
    assert set(os.listdir("/dev")) == before
    assert leftovers(tmp_path) == []


@posix_only
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path, amap: argmap.ArgumentMap) -> None:
    fifo = tmp_path / "pipe.svg"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match=r"it is a named pipe \(FIFO\), not a regular file"):
        argmap.render_file(amap, fifo, renderer="graphviz-pure")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert leftovers(tmp_path) == []


def test_a_folder_is_refused(tmp_path: Path, amap: argmap.ArgumentMap) -> None:
    folder = tmp_path / "map.yaml"
    folder.mkdir()
    with pytest.raises(IsADirectoryError, match="Is a directory; give the name of a file"):
        argmap.write(amap, folder)
    assert os.listdir(folder) == []
    assert leftovers(tmp_path) == []


# -- durability and failures -----------------------------------------------------------------


def test_the_file_is_synced_before_the_rename_and_the_folder_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, amap: argmap.ArgumentMap
) -> None:
    events: list[str] = []
    fsync, replace = os.fsync, os.replace

    def record_fsync(handle: int) -> None:
        kind = "folder" if stat.S_ISDIR(os.fstat(handle).st_mode) else "file"
        events.append(f"fsync {kind}")
        fsync(handle)

    def record_replace(source: str, target: str) -> None:
        events.append("replace")
        replace(source, target)

    monkeypatch.setattr(os, "fsync", record_fsync)
    monkeypatch.setattr(os, "replace", record_replace)
    argmap.write(amap, tmp_path / "map.yaml")
    expected = ["fsync file", "replace", "fsync folder"]
    assert events == (expected if hasattr(os, "O_DIRECTORY") else expected[:2])


def test_a_failed_sync_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, amap: argmap.ArgumentMap
) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(OLD, "utf-8")

    def fail(handle: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="Input/output error"):
        argmap.write(amap, path)
    assert path.read_text("utf-8") == OLD
    assert leftovers(tmp_path) == []


def test_an_interrupted_write_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, amap: argmap.ArgumentMap
) -> None:
    def interrupt(source: str, target: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        argmap.write(amap, tmp_path / "map.yaml")
    assert os.listdir(tmp_path) == []


def test_a_folder_argmap_may_not_write_to_is_named_in_the_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, amap: argmap.ArgumentMap
) -> None:
    real_open = os.open

    def refuse_temporaries(path: str, flags: int, mode: int = 0o777) -> int:
        if os.path.basename(path).startswith(".argmap-"):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", refuse_temporaries)
    path = tmp_path / "map.yaml"
    message = (
        f"[Errno 13] Permission denied (argmap writes a new file in the folder "
        f"{str(tmp_path)!r} and renames it, so it needs to write to that folder): "
        f"{str(path)!r}"
    )
    with pytest.raises(PermissionError, match=f"^{re.escape(message)}$"):
        argmap.write(amap, str(path))
    assert os.listdir(tmp_path) == []


# -- through the command line ----------------------------------------------------------------


@posix_only
def test_convert_writes_through_a_symlink(tmp_path: Path) -> None:
    source = tmp_path / "in.yaml"
    source.write_text(OLD, "utf-8")
    (tmp_path / "target.json").write_text("{}", "utf-8")
    (tmp_path / "out.json").symlink_to("target.json")
    assert main(["convert", str(source), str(tmp_path / "out.json")]) == 0
    assert (tmp_path / "out.json").is_symlink()
    assert argmap.read(tmp_path / "target.json") == argmap.read(source)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_convert_to_a_device_says_why_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.yaml"
    source.write_text(OLD, "utf-8")
    (tmp_path / "out.json").symlink_to("/dev/full")
    assert main(["convert", str(source), str(tmp_path / "out.json")]) == 1
    assert capsys.readouterr().err == (
        f"argmap: error: cannot write {str(tmp_path / 'out.json')!r}: it is a character "
        f"device, not a regular file; argmap writes only regular files, so give the name of "
        f"a file\n"
    )


@posix_only
def test_convert_onto_a_hard_linked_file_says_why_and_keeps_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.yaml"
    source.write_text(OLD, "utf-8")
    output = tmp_path / "out.yaml"
    output.write_text("keep", "utf-8")
    os.link(output, tmp_path / "backup.yaml")
    assert main(["convert", str(source), str(output)]) == 1
    assert capsys.readouterr().err == (
        f"argmap: error: cannot write {str(output)!r}: it has 2 hard links, and replacing it "
        f"whole would split them; remove the other links first, or write to another file\n"
    )
    assert output.read_text("utf-8") == (tmp_path / "backup.yaml").read_text("utf-8") == "keep"


@posix_only
def test_convert_keeps_a_private_file_private(tmp_path: Path) -> None:
    source = tmp_path / "in.yaml"
    source.write_text(OLD, "utf-8")
    output = tmp_path / "out.json"
    output.write_text("{}", "utf-8")
    output.chmod(0o600)
    assert main(["convert", str(source), str(output)]) == 0
    assert stat.S_IMODE(output.stat().st_mode) == 0o600


def test_convert_into_a_missing_folder_says_to_create_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.yaml"
    source.write_text(OLD, "utf-8")
    output = str(tmp_path / "out" / "map.json")
    assert main(["convert", str(source), output]) == 1
    assert capsys.readouterr().err == (
        f"argmap: error: cannot write {output!r}: No such file or directory; create the "
        f"folder {str(tmp_path / 'out')!r} first\n"
    )
