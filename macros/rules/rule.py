"""One rule: its code, what it means, how to fix it, and an example of what breaks it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    fix: str
    example: str
