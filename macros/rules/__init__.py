"""Every check's code, what it means, and how to fix it.

The checker prints these fixes, and the "Add a tip" page lists them. Each limit is
defined once: in limits.py, or in schema/*.schema.json for lengths and list sizes. The
fix texts are built from those same numbers, so the checks, the schemas and the docs
cannot disagree (tests/test_contributing.py).

A new check reuses a code when the problem is the same to a contributor (E207, the same value twice in
a list, whatever the list; E301, an unknown id of any kind), so the fix they read still fits. It gets
a new code, in the module of its group, when the fix would be different: tests/test_every_rule.py then
asks for a sample that breaks it.
"""

from __future__ import annotations

from . import fields, links, reading, writing
from .rule import Rule

# By code, in the order the checker finds them: reading a file, its fields, the links between files, the writing.
RULES: dict[str, Rule] = {rule.code: rule for group in (reading, fields, links, writing) for rule in group.RULES}

__all__ = ["RULES", "Rule"]
