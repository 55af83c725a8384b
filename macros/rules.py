"""Every check's code, what it means, and how to fix it.

The checker prints these fixes, and the "Add a tip" page lists them. Each limit is
defined once: in limits.py, or in schema/*.schema.json for lengths and list sizes. The
fix texts are built from those same numbers, so the checks, the schemas and the docs
cannot disagree (tests/test_contributing.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from .kinds import FOLDER, KINDS
from .limits import (
    MAX_CHECKLIST_ITEM_WORDS,
    MAX_CHECKLIST_ITEMS,
    MAX_FILE_BYTES,
    MAX_PAGE_AGE_YEARS,
    MAX_REFLECTION,
    MAX_SENTENCE_WORDS,
    MIN_ADVICE_WORDS,
    MIN_READING_EASE,
    MIN_TIPS_PER_SITUATION,
    RUN_WORDS,
)
from .schemas import schema_for

_TIP = schema_for("tip")["properties"]
TITLE_CHARACTERS = _TIP["title"]["maxLength"]
SUMMARY_CHARACTERS = _TIP["summary"]["maxLength"]
STEPS = (_TIP["steps"]["minItems"], _TIP["steps"]["maxItems"])


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    fix: str
    example: str


RULES = {
    rule.code: rule
    for rule in [
        Rule(
            "E100",
            "File cannot be read",
            f"Save the file as UTF-8 text with a .yaml ending, under {MAX_FILE_BYTES // 1000} kB, and not empty.",
            "data/tips/breathe.yml (wrong ending), or an empty file",
        ),
        Rule(
            "E101",
            "YAML syntax error",
            "Indent with two spaces (never tabs), put a space after each colon, and close every quote.",
            'title: "Take a break   (quote never closed)',
        ),
        Rule(
            "E102",
            "Duplicate key",
            "Keep one copy of the field and delete the other.",
            "two lines that both start with summary:",
        ),
        Rule(
            "E103", "Anchor or alias", "Write the value out in full instead of using & and *.", "steps: *shared-steps"
        ),
        Rule(
            "E104",
            "Nested too deep",
            "Use the flat shape shown in the example tip.",
            "a list inside a list inside a list ...",
        ),
        Rule(
            "E105",
            "File in the wrong place",
            "Move a tip to data/tips/<id>.yaml (other kinds have folders of their own: "
            f"{', '.join(kind.home for kind in KINDS if kind.layout == FOLDER and kind.name != 'tips')}), "
            "or delete the file.",
            "data/tip/breathe.yaml, data/breathe.yaml or docs/breathe.yaml",
        ),
        Rule(
            "E200",
            "Does not match the schema",
            "Compare the field with the field reference on the Add a tip page.",
            "a value the schema does not allow",
        ),
        Rule(
            "E201",
            "Missing field",
            "Add the field; every required field is listed on the Add a tip page.",
            "a tip with no summary:",
        ),
        Rule("E202", "Unknown field", "Check the spelling of the field name, or remove it.", "colour: blue"),
        Rule(
            "E203",
            "Wrong type of value",
            "Use the kind of value the field expects: text, a list (lines starting with -), or a number.",
            "steps: Write it down.   (should be a list)",
        ),
        Rule(
            "E204",
            "Badly formed id, date or address",
            'Ids use lower-case letters, digits and single hyphens; dates are "YYYY-MM-DD" in quotes; '
            "addresses start with https://.",
            "id: Send_Thanks",
        ),
        Rule(
            "E205",
            "Text too long or empty",
            f"Shorten the text to the limit (titles {TITLE_CHARACTERS} characters, summaries {SUMMARY_CHARACTERS}), "
            "or fill it in.",
            "a 90-character title",
        ),
        Rule(
            "E206",
            "Too many or too few items",
            f"Keep the list within its limits (steps: {STEPS[0]} to {STEPS[1]}).",
            "steps: with 8 items",
        ),
        Rule("E207", "Same value twice in a list", "Delete the repeated value.", "situations: [nerves, nerves]"),
        Rule(
            "E208",
            "Hidden or direction-changing character",
            "Delete the invisible character; retype the text if you cannot see it.",
            "a right-to-left override (U+202E) inside a title",
        ),
        Rule(
            "E209",
            "Words copied from a source",
            f"Rewrite it in your own words: read the article, close it, then say it your way. No run of "
            f"{RUN_WORDS} words may match an article we read (data/fingerprints/).",
            "a step that repeats a sentence of the article it cites",
        ),
        Rule(
            "E301",
            "Unknown reference",
            "Use an id that exists in the file named in the message, or add it there first.",
            "theme: mindsett",
        ),
        Rule("E302", "Duplicate id", "Give each entry its own id.", "two tips with id: breathe"),
        Rule(
            "E303",
            "Id does not match the file name",
            "Rename the file to <id>.yaml, or change the id to match the file name.",
            "data/tips/breathe.yaml with id: take-a-breath",
        ),
        Rule("E304", "Unused entry", "Use the entry in at least one tip, or remove it.", "a theme that no tip uses"),
        Rule(
            "E305",
            "Placeholder mismatch",
            "List every {placeholder} used in the subject and body under placeholders:, and no others.",
            "body uses {role} but placeholders: has no role",
        ),
        Rule(
            "E306",
            "Out of order",
            "Put the entries in timeline order and use each stage once.",
            "a checklist group for next-day before right-after",
        ),
        Rule(
            "E307",
            "Missing page",
            "Add the page named in the message, or remove the entry.",
            "a theme with no docs/themes/<id>.md",
        ),
        Rule(
            "E310",
            "No source supports the tip",
            "List at least one source under sources:, each with says: what the article says in support.",
            "sources: []",
        ),
        Rule(
            "E311",
            "Source cited without its point",
            "Under each source, add says: with what the article says that supports this tip, in your own words.",
            "sources: [taledo-2016]   (no says:)",
        ),
        Rule(
            "E312",
            "Source on both sides",
            "A source either supports a tip or argues against it: keep it in sources: or in sources_differ:, not both.",
            "careerapproval under both sources: and sources_differ.opposed_by:",
        ),
        Rule(
            "E313",
            "Source with no points",
            "Cite the source from a tip with what it says, or list its advice under unused_points: with a reason.",
            "a source that no tip cites",
        ),
        Rule(
            "E314",
            "No plan leads to the tip",
            "List the situations: the tip helps with, or set in_every_plan: true if every reader needs it.",
            "a tip with no situations:",
        ),
        Rule(
            "E315",
            "Situation with too few tips",
            f"Tag at least {MIN_TIPS_PER_SITUATION} tips with the situation, so its plan says what to do, "
            "or merge it into a similar one.",
            "a situation that one tip lists",
        ),
        Rule(
            "E316",
            "No tip written for the situation",
            "Add written_for: with the situation's id to a tip that gives advice for that situation in particular, "
            "not a step every plan carries. If the articles only give general advice for it, say so in a tip.",
            "a situation whose tips all help everyone",
        ),
        Rule(
            "E317",
            "Written for a situation the tip does not list",
            "Every id under written_for: must also be under situations:.",
            "written_for: [late] with situations: [nerves]",
        ),
        Rule(
            "E318",
            "Written for a situation without its sources",
            "Cite an article that speaks to the situation, and list it under the situation's sources: in "
            "data/situations.yaml.",
            "written_for: [salary-too-low] citing only general interview advice",
        ),
        Rule(
            "E319",
            "Programme flag on a study that is not a trial",
            "Set in_a_programme: true only for a randomised trial or a review of trials that tested a whole "
            "programme; for any other design, delete the line.",
            "in_a_programme: true on an experiment",
        ),
        Rule(
            "E322",
            "The same question twice",
            "Keep each question on one tip only. Move this source's point into the sources_differ: of the tip "
            "that already asks it, and delete this one; the tip named in instead: links to that question.",
            "two tips whose sources_differ both cite the same source for the same other tip",
        ),
        Rule(
            "E323",
            "Opposing source gives no advice",
            f"Write says: as what the source advises instead, in at least {MIN_ADVICE_WORDS} words, such as "
            "'Do not apologise in the note; keep it short.' Do not describe the article or what it leaves out: "
            "a source that is silent on the point does not disagree, so remove it from opposed_by:.",
            "says: It does not suggest an apology.",
        ),
        Rule(
            "E324",
            "Agreeing source not cited by the tip",
            "List under agreed_by: only sources that this tip cites under sources:, or cite the source first.",
            "agreed_by: [taledo-2016] on a tip that does not cite taledo-2016",
        ),
        Rule(
            "E325",
            "Figure the study does not give",
            "Every number we give about a study (a percentage, a sample size) must appear in the text we read of "
            "it. Check it against that text and correct or remove it.",
            "found: 60% found work, when the abstract says 53%",
        ),
        Rule(
            "E320",
            "Country with no one to talk to",
            "Add a free listening line with its phone number for the country to data/help.yaml: the danger box "
            "on the help page sends a reader in distress to it.",
            "a country in data/help.yaml with only careers services, or a listening service with no phone:",
        ),
        Rule(
            "E321",
            "No record of where a number was found",
            "Under the service (or, for the emergency number, under emergency_checked:), add checked: with the "
            "url and title of the page where you found its details, the page's date if it shows one "
            '(page_date: "YYYY-MM-DD") and the day you read it (checked_on:). If no published page gives a '
            "number, do not list the number: a wrong number can hurt someone.",
            "a listening service with phone: but no checked:",
        ),
        Rule(
            "E308",
            "Too long to print",
            f"Keep a checklist to {MAX_CHECKLIST_ITEMS} items, so it prints on one page, and the worksheet to "
            f"{MAX_REFLECTION['prompts']} questions and {MAX_REFLECTION['lists']} lists, so it prints on two. "
            "Merge or drop an entry to make room for a new one.",
            "a 19th checklist item",
        ),
        Rule(
            "S401",
            "Sentence too long",
            f"Split the sentence in two; keep each one to {MAX_SENTENCE_WORDS} words or fewer.",
            "a 30-word sentence in why:",
        ),
        Rule(
            "S402",
            "Hard to read",
            "Use shorter sentences and shorter, common words until the reading ease score is "
            f"{MIN_READING_EASE} or more.",
            "long words such as 'reconceptualise' and 'subsequently'",
        ),
        Rule(
            "S403",
            "Checklist item too long",
            f"Cut the item to {MAX_CHECKLIST_ITEM_WORDS} words or fewer; the tip it links to holds the detail.",
            "a 15-word checklist item",
        ),
        Rule(
            "S404",
            "Summary is more than one sentence",
            "Keep the summary to one sentence; move the rest to why:.",
            "summary: Do this. Then do that.",
        ),
        Rule(
            "S405",
            "Written in capitals",
            "Write the text in sentence case: a capital for the first word and for names only.",
            "title: SEND A THANK-YOU NOTE",
        ),
        Rule(
            "S406",
            "HTML tag in the text",
            "Write plain text: no <tags>. For emphasis use *stars*; say it in words otherwise.",
            "why: It <b>really</b> helps.",
        ),
        Rule(
            "S407",
            "Link to a site the tip does not cite",
            "Link only to the address of a source the tip lists under sources:, or remove the link.",
            "[see here](https://example.com)",
        ),
        Rule(
            "S408",
            "List items run together",
            "Start each item on its own line with '  - ', indented like the items above it.",
            "'Try once to rejoin. - If that fails, email them.' as one step",
        ),
        Rule(
            "W501",
            "Not reviewed for a year (warning)",
            "Check the tip against its sources again and set last_reviewed to today's date.",
            'last_reviewed: "2024-01-01"',
        ),
        Rule(
            "W502",
            "Source with no fingerprint (warning)",
            "Save the text of the article you read as a plain text file and run make fingerprint SOURCE=<id> "
            "TEXT=<file>. Only hashes are kept, never the article's words.",
            "a new source in data/sources.yaml with no data/fingerprints/<id>.txt",
        ),
        Rule(
            "W503",
            "Number found only on old pages (warning)",
            f"Find a page from the last {MAX_PAGE_AGE_YEARS} years that gives the number, the service's own page if "
            "you can, and add it under checked:. If you find none, remove the number.",
            'a phone: whose only page has page_date: "2015-03-20"',
        ),
    ]
}
