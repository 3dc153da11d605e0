"""Partial comparison of a result dict with a hand-written gold reading (corpus/GOLD.md)."""

from __future__ import annotations

from typing import Any


def mismatches(actual: Any, expect: Any, path: str = "") -> list[str]:
    """Where ``actual`` differs from ``expect``: only keys present in ``expect`` are checked."""
    if isinstance(expect, dict):
        if not isinstance(actual, dict):
            return [f"{path or '.'}: expected an object, got {actual!r}"]
        out: list[str] = []
        for key, want in expect.items():
            if key == "flags":
                got = set(actual.get("flags") or [])
                if got != set(want):
                    out.append(f"{path}.flags: expected {sorted(want)}, got {sorted(got)}")
            else:
                out.extend(mismatches(actual.get(key), want, f"{path}.{key}"))
        return out
    if isinstance(expect, list):
        if not isinstance(actual, list) or len(actual) != len(expect):
            return [f"{path}: expected {len(expect)} items, got {actual!r}"]
        pairs = enumerate(zip(actual, expect, strict=True))
        return [m for i, (a, e) in pairs for m in mismatches(a, e, f"{path}[{i}]")]
    return [] if actual == expect else [f"{path}: expected {expect!r}, got {actual!r}"]
