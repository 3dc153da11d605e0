"""Build: the reading's hot path (``deadline_cn/_compiled.py``'s list) compiled with mypyc when it can be.

Pure Python instead, with a warning, when ``DEADLINE_CN_PURE=1`` is set, the interpreter is not CPython, mypyc
cannot be imported or refuses the code, or the C compiler fails: every compiled module is also shipped as
its ``.py``, which is what is imported when its extension is absent.
"""

from __future__ import annotations

import ast
import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
PURE = os.environ.get("DEADLINE_CN_PURE", "") not in ("", "0") or sys.implementation.name != "cpython"
# The commands that build; the others (egg_info, dist_info, sdist) need no compilation.
BUILDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "install", "develop"}
MYPY = "mypy>=2.4,<3"


def warn(message: str) -> None:
    print(f"deadline_cn: {message}; installing the pure-Python modules", file=sys.stderr)


def compiled_modules() -> list[str]:
    """The COMPILED tuple of deadline_cn/_compiled.py, read without importing the package."""
    with open(os.path.join(HERE, "deadline_cn", "_compiled.py"), encoding="utf-8") as f:
        tree = ast.parse(f.read())
    value = next(node.value for node in tree.body if isinstance(node, ast.Assign)
                 and any(isinstance(t, ast.Name) and t.id == "COMPILED" for t in node.targets))
    return list(ast.literal_eval(value))


def extensions() -> list[object]:
    if PURE or not BUILDS & set(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        warn("mypyc (from mypy) is not installed")
        return []
    try:
        return list(mypycify(compiled_modules(), opt_level="3", debug_level="0",
                             group_name="deadline_cn._native"))
    except (Exception, SystemExit) as exc:  # mypy's type errors end in SystemExit
        warn(f"mypyc failed ({exc!r})")
        return []


class OptionalBuildExt(build_ext):
    """All the extensions or none: a compiler error leaves the pure-Python modules, never half a build."""

    def build_extensions(self) -> None:
        try:
            super().build_extensions()
        except Exception as exc:
            warn(f"compiling failed ({exc!r})")
            for ext in self.extensions:
                path = self.get_ext_fullpath(ext.name)
                if os.path.exists(path):
                    os.remove(path)
            self.extensions = []

    def run(self) -> None:
        super().run()
        # An extension copied into the source tree (an in-place or editable build) keeps the time it was
        # compiled at; dated now, it is newer than the sources it was built from, as deadline_cn/_compiled.py's
        # check of an edit not yet compiled assumes (a rebuild with nothing to compile copies it again).
        for ext in self.extensions:
            path = os.path.join(HERE, self.get_ext_filename(ext.name))
            if os.path.exists(path):
                os.utime(path)


setup(
    ext_modules=extensions(),
    cmdclass={"build_ext": OptionalBuildExt},
    # mypy is a build requirement only when compiling: setuptools.build_meta hands setup_requires to pip when
    # it asks for the build's requirements (an egg_info run); a build command itself never fetches it, so a
    # build without build isolation and without mypy installs the pure-Python modules.
    setup_requires=[] if PURE or BUILDS & set(sys.argv[1:]) else [MYPY],
)
