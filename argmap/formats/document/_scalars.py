"""The general reader's base: typed values and containers, each problem with its document path."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from argmap._suggest import closest, did_you_mean
from argmap.codes import Code
from argmap.errors import ModelError
from argmap.findings import DocPath, Finding, Location, format_path
from argmap.formats.document._values import INT, MAX_DIGITS, Scalar, describe, is_null, short

__all__ = ["ValueReader"]


class ValueReader:
    """Reads typed values and containers, collecting findings with document paths."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.paths: dict[str, DocPath] = {}
        #: Attacks on support ids spelt naturally (``a -> b``), told once all supports are read:
        #: where, the node's kind and id, what is written and the id it spells.
        self.spelled: list[tuple[DocPath, str, str, str, str]] = []

    def problem(self, code: Code, path: DocPath, message: str, element: str | None = None) -> None:
        where = format_path(path)
        self.findings.append(
            code.finding(f"{where}: {message}", Location(element=element, path=path))
        )

    # -- scalars ---------------------------------------------------------------------------

    def text(self, value: object, path: DocPath) -> str | None:
        if isinstance(value, str) and not is_null(value):
            if type(value) is Scalar and value.style in ("|", ">"):
                return str(value).rstrip("\n")
            return str(value)
        if is_null(value):
            return None
        self.problem(Code.WRONG_TYPE, path, f"expected text, got {describe(value)}")
        return None

    def required_text(self, value: object, path: DocPath, what: str) -> str | None:
        if is_null(value):
            self.problem(Code.MISSING_VALUE, path, f"{what} needs a value")
            return None
        return self.text(value, path)

    def boolean(self, value: object, path: DocPath) -> bool:
        if isinstance(value, bool):
            return value
        if type(value) is Scalar and value.style is None and value.lower() in ("true", "false"):
            return value.lower() == "true"
        if is_null(value):
            return False
        self.problem(Code.WRONG_TYPE, path, f"expected true or false, got {describe(value)}")
        return False

    def integer(self, value: object, path: DocPath) -> int | None:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if type(value) is Scalar and value.style is None and INT.fullmatch(value):
            if len(value) <= MAX_DIGITS:
                return int(value)
            self.problem(
                Code.WRONG_TYPE,
                path,
                f"expected a whole number of at most {MAX_DIGITS} "
                f"digits, got {len(value):,} characters",
            )
            return None
        self.problem(Code.WRONG_TYPE, path, f"expected a whole number, got {describe(value)}")
        return None

    def text_list(self, value: object, path: DocPath) -> tuple[str, ...]:
        if is_null(value):
            return ()
        if isinstance(value, str):
            self.problem(
                Code.WRONG_TYPE,
                path,
                f"expected a list, got {describe(value)}; write [{short(value)}]",
            )
            return ()
        if not isinstance(value, list):
            self.problem(Code.WRONG_TYPE, path, f"expected a list, got {describe(value)}")
            return ()
        items = (self.text(item, (*path, index)) for index, item in enumerate(value))
        return tuple(item for item in items if item is not None)

    # -- containers --------------------------------------------------------------------------

    def mapping(self, value: object, path: DocPath, what: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        if not is_null(value):
            self.problem(
                Code.WRONG_TYPE, path, f"expected {what} (a mapping), got {describe(value)}"
            )
        return None

    def unknown_keys(
        self,
        raw: Mapping[str, Any],
        allowed: frozenset[str] | tuple[str, ...],
        path: DocPath,
        where: str,
        hint: Callable[[str], str] | None = None,
    ) -> None:
        for key in [key for key in raw if key not in allowed]:
            extra = hint(key) if hint is not None else ""
            if not extra:
                extra = did_you_mean(closest(key, allowed))
            expected = ", ".join(sorted(allowed))
            self.problem(
                Code.UNKNOWN_KEY,
                (*path, key),
                f"unknown key {key!r} in {where}{extra} (expected one of: {expected})",
            )

    def model_errors(
        self, error: ModelError, path: DocPath, keys: Mapping[str, str] | None = None
    ) -> None:
        for finding in error.findings:
            field = finding.location.path[0] if finding.location.path else None
            where = path if field is None else (*path, (keys or {}).get(str(field), field))
            self.findings.append(
                Finding(
                    finding.code,
                    finding.severity,
                    finding.message,
                    Location(element=finding.location.element, path=where),
                )
            )

    # -- the document --------------------------------------------------------------------------
