"""The command line and the ledger tools: batches, work-plan tables, iCalendar, --explain."""
