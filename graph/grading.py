"""Grade every edge by the Admiralty system: source reliability A-F, information credibility 1-6.

The rules are data (``graph/grading.yaml``); this module reads them, applies them to what the
graph knows of an edge (:func:`grade`, a pure function), and writes the grades of a batch of
edges inside the loader's transaction (:func:`grade_edges`), so an edge's grades always agree
with its evidence, its sources' grades and any analyst's override.

>>> rules = get_rules()
>>> ft = {publisher_key("Financial Times"): "B"}
>>> g = grade(EdgeFacts(status="reported", publishers=("Financial Times",)), ft, rules)
>>> g.grade
'B2'
>>> print(g.reason)
B2: source Financial Times is B (usually reliable); 2 (probably true): reported as fact by Financial Times alone
>>> grade(EdgeFacts(status="reported", publishers=("FT", "Reuters")), {}, rules).grade
'F1'
"""
from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from graph import yamlsource
from graph.errors import InvalidInput, Problem
from graph.names import name_key
from graph.store import Tx

__all__ = ["GradingRules", "Rule", "EdgeFacts", "Override", "Grade", "load_rules", "get_rules", "grade", "grader",
           "grade_edges", "publisher_key", "speaker_key", "RELIABILITY", "CREDIBILITY"]

DEFAULT_PATH = Path(__file__).with_name("grading.yaml")
RELIABILITY = tuple("ABCDEF")
CREDIBILITY = (1, 2, 3, 4, 5, 6)
_CONDITIONS = {"status": str, "denied": bool, "disputed": bool, "min_publishers": int, "reported_elsewhere": bool}
# How each condition of a rule (graph/grading.yaml) is checked against an edge's facts.
_CHECKS = {
    "status": lambda facts, wanted: facts.status == wanted,
    "denied": lambda facts, wanted: bool(facts.deniers) == wanted,
    "disputed": lambda facts, wanted: bool(facts.disputers) == wanted,
    "min_publishers": lambda facts, wanted: len(facts.publishers) >= wanted,
    "reported_elsewhere": lambda facts, wanted: bool(facts.reporters) == wanted,
}
_FIELDS = {"publishers", "publisher_count", "deniers", "disputers", "asserted_by", "reporters"}


@dataclass(frozen=True)
class Rule:
    """One credibility rule: when every condition holds, the edge gets ``credibility``."""

    when: Mapping[str, Any]
    credibility: int
    because: str

    def holds(self, facts: EdgeFacts) -> bool:
        """Whether every condition of the rule holds for the edge.

        >>> Rule({"status": "reported", "min_publishers": 2}, 1, "").holds(EdgeFacts("reported", ("a", "b")))
        True
        """
        return all(_CHECKS[name](facts, wanted) for name, wanted in self.when.items())


@dataclass(frozen=True)
class GradingRules:
    """The scales and the ordered credibility rules of ``graph/grading.yaml``."""

    reliability_scale: Mapping[str, str]
    default_reliability: str
    credibility_scale: Mapping[int, str]
    rules: tuple[Rule, ...]
    source: str = ""


@dataclass(frozen=True)
class EdgeFacts:
    """What grading looks at: the edge's status and sources, and who denies, disputes or backs it.

    ``publishers`` carry the edge (distinct, in order); ``asserted_by`` is the name of the party
    claiming or denying it; ``reporters`` are the publishers that report the same relation
    (same ends and type) as fact, on another edge when this one is a claim or a denial.
    """

    status: str
    publishers: tuple[str, ...] = ()
    asserted_by: str | None = None
    asserted_by_id: str | None = None
    deniers: tuple[str, ...] = ()
    disputers: tuple[str, ...] = ()
    reporters: tuple[str, ...] = ()


@dataclass(frozen=True)
class Override:
    """An analyst's grade for one edge: either grade or both, with why, who and when."""

    reason: str
    by: str
    at: str
    reliability: str | None = None
    credibility: int | None = None


@dataclass(frozen=True)
class Grade:
    """An edge's grades, as written on it."""

    reliability: str
    credibility: int
    reason: str
    computed: str = ""       # the grade the rules give, when an override replaced it
    overridden: bool = False

    @property
    def grade(self) -> str:
        return f"{self.reliability}{self.credibility}"


def publisher_key(publisher: str) -> str:
    """The key of a publisher's Source node: names compare without case or apostrophe style.

    >>> publisher_key("The Financial Times"), speaker_key("russia")
    ('publisher:the financial times', 'speaker:russia')
    """
    return "publisher:" + name_key(publisher)


def speaker_key(entity_id: str) -> str:
    return "speaker:" + entity_id


def load_rules(path: Path = DEFAULT_PATH) -> GradingRules:
    """Read and check a grading file; every problem is reported with its line."""
    doc = yamlsource.load(path)
    data = doc.data if isinstance(doc.data, dict) else {}
    problems: list[Problem] = []
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), "expected a mapping with reliability and credibility"))
    reliability = data.get("reliability") or {}
    credibility = data.get("credibility") or {}
    r_scale = {str(k): str(v) for k, v in (reliability.get("scale") or {}).items()}
    c_scale = {int(k): str(v) for k, v in (credibility.get("scale") or {}).items() if str(k).isdigit()}
    if sorted(r_scale) != list(RELIABILITY):
        problems.append(doc.problem(("reliability", "scale"), "must describe exactly the grades A to F"))
    if sorted(c_scale) != list(CREDIBILITY):
        problems.append(doc.problem(("credibility", "scale"), "must describe exactly the grades 1 to 6"))
    default = str(reliability.get("default", "F"))
    if default not in RELIABILITY:
        problems.append(doc.problem(("reliability", "default"), "expected one of A to F"))
    rules = []
    for index, raw in enumerate(credibility.get("rules") or []):
        at = ("credibility", "rules", index)
        raw = raw if isinstance(raw, dict) else {}
        when = raw.get("when") or {}
        for name, value in when.items():
            expected = _CONDITIONS.get(name)
            if expected is None:
                problems.append(doc.problem(at + ("when", name), f"unknown condition; expected one of "
                                                                   f"{', '.join(sorted(_CONDITIONS))}"))
            elif not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
                problems.append(doc.problem(at + ("when", name), f"expected a {expected.__name__}"))
        if raw.get("credibility") not in CREDIBILITY:
            problems.append(doc.problem(at + ("credibility",), "expected a grade from 1 to 6"))
        because = str(raw.get("because") or "")
        used = {name for _, name, _, _ in string.Formatter().parse(because) if name}
        if not because or used - _FIELDS:
            problems.append(doc.problem(at + ("because",), f"needs an explanation naming only "
                                                             f"{{{'}, {'.join(sorted(_FIELDS))}}}"))
        rules.append(Rule(when, raw.get("credibility") or 6, because))
    if problems:
        raise InvalidInput(problems)
    return GradingRules(r_scale, default, c_scale, tuple(rules), str(path))


@lru_cache(maxsize=2)
def get_rules(path: Path = DEFAULT_PATH) -> GradingRules:
    """The grading rules at ``path``, read and checked once per process."""
    return load_rules(path)


def grade(facts: EdgeFacts, reliability_of: Mapping[str, str], rules: GradingRules,
          override: Override | None = None) -> Grade:
    """The grades of one edge and a one-line explanation.

    ``reliability_of`` maps source keys (:func:`publisher_key`, :func:`speaker_key`) to their
    grades (the graph's Source nodes); a source missing from it gets the rules' default (F).

    >>> rules = get_rules()
    >>> claim = EdgeFacts("claimed", ("FT",), asserted_by="Russia", asserted_by_id="russia", deniers=("Ukraine",))
    >>> grade(claim, {publisher_key("FT"): "B"}, rules).reason
    'F4: source Russia (quoted) is F (reliability cannot be judged); 4 (doubtful): denied by Ukraine'
    >>> g = grade(claim, {}, rules, Override("seen the intercept", "ana", "2026-11-24", credibility=2))
    >>> g.grade, g.computed, g.reason.split(":")[0]
    ('F2', 'F4', 'F2 set by ana on 2026-11-24')
    """
    reliability, source = _reliability(facts, reliability_of, rules)
    rule = next((rule for rule in rules.rules if rule.holds(facts)), None)
    credibility = rule.credibility if rule else 6
    because = rule.because.format(**_fields(facts)) if rule else "no rule applies"
    computed = f"{reliability}{credibility}"
    explanation = (f"source {source} is {reliability} ({rules.reliability_scale[reliability]}); "
                   f"{credibility} ({rules.credibility_scale[credibility]}): {because}")
    if override is None:
        return Grade(reliability, credibility, f"{computed}: {explanation}")
    final_r = override.reliability or reliability
    final_c = override.credibility or credibility
    return Grade(final_r, final_c, f"{final_r}{final_c} set by {override.by} on {override.at[:10]}: "
                                   f"{override.reason} (the rules give {computed}: {explanation})",
                 computed=computed, overridden=True)


def grader(reliability_of: Mapping[str, str], rules: GradingRules) -> Callable[[EdgeFacts, Override | None], Grade]:
    """:func:`grade` with these sources and rules, each set of facts (and override) graded once:
    edges with the same facts have the same grades, and a load grades many alike.

    >>> graded = grader({}, get_rules())
    >>> graded(EdgeFacts("reported", ("AP",)), None) is graded(EdgeFacts("reported", ("AP",)), None)
    True
    """
    @cache
    def graded(facts: EdgeFacts, override: Override | None) -> Grade:
        return grade(facts, reliability_of, rules, override)
    return graded


def _reliability(facts: EdgeFacts, reliability_of: Mapping[str, str], rules: GradingRules) -> tuple[str, str]:
    """The source's grade and how to name it: the best publisher's for a fact, else the speaker's."""
    if facts.status != "reported" and facts.asserted_by_id:
        name = facts.asserted_by or facts.asserted_by_id
        return reliability_of.get(speaker_key(facts.asserted_by_id), rules.default_reliability), f"{name} (quoted)"
    graded = sorted((reliability_of.get(publisher_key(p), rules.default_reliability), p) for p in facts.publishers)
    if not graded:
        return rules.default_reliability, "unknown"
    return graded[0]


def _fields(facts: EdgeFacts) -> dict[str, Any]:
    return {"publishers": _names(facts.publishers), "publisher_count": len(facts.publishers),
            "deniers": _names(facts.deniers), "disputers": _names(facts.disputers),
            "asserted_by": facts.asserted_by or "the article", "reporters": _names(facts.reporters)}


def _names(items: Iterable[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``.

    >>> _names(["FT"]), _names(["FT", "Reuters", "AP"])
    ('FT', 'FT, Reuters and AP')
    """
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else "nobody"


# --- in the database -------------------------------------------------------------------------------
def grade_edges(tx: Tx, edges: list[dict[str, Any]], *, batch: int = 5000,
                rules: GradingRules | None = None) -> int:
    """Grade the edges ``{id, subject, object}`` that still exist, and the edges of the same type
    between the same ends (whose grades depend on them), and write their grades.

    Returns how many edges were graded.
    """
    graded_as = grader(_source_grades(tx), rules or get_rules())
    graded = 0
    for start in range(0, len(edges), batch):
        rows = []
        # The related edges and their inputs in one statement: the edges between two entities are
        # found once (a statement of its own for the related ones cost as much again).
        for row in tx.run("grading/related_inputs", edges=edges[start:start + batch]):
            facts = EdgeFacts(
                status=row["status"], publishers=tuple(row["publishers"]),
                asserted_by=row["asserted_by"] and row["asserted_by"]["name"],
                asserted_by_id=row["asserted_by"] and row["asserted_by"]["id"],
                deniers=tuple(sorted(row["deniers"])), disputers=tuple(sorted(row["disputers"])),
                reporters=tuple(row["reporters"]))
            override = Override(**row["override"]) if row["override"] else None
            result = graded_as(facts, override)
            rows.append({"id": row["id"], "subject": row["subject"], "object": row["object"],
                         "reliability": result.reliability, "credibility": result.credibility,
                         "grade": result.grade, "reason": result.reason,
                         "computed": result.computed or result.grade, "overridden": result.overridden})
        if rows:
            tx.run("grading/set_grades", rows=rows)
        graded += len(rows)
    return graded


def _source_grades(tx: Tx) -> dict[str, str]:
    """Every graded source's key and reliability, from the graph's Source nodes."""
    return {row["key"]: row["reliability"] for row in tx.run("grading/sources")}
