"""Moved to :mod:`deadline_cn._calendar.offsets`; kept so imports from branches being merged still work."""

from deadline_cn._calendar.offsets import *  # noqa: F403
