"""The rules for Links between files (E3): ids that must exist, evidence that must hold, pages that must be there."""

from __future__ import annotations

from ..limits import (
    MAX_CHECKLIST_ITEMS,
    MAX_REFLECTION,
    MIN_ADVICE_WORDS,
    MIN_TIPS_PER_SITUATION,
)
from .rule import Rule

RULES = [
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
]
