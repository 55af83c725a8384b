"""Every limit and fixed list the checks use, each defined once.

Lengths and list sizes of single fields are in schema/*.schema.json; the rest is here. The fix
texts in rules/ and the pages that explain the rules are built from these same values, so
they cannot disagree with the checks (tests/test_contributing.py).
"""

from __future__ import annotations

import re

# Reading a file (read/yamlfile.py, E100 and E104): contributor files are small and flat.
MAX_FILE_BYTES = 100_000
MAX_DEPTH = 12
# Characters that no text may hold (E208, read/records.py). Hidden and direction-changing ones could make
# a text say what it does not seem to say. Control characters (a double-quoted YAML string can hold
# any, such as "\x1b[2J") mean nothing in advice, and in a message they could rewrite the
# contributor's terminal. Tabs and newlines are text.
HIDDEN_CHARACTERS = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The countries sources and help services may come from, by their two-letter code. A new one is added here.
COUNTRY_NAMES = {
    "GB": "United Kingdom",
    "US": "United States",
    "CA": "Canada",
    "IN": "India",
    "IE": "Ireland",
    "AU": "Australia",
    "NZ": "New Zealand",
    "ZA": "South Africa",
    "SG": "Singapore",
}
# How many words in a row, shared with an article we read, make a copy (E209; check/fingerprints.py):
# the style guide's rule (never copy eight or more).
RUN_WORDS = 8
# A tip is checked against its sources again at least this often (W501).
REVIEW_EVERY_DAYS = 365
# A phone number on the help page found only on pages older than this is flagged for review (W503, check/help.py).
MAX_PAGE_AGE_YEARS = 5
# What still prints on one page (a checklist) and on two pages (the worksheet), on A4 and on US Letter,
# even with the longest text the schemas allow: tests/test_tools_browser.py prints such data to check.
MAX_CHECKLIST_ITEMS = 18
MAX_REFLECTION = {"prompts": 7, "lists": 2}
# Plain language for readers in a bad moment (check/style.py).
MAX_SENTENCE_WORDS = 25
MIN_READING_EASE = 60
MAX_CHECKLIST_ITEM_WORDS = 12
# A situation in the guide must lead to a plan worth having.
MIN_TIPS_PER_SITUATION = 3
# The guide's plan opens with at most this many steps; the rest wait, folded (macros/render/guide.py).
FIRST_STEPS = 7
# The research designs that count as trials (a tip they support is "Tested in trials", and only a trial
# may be `in_a_programme`, E319), and those that are surveys of employers (knowledge/evidence.py).
TRIAL_DESIGNS = {"randomised-trial", "meta-analysis-of-trials"}
SURVEY_DESIGNS = {"employer-survey", "vendor-survey"}
# A gap in a follow-up note for the reader to fill, such as {interviewer}.
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

# What an opposing source says must be advice (E323): a few words at least, and not a description
# of the article or of what it leaves out, since a source that is silent on a point does not disagree.
MIN_ADVICE_WORDS = 5
NOT_ADVICE = re.compile(
    r"^\s*(it|this|the (article|page|post|author|writer|source))\b"
    r"|\b(does not|doesn't|did not) (mention|suggest|say|discuss|raise|address|cover|advise)"
    r"|\bsays nothing\b|\bis silent\b|\bno mention\b",
    re.IGNORECASE,
)
