"""The layout of macros/ shows the flow of the data, and the imports keep to it.

The stages are folders, in the order the data goes through them (README, "How it is made"):
read, check, build the knowledge base, render, publish. A stage may import the shared modules and
the stages before it, never one after it; the shared modules import no stage; and only the top
(the engines' adapter, the post-build pass, the entry point and the commands) may import any of them.
These tests read the imports of the real code, so a module put in the wrong place, or an import
that runs back up the flow, fails here with the names of both modules.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from support.project import PROJECT

MACROS = PROJECT / "macros"
# Where each part of macros/ stands in the flow; a higher number may import a lower or an equal one.
SHARED, TOP = 0, 6
STAGES = {"read": 1, "check": 2, "knowledge": 3, "render": 4, "publish": 5}
SHARED_MODULES = {"kinds", "schemas", "rules", "problems", "limits", "settings"}
TOP_MODULES = {"__init__", "postbuild", "site", "commands"}
MAX_LINES = 300


def module_name(path: Path, root: Path = PROJECT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def place(module: str) -> int:
    """The place in the flow of `macros.<part>...`; the package itself is the adapter, at the top."""
    part = module.split(".")[1] if "." in module else "__init__"
    if part in STAGES:
        return STAGES[part]
    if part in SHARED_MODULES:
        return SHARED
    assert part in TOP_MODULES, f"macros/{part} has no place in the flow: put it in a stage folder, or name it here"
    return TOP


def is_module(name: str, root: Path = PROJECT) -> bool:
    path = root.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports(path: Path, root: Path = PROJECT) -> set[str]:
    """Every module of ours that `path` imports, by its full name: relative imports, absolute ones,
    and the names given to importlib.import_module."""
    module = module_name(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            for alias in node.names:  # `from .. import check` imports the module macros.check
                named = f"{target}.{alias.name}"
                found.add(named if is_module(named, root) else target)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and re.fullmatch(r"macros(\.\w+)+", node.value)
        ):
            found.add(node.value)
    return {name for name in found if name == "macros" or name.startswith("macros.")}


def our_modules(root: Path = PROJECT) -> dict[str, Path]:
    return {module_name(path, root): path for path in sorted((root / "macros").rglob("*.py"))}


def imports_up_the_flow(root: Path = PROJECT) -> list[str]:
    wrong = []
    for module, path in our_modules(root).items():
        for target in imports(path, root):
            assert is_module(target, root), f"{path}: imports {target}, which is not a module of ours"
            if place(target) > place(module) and not target.startswith(module + "."):
                wrong.append(f"{module} imports {target}, a later part of the flow")
    return wrong


def test_every_import_runs_down_the_flow():
    assert imports_up_the_flow() == []


def test_an_import_that_runs_back_up_is_found(tmp_path):
    """The check above reads the code as it is: a stage that imports a later one, by either way of
    importing, is named."""
    for name in ("read/__init__.py", "render/__init__.py", "publish/__init__.py", "publish/csp.py"):
        (tmp_path / "macros" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "macros" / name).write_text("")
    (tmp_path / "macros" / "__init__.py").write_text("")
    late = "from ..render import Renderer\nimport importlib\nimportlib.import_module('macros.publish.csp')\n"
    (tmp_path / "macros" / "read" / "late.py").write_text(late)
    assert sorted(imports_up_the_flow(tmp_path)) == [
        "macros.read.late imports macros.publish.csp, a later part of the flow",
        "macros.read.late imports macros.render, a later part of the flow",
    ]


def test_no_import_cycle():
    modules = our_modules()
    graph = {module: {t for t in imports(path) if t in modules and t != module} for module, path in modules.items()}
    done: set[str] = set()

    def visit(module: str, trail: list[str]):
        assert module not in trail, "import cycle: " + " -> ".join(trail[trail.index(module) :] + [module])
        if module in done:
            return
        for target in sorted(graph[module]):
            if not module.startswith(target + "."):  # a module may import its own package's names
                visit(target, trail + [module])
        done.add(module)

    for module in modules:
        visit(module, [])


def test_no_module_is_long_or_takes_another_modules_private_names():
    for path in our_modules().values():
        assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES, (
            f"{path} is over {MAX_LINES} lines: split it by what each part does"
        )
    for path in [*our_modules().values(), *PROJECT.glob("hooks/*.py"), *PROJECT.glob("scripts/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                private = [alias.name for alias in node.names if alias.name.startswith("_")]
                assert private == [], f"{path}: imports {private} from {node.module}, private to that module"


def test_each_stage_folder_says_what_it_does():
    """Each stage opens with its place in the flow, so a reader of the code meets the flow where they start."""
    for stage, number in STAGES.items():
        docstring = ast.get_docstring(ast.parse((MACROS / stage / "__init__.py").read_text(encoding="utf-8"))) or ""
        assert docstring.startswith(f"Stage {number}, "), stage
