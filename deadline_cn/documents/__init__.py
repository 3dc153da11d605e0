"""The document layer: files → grids of cells → ledger rows, and ledgers / calendars out.

Import arrows run one way: ``deadline_cn.cli`` → ``deadline_cn.documents`` → the reading core
(``normalise``, ``extract``, the result types). Nothing here imports the CLI.

- :mod:`.sniff` says what a file is from its bytes; :mod:`.read` picks the reader (:mod:`.office`,
  :mod:`.html`, :mod:`.pdf`, :mod:`.text`, :mod:`.convert`); every reader gives :class:`.grid.Grid`\\ s.
  :mod:`.biff` (.xls) and :mod:`.ods` find what calamine does not report: formula cells, .ods merges.
- :mod:`.plan` reads a whole plan: its date, plan year and number, its task rows, the deadlines in the
  cells of tables without a deadline column and in its prose.
- :mod:`.rows` turns grids into ledger rows (``deadline_cn.table.read`` is its public face);
  :mod:`.ledger` flattens one reading into ledger columns; :mod:`.write` writes CSV / JSONL / XLSX safely;
  :mod:`.ics` writes calendars.
- Every unreadable file raises :class:`DocumentError` (a ValueError) with a one-line message.
"""

from deadline_cn.documents.grid import Cell, DocumentError, Grid, Limits
from deadline_cn.documents.read import read_grids

__all__ = ["Cell", "DocumentError", "Grid", "Limits", "read_grids"]
