"""What the contributor pages show, built from the same schema and rules that the checks use.

`tip_fields()` is the field reference, read from schema/tip.schema.json; `rule_list()`
lists every rule in macros/rules/ with its example and fix; `example_tip(id)` shows a real
tip file. Each renders one template, so the pages cannot drift from the checks.
"""

from __future__ import annotations

from pathlib import Path

from ..kinds import KINDS, LIST
from ..rules import RULES
from ..schemas import resolve_ref, schema_for

# Rule codes by their first two characters, in the order a checker run finds them.
RULE_GROUPS = {
    "E1": "Reading the file",
    "E2": "Fields and values",
    "E3": "Links between files",
    "S4": "Writing style",
    "W5": "Warnings (the check still passes)",
}


def _characters(spec: dict) -> str | None:
    low, high = spec.get("minLength"), spec.get("maxLength")
    if high and low:
        return f"{low} to {high} characters"
    if high:
        return f"at most {high} characters"
    return None


def _value_limits(spec: dict) -> list[str]:
    """Plain words for one value's type, shape and length."""
    named = spec.get("ref_name")
    if named == "date":
        return ['a date written "YYYY-MM-DD", in quotes']
    if named == "id":
        limits = ["an id: lower-case letters, digits and single hyphens"]
        if spec.get("maxLength"):
            limits.append(f"at most {spec['maxLength']} characters")
        return limits
    if spec.get("type") == "string":
        characters = _characters(spec)
        return ["text"] + ([characters] if characters else [])
    if spec.get("type") == "integer":
        return ["a whole number"]
    return []


def _list_limits(spec: dict, items: dict) -> list[str]:
    low, high = spec.get("minItems"), spec.get("maxItems")
    if low and high:
        count = f"a list of {low} to {high} items"
    elif low:
        count = f"a list of at least {low} item{'s' if low != 1 else ''}"
    elif high:
        count = f"a list of at most {high} items"
    else:
        count = "a list"
    limits = [count]
    each = _value_limits(items)
    if each:
        limits.append("each " + ", ".join(each))
    if spec.get("uniqueItems"):
        limits.append("no value twice")
    return limits


def tip_field_reference(kb) -> list[dict]:
    """Every tip field, in schema order: name, required, what it holds, limits and known values."""
    schema = schema_for("tip")
    required = set(schema.get("required", []))
    fields = []
    for name, raw in schema["properties"].items():
        spec = resolve_ref(schema, raw)
        holds = " ".join(spec.get("description", "").split())
        # Where the ids come from a list file that the description names, its ids say more than the id pattern does.
        named = [kind.name for kind in KINDS if kind.layout == LIST and kind.home in holds]
        choices = [entry["id"] for entry in kb.entries[named[0]]] if named else []
        if spec.get("type") == "array":
            items = resolve_ref(schema, spec.get("items", {}))
            limits = _list_limits(spec, {} if choices else items)
        else:
            limits = [] if choices else _value_limits(spec)
        fields.append(
            {"name": name, "required": name in required, "holds": holds, "limits": limits, "choices": choices}
        )
    return fields


def rule_groups() -> list[dict]:
    """The rules of macros/rules/, grouped as the checker reports them; every rule lands in a group."""
    groups: list[dict] = [{"title": title, "prefix": prefix, "rules": []} for prefix, title in RULE_GROUPS.items()]
    by_prefix = {group["prefix"]: group for group in groups}
    for code in sorted(RULES):
        group = by_prefix.get(code[:2])
        if group is None:
            group = {"title": f"{code[:2]}xx", "prefix": code[:2], "rules": []}
            by_prefix[code[:2]] = group
            groups.append(group)
        group["rules"].append(RULES[code])
    return [group for group in groups if group["rules"]]


def define_contribute_macros(env, kb, page_macro, project_dir: Path):
    """Register the contributor-page macros on the mkdocs-macros environment."""

    @env.macro
    def tip_fields() -> str:
        """The tip field reference, from schema/tip.schema.json."""
        return page_macro("tip_fields.html")(fields=tip_field_reference(kb))

    @env.macro
    def rule_list() -> str:
        """Every check's code, with an example and its fix, from macros/rules/."""
        return page_macro("rule_list.html")(groups=rule_groups())

    @env.macro
    def example_tip(tip_id: str) -> str:
        """One real tip file, exactly as it is in data/tips/, with a link to it on the site."""
        if tip_id not in kb.by_id["tips"]:
            raise ValueError(
                f"example_tip('{tip_id}'): there is no data/tips/{tip_id}.yaml; "
                "name a tip that exists in the page that calls it"
            )
        text = (project_dir / "data" / "tips" / f"{tip_id}.yaml").read_text(encoding="utf-8")
        return page_macro("example_tip.html")(tip=kb.by_id["tips"][tip_id], text=text.rstrip("\n"))
