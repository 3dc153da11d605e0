"""Which modules may be compiled with mypyc, whether they were, and the pure-Python switch.

``setup.py`` compiles the modules of ``COMPILED`` (the reading's hot path) with mypyc when it can; every one
of them stays a plain ``.py`` beside its extension, and works alone. With ``DEADLINE_CN_PURE=1`` in the
environment before ``import deadline_cn``, those ``.py`` files are imported instead of the extensions (the
tests run a subset so, ``tests/test_pure.py``); at install time the same variable skips the compilation. In a
source checkout, a compilable module edited after the build also makes every one of them pure (with a warning)
until the next build: the extensions would run the code as it was.
"""

from __future__ import annotations

import os
import sys
from typing import Any

# The modules setup.py hands to mypyc, as paths from the project root (setup.py reads this list).
COMPILED = (
    "deadline_cn/_grammar/tokens.py",
    "deadline_cn/_grammar/match.py",
    "deadline_cn/_grammar/rules.py",
    "deadline_cn/_grammar/recurrence.py",
    "deadline_cn/_grammar/scope.py",
    "deadline_cn/_grammar/text.py",
    "deadline_cn/_read/pipeline.py",
    "deadline_cn/_read/fast.py",
    "deadline_cn/_read/unread.py",
    "deadline_cn/_read/windows.py",
    "deadline_cn/_read/prose.py",
    "deadline_cn/_read/chunk.py",
    "deadline_cn/_resolve/resolver.py",
    "deadline_cn/_resolve/checks.py",
)
MODULES = tuple(p[:-3].replace("/", ".") for p in COMPILED)
# Not compiled, but read by the compiled modules with the types mypy gave them at the build (see ``stale``)
DEPENDED_ON = ("deadline_cn/_grammar/lexicon.py", "deadline_cn/_grammar/parse.py", "deadline_cn/_grammar/record.py")
PURE = os.environ.get("DEADLINE_CN_PURE", "") not in ("", "0")


class _SourceFirst:
    """A meta-path finder that gives the ``.py`` of a compilable module, so its extension is never loaded."""

    @staticmethod
    def find_spec(name: str, path: Any = None, target: Any = None) -> Any:
        if name not in MODULES or not path:
            return None
        from importlib.util import spec_from_file_location

        leaf = name.rpartition(".")[2] + ".py"
        for folder in path:
            if os.path.isfile(os.path.join(folder, leaf)):
                return spec_from_file_location(name, os.path.join(folder, leaf))
        return None


def stale(root: str) -> str | None:
    """In a source checkout (an in-place or editable build), the first compilable module whose ``.py`` was
    changed after its extension was built, or that has no extension while others have: an edit not yet compiled
    (``pip install -e .`` again compiles it). None in an installed package, where nobody edits the sources."""
    if not os.path.exists(os.path.join(root, "setup.py")):
        return None
    from _imp import extension_suffixes  # (importlib.machinery's list, without importing importlib)

    built, oldest = 0, float("inf")
    for path in COMPILED:
        source = os.path.join(root, path)
        ext = next((e for e in (source[:-3] + s for s in extension_suffixes()) if os.path.exists(e)), None)
        if ext is not None:
            built += 1
            oldest = min(oldest, os.stat(ext).st_mtime)
            if os.stat(source).st_mtime > os.stat(ext).st_mtime:
                return path
        elif built:
            return path
    if 0 < built < len(COMPILED):
        return COMPILED[0]
    # the modules whose constants the compiled code checks the types of (lexicon's word tuples: a tuple of 20 words
    # compiled against is a TypeError at import once it holds 22) — an edit to one makes the build stale as well
    return next((path for path in DEPENDED_ON if built and os.path.exists(os.path.join(root, path))
                 and os.stat(os.path.join(root, path)).st_mtime > oldest), None)


def _use_pure() -> bool:
    if PURE:
        return True
    edited = stale(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if edited is not None:  # the compiled modules call each other directly: all of them or none
        import warnings

        warnings.warn(f"deadline_cn: {edited} changed after it was compiled; the pure-Python modules are used "
                      "until it is built again (pip install -e .)", stacklevel=3)
        return True
    return False


if _use_pure() and not any(isinstance(f, _SourceFirst) for f in sys.meta_path):
    sys.meta_path.insert(0, _SourceFirst())


def compiled() -> list[str]:
    """The modules of ``MODULES`` loaded from a compiled extension (empty: pure Python). Each is imported first:
    ``import deadline_cn`` leaves extract's (windows, prose) to the first call of extract."""
    import importlib

    for name in MODULES:
        importlib.import_module(name)
    return [name for name in MODULES
            if not getattr(sys.modules.get(name), "__file__", "x.py").endswith((".py", ".pyc"))]
