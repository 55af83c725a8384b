"""Checks on the help services: known countries, each once, each with a free line to talk to now, and
every number with a record of the published page where it was found, flagged when those pages are old."""

from __future__ import annotations

import datetime

from ..limits import COUNTRY_NAMES, MAX_PAGE_AGE_YEARS
from . import Context


def check(ctx: Context):
    if ("help", "help") not in ctx.records:
        return
    record = ctx.record("help", "help")
    seen = set()
    for index, country in enumerate(ctx.kb.help["countries"]):
        code = country["country"]
        where = ("countries", index)
        if code not in COUNTRY_NAMES:
            ctx.report.add(
                record,
                "E301",
                f"unknown country '{code}'",
                (*where, "country"),
                fix=f"Use one of {', '.join(COUNTRY_NAMES)}, or add the country to COUNTRY_NAMES in macros/limits.py.",
            )
        if code in seen:
            ctx.report.add(
                record,
                "E302",
                f"country '{code}' is listed more than once",
                (*where, "country"),
                fix="Merge its services into the first entry.",
            )
        seen.add(code)
        # The danger box tells a reader in distress to call a free line: every country must give one, with its number.
        if not any(service["kind"] == "listening" and "phone" in service for service in country["services"]):
            ctx.report.add(
                record, "E320", f"country '{code}' has no listening service with a phone number", (*where, "services")
            )
        _check_pages(ctx, record, f"country '{code}'", "emergency number", country, "emergency_checked", where)
        for number, service in enumerate(country["services"]):
            path = (*where, "services", number)
            _check_pages(ctx, record, f"service '{service['name']}'", "number", service, "checked", path)


def _check_pages(ctx: Context, record, what: str, label: str, entry: dict, key: str, where: tuple):
    """Every number and address says where it was found (E321); a number found only on old pages is flagged (W503)."""
    number = entry.get("emergency" if key == "emergency_checked" else "phone")
    pages = entry.get(key)
    if not pages:
        field = "emergency" if key == "emergency_checked" else "name"
        thing = f"{label} was" if number else "details were"
        ctx.report.add(
            record, "E321", f"{what}: no record of the page where its {thing} found ({key}:)", (*where, field)
        )
        return
    dated: list[tuple[datetime.date, int]] = []  # (the page's date, its place under key)
    for index, page in enumerate(pages):
        path = (*where, key, index)
        checked_on = _day(ctx, record, page["checked_on"], page["checked_on"], (*path, "checked_on"))
        if checked_on and checked_on > ctx.today:
            ctx.report.add(
                record,
                "E204",
                f"checked_on {page['checked_on']} is in the future",
                (*path, "checked_on"),
                fix="Set checked_on to the day you read the page: today or earlier.",
            )
        value = page.get("page_date")
        # A year alone counts as its last day: a page is called old only when it surely is.
        day = value and _day(ctx, record, value if len(value) > 4 else f"{value}-12-31", value, (*path, "page_date"))
        if day:
            dated.append((day, index))
    if number is None or len(dated) < len(pages):
        return  # no number, or a page with no (real) date: nothing shows that the number is old
    newest, index = max(dated)
    if newest < _years_before(ctx.today, MAX_PAGE_AGE_YEARS):
        page = pages[index]
        ctx.report.add(
            record,
            "W503",
            f"{what}: its {label} {number} was found only on pages more than {MAX_PAGE_AGE_YEARS} years old; "
            f"the newest, '{page['title']}' ({page['url']}), is dated {page['page_date']}",
            (*where, key, index, "page_date"),
        )


def _day(ctx: Context, record, text: str, shown: str, path: tuple) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        ctx.report.add(record, "E204", f"'{shown}' is not a real date", path)
        return None


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
