"""The calendar layer: holiday dates, the lunar table, official and predicted working days, notices.

Everything else in deadline_cn asks this layer (through :mod:`deadline_cn.calendar`); nothing here imports
the grammar, the resolver or the result types.
"""
