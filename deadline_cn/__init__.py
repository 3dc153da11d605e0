"""deadline_cn — the deadline language of Chinese government work plans as typed, computable values.

>>> from deadline_cn import normalise
>>> normalise("2017年6月底前完成", ref="2017-01-09").due
datetime.date(2017, 6, 30)
"""

from typing import TYPE_CHECKING, Any

from deadline_cn import _compiled  # noqa: F401  (first: DEADLINE_CN_PURE=1 loads no compiled module)
from deadline_cn._read.normalise import normalise
from deadline_cn.cache import clear_cache
from deadline_cn.errors import DeadlineError, DocumentError
from deadline_cn.results import (
    Alternative,
    Compound,
    Conditional,
    Deadline,
    Offset,
    Ongoing,
    Recurrence,
    Relative,
    Result,
    Trigger,
    Unresolved,
    Window,
    from_dict,
)

if TYPE_CHECKING:
    from deadline_cn._read.extract import extract
    from deadline_cn.frames import frame
    from deadline_cn.plots import timeline
    from deadline_cn.records import Record, flatten

__version__ = "0.1.0"

# Loaded the first time one is asked for (PEP 562): reading a cell needs no table, plot or flat record, nor
# extract's modules (its windows, anchors and prose rules), and loads the calendar only when it needs a working
# day or a holiday.
_LAZY = {"extract": "deadline_cn._read.extract", "frame": "deadline_cn.frames", "timeline": "deadline_cn.plots",
         "Record": "deadline_cn.records", "flatten": "deadline_cn.records", "calendar": "deadline_cn.calendar"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    loaded = importlib.import_module(module)
    value = loaded if name == "calendar" else getattr(loaded, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "Alternative",
    "Compound",
    "Conditional",
    "Deadline",
    "DeadlineError",
    "DocumentError",
    "Offset",
    "Ongoing",
    "Record",
    "Recurrence",
    "Relative",
    "Result",
    "Trigger",
    "Unresolved",
    "Window",
    "__version__",
    "clear_cache",
    "extract",
    "flatten",
    "frame",
    "from_dict",
    "normalise",
    "timeline",
]
