"""What each source says, assembled from the records that hold it.

The evidence is written once, where a contributor adds it: a tip's `sources:` say
what each source says in its support, its `sources_differ:` what a source advises
instead, and a source's own `unused_points:` the advice no tip carries, with the
reason. This module turns those into each source's list of points, for the Sources
page, the Disagreements page and the open data.
"""

from __future__ import annotations

from ..limits import SURVEY_DESIGNS, TRIAL_DESIGNS


def source_points(kb) -> dict[str, list[dict]]:
    """{source id: [{"text", "supports": [tip ids], "opposes": [tip ids], "describes": [situation ids]}
    or {"text", "not_used"}]}.

    The same words from one source under two tips are one point that supports both."""
    points: dict[str, dict[str, dict]] = {source["id"]: {} for source in kb.sources}

    def point(source_id: str, text: str) -> dict:
        return points[source_id].setdefault(text, {"text": text, "supports": [], "opposes": [], "describes": []})

    for tip in kb.tips:
        for citation in tip["sources"]:
            point(citation["id"], citation["says"])["supports"].append(tip["id"])
        for opposition in tip.get("sources_differ", {}).get("opposed_by", []):
            point(opposition["id"], opposition["says"])["opposes"].append(tip["id"])
    for situation in kb.situations:
        for citation in situation["sources"]:
            if citation["id"] in points:
                point(citation["id"], citation["says"])["describes"].append(situation["id"])
    result = {source_id: list(found.values()) for source_id, found in points.items()}
    for source in kb.sources:
        result[source["id"]] += [
            {"text": unused["says"], "supports": [], "opposes": [], "describes": [], "not_used": unused["reason"]}
            for unused in source.get("unused_points", [])
        ]
    return result


def publishers(kb, citations: list[dict]) -> list[tuple[str, int]]:
    """(publisher, number of its articles) for a tip's sources, in order of first mention:
    two articles from one publisher make one entry, so the names shown add up to the count."""
    counts: dict[str, int] = {}
    for citation in citations:
        publisher = kb.by_id["sources"][citation["id"]]["publisher"]
        counts[publisher] = counts.get(publisher, 0) + 1
    return list(counts.items())


def opposed_by(tip: dict) -> list[str]:
    """The ids of the sources that argue against a tip."""
    return [opposition["id"] for opposition in tip.get("sources_differ", {}).get("opposed_by", [])]


def agreeing(tip: dict) -> list[dict]:
    """The tip's citations that answer its sources_differ question its way: those under agreed_by, or all."""
    agreed = tip["sources_differ"].get("agreed_by")
    return [citation for citation in tip["sources"] if agreed is None or citation["id"] in agreed]


def questions_naming(kb, tip: dict) -> list[dict]:
    """The tips whose sources_differ question has this tip as the course the other side takes (instead:)."""
    return [
        other
        for other in disagreements(kb)
        if any(opposition.get("instead") == tip["id"] for opposition in other["sources_differ"]["opposed_by"])
    ]


def disagreements(kb) -> list[dict]:
    """Every tip that some source argues against, in timeline order."""
    return [tip for tip in kb.tips if tip.get("sources_differ")]


def countries(kb) -> dict[str, int]:
    """How many sources come from each country (by two-letter code), most first; "" for not stated."""
    counts: dict[str, int] = {}
    for source in kb.sources:
        counts[source.get("country", "")] = counts.get(source.get("country", ""), 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


# ---- Research: studies, reviews, trials and surveys (data/research.yaml) ----

# How the site names each research design (the enum in schema/research.schema.json).
DESIGNS = {
    "randomised-trial": "Randomised trial",
    "meta-analysis-of-trials": "Review of trials",
    "meta-analysis": "Review of studies",
    "experiment": "Experiment",
    "longitudinal-study": "Study that followed people over time",
    "cross-sectional-study": "Survey study",
    "narrative-review": "Review of studies",
    "employer-survey": "Survey of employers",
    "vendor-survey": "Survey by a firm that sells job services",
}
# The strength labels a tip can carry, strongest first, with what each means. strength() is the
# one place that works a label out; the pages and the open data both take it from there.
STRENGTHS = {
    "Tested in trials": "A randomised trial, or a review of such trials, tested this advice itself and supports it.",
    "Supported by studies": "Published studies support this advice, but no trial has tested the advice itself.",
    "Employer surveys": "Only surveys of employers support this advice; no study has tested it. Each survey says "
    "who ran it.",
    "Advice only": "This is the shared advice of the articles we cite. We found no research that supports it.",
}
FINDINGS = {"supports": "Supports this tip", "mixed": "Partly disagrees", "against": "Disagrees"}


def strength(tip: dict, research_by_id: dict[str, dict]) -> str:
    """A tip's strength label, from the designs of the research that supports it.

    Only findings that support the tip count. A trial of a whole programme that includes this step
    (in_a_programme) counts as a study, since it did not test the step on its own."""
    supporting = [
        (research_by_id[entry["id"]]["design"], entry.get("in_a_programme", False))
        for entry in tip.get("research", [])
        if entry["finding"] == "supports" and entry["id"] in research_by_id
    ]
    if any(design in TRIAL_DESIGNS and not in_a_programme for design, in_a_programme in supporting):
        return "Tested in trials"
    if any(design not in SURVEY_DESIGNS for design, _ in supporting):
        return "Supported by studies"
    return "Employer surveys" if supporting else "Advice only"


def research_citations(kb) -> dict[str, list[tuple[dict, dict]]]:
    """{research id: [(tip, what the tip says of it)]}, tips in timeline order."""
    cited: dict[str, list[tuple[dict, dict]]] = {study["id"]: [] for study in kb.research}
    for tip in kb.tips:
        for entry in tip.get("research", []):
            cited.setdefault(entry["id"], []).append((tip, entry))
    return cited


def research_disagreements(kb) -> list[tuple[dict, dict]]:
    """(tip, entry) for each finding that partly or wholly goes against a tip, in timeline order."""
    return [(tip, entry) for tip in kb.tips for entry in tip.get("research", []) if entry["finding"] != "supports"]
