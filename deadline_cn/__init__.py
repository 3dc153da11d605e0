"""deadline_cn — the deadline language of Chinese government work plans as typed, computable values.

>>> from deadline_cn import normalise
>>> normalise("2017年6月底前完成", ref="2017-01-09").due
datetime.date(2017, 6, 30)
"""

from deadline_cn import _compiled  # noqa: F401  (first: DEADLINE_CN_PURE=1 loads no compiled module)
from deadline_cn._read.extract import extract
from deadline_cn._read.normalise import normalise
from deadline_cn.cache import clear_cache
from deadline_cn.errors import DeadlineError, DocumentError
from deadline_cn.frames import frame
from deadline_cn.plots import timeline
from deadline_cn.records import Record, flatten
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

__version__ = "0.1.0"

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
