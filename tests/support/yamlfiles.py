"""The one YAML loader the tests use: plain yaml.safe_load, independent of the loader in macros/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from support.project import PROJECT


def load_yaml(path: Path | str) -> Any:
    """A YAML file, by path or by its path relative to the project (`load_yaml("data/stages.yaml")`)."""
    path = Path(path)
    return yaml.safe_load((path if path.is_absolute() else PROJECT / path).read_text(encoding="utf-8"))
