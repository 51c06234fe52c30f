"""qualcheck: tells whether a news article is content-farm output, and shows exactly why."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Checker", "Finding", "Report", "__version__", "filter_items", "score", "score_html"]

logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:  # pragma: no cover
    from .checker import Checker, filter_items, score, score_html
    from .types import Finding, Report


def __getattr__(name: str) -> Any:
    # Lazy, so `import qualcheck` and `qualcheck --help` stay fast.
    if name in ("Checker", "score", "score_html", "filter_items"):
        from . import checker

        return getattr(checker, name)
    if name in ("Finding", "Report"):
        from . import types

        return getattr(types, name)
    raise AttributeError(f"module 'qualcheck' has no attribute {name!r}")
