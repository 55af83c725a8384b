"""What each source says, assembled from the records that hold it.

The evidence is written once, where a contributor adds it: a tip's `sources:` say
what each source says in its support, its `sources_differ:` what a source advises
instead, and a source's own `unused_points:` the advice no tip carries, with the
reason. This module turns those into each source's list of points, for the Sources
page, the Disagreements page and the open data.
"""

from __future__ import annotations

# The countries sources may come from, by their two-letter code. A new one is added here.
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


def opposed_by(tip: dict) -> list[str]:
    """The ids of the sources that argue against a tip."""
    return [opposition["id"] for opposition in tip.get("sources_differ", {}).get("opposed_by", [])]


def disagreements(kb) -> list[dict]:
    """Every tip that some source argues against, in timeline order."""
    return [tip for tip in kb.tips if tip.get("sources_differ")]


def countries(kb) -> dict[str, int]:
    """How many sources come from each country (by two-letter code), most first; "" for not stated."""
    counts: dict[str, int] = {}
    for source in kb.sources:
        counts[source.get("country", "")] = counts.get(source.get("country", ""), 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
