"""``clear_cache()``: forget the readings of recent cells, so the next call reads its cell from scratch.

``normalise()`` keeps the results of recent short cells (ledgers repeat a cell on many rows; results are
immutable, so sharing them is safe). Clearing is for measuring cold calls and for freeing that memory; it never
changes what a call returns. Compiled patterns and calendar tables stay: they are the library, not readings.
"""

from __future__ import annotations

from deadline_cn._read import normalise as _normalise


def clear_cache() -> None:
    """Empty the cell cache of ``normalise()``."""
    _normalise.clear_cache()
