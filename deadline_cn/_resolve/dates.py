"""Moved to :mod:`deadline_cn._calendar.dates`; kept so imports from branches being merged still work."""

from deadline_cn._calendar.dates import *  # noqa: F403
