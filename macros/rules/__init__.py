"""Every check's code, what it means, and how to fix it.

The checker prints these fixes, and the "Add a tip" page lists them. Each limit is
defined once: in limits.py, or in schema/*.schema.json for lengths and list sizes. The
fix texts are built from those same numbers, so the checks, the schemas and the docs
cannot disagree (tests/test_contributing.py).
"""

from __future__ import annotations

from . import fields, links, reading, writing
from .rule import Rule

# By code, in the order the checker finds them: reading a file, its fields, the links between files, the writing.
RULES: dict[str, Rule] = {rule.code: rule for group in (reading, fields, links, writing) for rule in group.RULES}

__all__ = ["RULES", "Rule"]
