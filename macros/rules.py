"""Every check's code, what it means, and how to fix it.

The checker prints these fixes, and the "Add a tip" page lists them, so the two
can never disagree.
"""
from __future__ import annotations

from dataclasses import dataclass

# What still prints on one page (a checklist) and on two pages (the worksheet), on A4 and on US Letter,
# even with the longest text the schemas allow: tests/test_tools_browser.py prints such data to check.
MAX_CHECKLIST_ITEMS = 18
MAX_REFLECTION = {"prompts": 7, "lists": 2}


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    fix: str
    example: str


RULES = {rule.code: rule for rule in [
    Rule("E100", "File cannot be read",
         "Save the file as UTF-8 text with a .yaml ending, under 100 kB, and not empty.",
         "data/tips/breathe.yml (wrong ending), or an empty file"),
    Rule("E101", "YAML syntax error",
         "Indent with two spaces (never tabs), put a space after each colon, and close every quote.",
         "title: \"Take a break   (quote never closed)"),
    Rule("E102", "Duplicate key",
         "Keep one copy of the field and delete the other.",
         "two lines that both start with summary:"),
    Rule("E103", "Anchor or alias",
         "Write the value out in full instead of using & and *.",
         "steps: *shared-steps"),
    Rule("E104", "Nested too deep",
         "Use the flat shape shown in the example tip.",
         "a list inside a list inside a list ..."),
    Rule("E200", "Does not match the schema",
         "Compare the field with the field reference on the Add a tip page.",
         "a value the schema does not allow"),
    Rule("E201", "Missing field",
         "Add the field; every required field is listed on the Add a tip page.",
         "a tip with no summary:"),
    Rule("E202", "Unknown field",
         "Check the spelling of the field name, or remove it.",
         "colour: blue"),
    Rule("E203", "Wrong type of value",
         "Use the kind of value the field expects: text, a list (lines starting with -), or a number.",
         "steps: Write it down.   (should be a list)"),
    Rule("E204", "Badly formed id, date or address",
         "Ids use lower-case letters, digits and single hyphens; dates are \"YYYY-MM-DD\" in quotes; "
         "addresses start with https://.",
         "id: Send_Thanks"),
    Rule("E205", "Text too long or empty",
         "Shorten the text to the limit (titles 65 characters, summaries 160), or fill it in.",
         "a 90-character title"),
    Rule("E206", "Too many or too few items",
         "Keep the list within its limits (steps: 1 to 6; sources: at least 1).",
         "steps: with 8 items"),
    Rule("E207", "Same value twice in a list",
         "Delete the repeated value.",
         "sources: [taledo-2016, taledo-2016]"),
    Rule("E208", "Hidden or direction-changing character",
         "Delete the invisible character; retype the text if you cannot see it.",
         "a right-to-left override (U+202E) inside a title"),
    Rule("E301", "Unknown reference",
         "Use an id that exists in the file named in the message, or add it there first.",
         "theme: mindsett"),
    Rule("E302", "Duplicate id",
         "Give each entry its own id.",
         "two tips with id: breathe"),
    Rule("E303", "Id does not match the file name",
         "Rename the file to <id>.yaml, or change the id to match the file name.",
         "data/tips/breathe.yaml with id: take-a-breath"),
    Rule("E304", "Unused entry",
         "Use the entry in at least one tip, or remove it.",
         "a source that no tip cites"),
    Rule("E305", "Placeholder mismatch",
         "List every {placeholder} used in the subject and body under placeholders:, and no others.",
         "body uses {role} but placeholders: has no role"),
    Rule("E306", "Out of order",
         "Put the entries in timeline order and use each stage once.",
         "a checklist group for next-day before right-after"),
    Rule("E307", "Missing page",
         "Add the page named in the message, or remove the entry.",
         "a theme with no docs/themes/<id>.md"),
    Rule("E308", "Too long to print",
         f"Keep a checklist to {MAX_CHECKLIST_ITEMS} items, so it prints on one page, and the worksheet to "
         f"{MAX_REFLECTION['prompts']} questions and {MAX_REFLECTION['lists']} lists, so it prints on two. "
         "Merge or drop an entry to make room for a new one.",
         "a 19th checklist item"),
    Rule("S401", "Sentence too long",
         "Split the sentence in two; keep each one to 25 words or fewer.",
         "a 30-word sentence in why:"),
    Rule("S402", "Hard to read",
         "Use shorter sentences and shorter, common words until the reading ease score is 60 or more.",
         "long words such as 'reconceptualise' and 'subsequently'"),
    Rule("S403", "Checklist item too long",
         "Cut the item to 12 words or fewer; the tip it links to holds the detail.",
         "a 15-word checklist item"),
    Rule("S404", "Summary is more than one sentence",
         "Keep the summary to one sentence; move the rest to why:.",
         "summary: Do this. Then do that."),
    Rule("W501", "Not reviewed for a year (warning)",
         "Check the tip against its sources again and set last_reviewed to today's date.",
         "last_reviewed: \"2024-01-01\""),
]}
