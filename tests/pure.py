"""The compiled build and the pure-Python modules: which one this interpreter loaded, and the tests that need
the pure one.

``setup.py`` compiles the reading's hot path with mypyc when it can (``deadline_cn/_compiled.py``); every
compiled module is also a plain ``.py``, loaded instead with ``DEADLINE_CN_PURE=1``. The suite runs on what is
installed. A test that looks at the Python code itself — counting Python steps with ``sys.settrace``, or
monkeypatching a module's function to change what the module's own calls do — sees nothing of a compiled
module, so it is marked ``@needs_pure``: skipped when the build is compiled, and run by ``tests/test_pure.py``
in a fresh interpreter with ``DEADLINE_CN_PURE=1`` (with the differential sample, so that the pure modules'
readings are checked too). On a pure install the whole suite is the pure run.
"""

from __future__ import annotations

import pytest

import deadline_cn  # noqa: F401  (loads the modules that may be compiled)
from deadline_cn._compiled import compiled

COMPILED = compiled()
needs_pure = pytest.mark.skipif(bool(COMPILED), reason="looks at the Python code: tests/test_pure.py runs it pure")
