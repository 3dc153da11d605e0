"""``python -m deadline_cn``: the ``deadline-cn`` command."""

from deadline_cn.cli import main

raise SystemExit(main())
