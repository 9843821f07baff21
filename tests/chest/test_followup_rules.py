"""Lung-RADS v2022 at follow-up (app.chest_followup): both sides of every threshold of
the new / growing / crossed / stable rules, to 0.1 mm, and the 12-month growth window."""

from __future__ import annotations

import pytest

from app.chest_followup import (
    CROSSED,
    GROWING,
    NEW,
    STABLE,
    Measure,
    exam_follow_up,
    follow_up,
    grows,
    new_category,
)
from inference.chest.rules import GROUND_GLASS, PART_SOLID, SOLID

YEAR = 365


def solid(mm):
    return Measure(SOLID, mm)


@pytest.mark.parametrize(
    "mm, cat",
    [(3.94, "2"), (3.95, "3"), (5.9, "3"), (6.0, "4A"), (7.9, "4A"), (8.0, "4B"), (30.0, "4B")],
)
def test_new_solid(mm, cat):
    got = follow_up(solid(mm), None, 180)
    assert (got.category, got.change, got.growth_mm) == (cat, NEW, None)


@pytest.mark.parametrize(
    "total, part, cat",
    [
        (5.9, 3.0, "3"),  # new part-solid < 6 mm total
        (6.0, 3.9, "4A"),  # >= 6 total, its (new) solid component < 4
        (6.0, 4.0, "4B"),
        (12.0, 8.0, "4B"),
    ],
)
def test_new_part_solid(total, part, cat):
    assert new_category(Measure(PART_SOLID, total, part)) == cat


@pytest.mark.parametrize("mm, cat", [(29.9, "2"), (30.0, "3")])
def test_new_ground_glass(mm, cat):
    assert new_category(Measure(GROUND_GLASS, mm)) == cat


def test_growth_is_more_than_1_5_mm_within_12_months():
    assert not grows(6.5, 5.0, 180)  # exactly 1.5 mm is not growth
    assert grows(6.6, 5.0, 180)
    assert grows(6.6, 5.0, 366) and not grows(6.6, 5.0, 367)
    assert not grows(6.54, 5.0, 180)  # 6.5 to 0.1 mm


@pytest.mark.parametrize(
    "prior, now, cat",
    [(5.0, 6.6, "4A"), (6.3, 7.9, "4A"), (6.4, 8.0, "4B"), (10.0, 11.6, "4B")],
)
def test_growing_solid(prior, now, cat):
    got = follow_up(solid(now), solid(prior), 180)
    assert (got.category, got.change) == (cat, GROWING)
    assert got.growth_mm == round(now - prior, 1)


@pytest.mark.parametrize(
    "prior, now, cat",
    [(5.9, 6.0, "3"), (7.9, 8.0, "4A"), (14.9, 15.0, "4B"), (5.0, 6.5, "3")],
)
def test_a_size_threshold_crossed_without_growth(prior, now, cat):
    got = follow_up(solid(now), solid(prior), 180)
    assert (got.category, got.change) == (cat, CROSSED)


def test_growth_over_more_than_a_year_is_graded_by_size():
    assert follow_up(solid(8.5), solid(6.5), 2 * YEAR).category == "4A"  # crossed 8
    slow = follow_up(solid(7.9), solid(6.0), 2 * YEAR)
    assert (slow.category, slow.change) == ("2", STABLE)  # a 3 stable for two years


@pytest.mark.parametrize(
    "prior, now, given, cat",
    [
        (5.0, 5.0, None, "2"),
        (6.5, 6.5, None, "2"),  # 3, stable -> 2
        (10.0, 10.0, None, "3"),  # 4A, stable -> 3
        (10.0, 8.0, None, "3"),  # 4A, smaller -> 3
        (10.0, 10.0, "3", "2"),  # stepped down to 3 at the last exam, stable again -> 2
        (16.0, 16.0, None, "4B"),  # 4B stays until a work-up proves it benign
        (10.0, 11.5, None, "3"),  # +1.5 mm is stable
    ],
)
def test_stable_solid_steps_down(prior, now, given, cat):
    got = follow_up(solid(now), solid(prior), 90, given)
    assert (got.category, got.change) == (cat, STABLE)


@pytest.mark.parametrize(
    "prior, now, cat, change",
    [
        (Measure(GROUND_GLASS, 10.0), Measure(PART_SOLID, 10.0, 3.9), "4A", GROWING),
        (Measure(GROUND_GLASS, 10.0), Measure(PART_SOLID, 10.0, 4.0), "4B", GROWING),
        (Measure(PART_SOLID, 10.0, 3.0), Measure(PART_SOLID, 10.0, 4.6), "4B", GROWING),
        (Measure(PART_SOLID, 10.0, 2.0), Measure(PART_SOLID, 10.0, 3.6), "4A", GROWING),
        (Measure(PART_SOLID, 10.0, 3.0), Measure(PART_SOLID, 10.0, 4.5), "2", STABLE),
        (Measure(PART_SOLID, 10.0, 5.0), Measure(PART_SOLID, 10.0, 6.0), "4A", CROSSED),
        (Measure(PART_SOLID, 5.0, 2.0), Measure(PART_SOLID, 5.9, 4.0), "2", STABLE),
        (Measure(PART_SOLID, 10.0, 7.0), Measure(PART_SOLID, 10.0, 8.6), "4B", GROWING),
    ],
)
def test_part_solid_at_follow_up(prior, now, cat, change):
    got = follow_up(now, prior, 180)
    assert (got.category, got.change) == (cat, change)


@pytest.mark.parametrize(
    "prior, now, cat, change",
    [
        (29.9, 30.0, "3", CROSSED),
        (20.0, 29.9, "2", GROWING),  # ground glass growing below 30 mm: 2
        (30.0, 35.0, "2", GROWING),  # >= 30 mm and slowly growing: 2
        (32.0, 32.0, "2", STABLE),  # >= 30 mm unchanged: 2
    ],
)
def test_ground_glass_at_follow_up(prior, now, cat, change):
    got = follow_up(Measure(GROUND_GLASS, now), Measure(GROUND_GLASS, prior), 180)
    assert (got.category, got.change) == (cat, change)


def test_exam_category_and_bad_input():
    assert exam_follow_up([]) == "1"
    assert exam_follow_up(["2", "4A", "3"]) == "4A"
    with pytest.raises(ValueError):
        follow_up(Measure("cyst", 5.0), None, 10)
