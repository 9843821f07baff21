"""Lung-RADS v2022 at a follow-up exam: a nodule compared with the same nodule on a
prior CT of the patient (Qt-free, one readable table; the baseline table is
``inference.chest.rules``).

Sources: the ACR Lung-RADS v1.1 assessment table (NCBI Bookshelf NBK568579, appendix A
table 2: "new" and "growing" rows) and the v2022 changes as published (Christensen et
al., CHEST 2024;165:738): growth is an increase in MEAN diameter of more than 1.5 mm
within a 12-month interval; size thresholds apply to nodules at first detection and to
nodules that enlarge into a higher size category even without meeting the growth
definition; stepped management: a category 3 nodule stable or smaller at follow-up
becomes 2, a category 4A nodule stable or smaller becomes 3.

What this does not decide (a reader does): category 0 (prior being located, infection),
4X (suspicious features), 4B "proven benign" after work-up, perifissural / juxtapleural
benign shape, atypical cysts, airway nodules, calcification.  A 4B nodule that is stable
stays 4B here.  Growth over more than 12 months does not meet the definition: such a
nodule is graded by size (a threshold crossed) or as stable.
"""

from __future__ import annotations

from dataclasses import dataclass

from inference.chest.rules import GROUND_GLASS, PART_SOLID, SOLID, TYPES, lung_rads, tenth

GROWTH_MM = 1.5  # more than this increase of the mean diameter ...
GROWTH_DAYS = 366  # ... within 12 months
NEW, GROWING, STABLE, CROSSED = "new", "growing", "stable", "crossed"  # change at follow-up
ORDER = ("1", "2", "3", "4A", "4B", "4X")

# New solid nodule at follow-up (mean diameter): [from, to) -> category
NEW_SOLID = ((0.0, 4.0, "2"), (4.0, 6.0, "3"), (6.0, 8.0, "4A"), (8.0, float("inf"), "4B"))
# Growing solid nodule: < 8 mm -> 4A, >= 8 mm -> 4B
GROWING_SOLID = ((0.0, 8.0, "4A"), (8.0, float("inf"), "4B"))
# Part-solid with a new or growing solid component (its mean diameter): < 4 -> 4A, >= 4 -> 4B
NEW_SOLID_PART = ((0.0, 4.0, "4A"), (4.0, float("inf"), "4B"))
NEW_PART_SOLID_SMALL = "3"  # a new part-solid nodule < 6 mm total
# Stepped management: the prior's category when the nodule is stable or smaller
STEPPED = {"3": "2", "4A": "3"}


@dataclass(frozen=True)
class Measure:
    """A nodule as measured on one exam."""

    kind: str
    mean_mm: float
    solid_mm: float = 0.0  # mean diameter of the solid part (part-solid); solid: = mean

    def solid_part(self) -> float:
        if self.kind == SOLID:
            return self.mean_mm
        return self.solid_mm if self.kind == PART_SOLID else 0.0


@dataclass(frozen=True)
class FollowUp:
    category: str
    change: str  # new | growing | stable | crossed
    growth_mm: float | None  # mean diameter now - prior (None for a new nodule)


def _band(table, mm: float) -> str:
    v = tenth(mm)
    return next(cat for lo, hi, cat in table if lo <= v < hi)


def _higher(a: str, b: str) -> str:
    return max(a, b, key=ORDER.index)


def grows(now: float, prior: float, days: float) -> bool:
    """v2022 growth: mean diameter up by more than 1.5 mm within 12 months."""
    return tenth(now) - tenth(prior) > GROWTH_MM and 0 <= days <= GROWTH_DAYS


def new_category(m: Measure) -> str:
    """A nodule not seen on the prior exam."""
    _check(m)
    if m.kind == SOLID:
        return _band(NEW_SOLID, m.mean_mm)
    if m.kind == GROUND_GLASS:
        return lung_rads(GROUND_GLASS, m.mean_mm)  # new: < 30 -> 2, >= 30 -> 3
    if tenth(m.mean_mm) < 6.0:
        return NEW_PART_SOLID_SMALL
    return _higher(
        _band(NEW_SOLID_PART, m.solid_part()), lung_rads(PART_SOLID, m.mean_mm, m.solid_mm)
    )


def follow_up(
    now: Measure, prior: Measure | None, days: float, prior_category: str | None = None
) -> FollowUp:
    """The nodule's category at this exam, given the same nodule ``days`` earlier
    (``prior`` None: a new nodule on an exam that has a prior).  ``prior_category``:
    the category the nodule was given on the prior exam when known (a 4A stepped down
    to 3 then stable again becomes 2); else the prior's size category."""
    _check(now)
    if prior is None:
        return FollowUp(new_category(now), NEW, None)
    _check(prior)
    growth = round(tenth(now.mean_mm) - tenth(prior.mean_mm), 1)
    by_size, before = _size_category(now), _size_category(prior)
    if now.kind == PART_SOLID and _solid_part_grows(now, prior, days):
        cat = _higher(_band(NEW_SOLID_PART, now.solid_part()), by_size)
        return FollowUp(cat, GROWING, growth)
    if grows(now.mean_mm, prior.mean_mm, days) and now.kind == SOLID:
        return FollowUp(_higher(_band(GROWING_SOLID, now.mean_mm), by_size), GROWING, growth)
    if ORDER.index(by_size) > ORDER.index(before):  # crossed into a higher size category
        return FollowUp(by_size, CROSSED, growth)
    if now.kind == GROUND_GLASS:  # unchanged or slowly growing ground glass
        return FollowUp("2", GROWING if grows(now.mean_mm, prior.mean_mm, days) else STABLE,
                        growth)  # fmt: skip
    given = prior_category if prior_category in ORDER else before
    return FollowUp(STEPPED.get(given, given), STABLE, growth)


def _solid_part_grows(now: Measure, prior: Measure, days: float) -> bool:
    """A part-solid nodule whose solid component is new (none before) or grows."""
    before = prior.solid_part()
    if tenth(now.mean_mm) < 6.0 or now.solid_part() <= 0.0:
        return False
    return before <= 0.0 or grows(now.solid_part(), before, days)


def _size_category(m: Measure) -> str:
    return lung_rads(m.kind, m.mean_mm, m.solid_part())


def _check(m: Measure) -> None:
    if m.kind not in TYPES:
        raise ValueError(f"unknown nodule type {m.kind!r}")


def exam_follow_up(categories: list[str]) -> str:
    """The exam's category: its most suspicious nodule's; no nodule -> 1."""
    return max(categories, key=ORDER.index) if categories else "1"
