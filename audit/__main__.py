"""``python -m audit``: the same as ``invoke audit``."""

from .run import main

raise SystemExit(main())
