"""Lung-RADS v2022 (baseline) and Fleischner 2017: every threshold, both sides of it."""

from __future__ import annotations

import pytest

from inference.chest import rules
from inference.chest.rules import GROUND_GLASS, PART_SOLID, SOLID


@pytest.mark.parametrize(
    ("mean", "cat"),
    [(0.0, "2"), (5.9, "2"), (5.94, "2"), (5.95, "3"), (6.0, "3"), (7.9, "3"), (8.0, "4A"),
     (14.9, "4A"), (15.0, "4B"), (40.0, "4B")],
)  # fmt: skip
def test_solid_baseline_thresholds_on_mean_diameter_to_a_tenth(mean, cat):
    assert rules.lung_rads(SOLID, mean) == cat


@pytest.mark.parametrize(("mean", "cat"), [(5.0, "2"), (29.9, "2"), (29.95, "3"), (30.0, "3")])
def test_ground_glass_thresholds(mean, cat):
    assert rules.lung_rads(GROUND_GLASS, mean) == cat


@pytest.mark.parametrize(
    ("total", "solid", "cat"),
    [(5.9, 5.0, "2"), (6.0, 0.0, "3"), (6.0, 5.9, "3"), (10.0, 6.0, "4A"), (10.0, 7.9, "4A"),
     (12.0, 8.0, "4B"), (25.0, 15.0, "4B")],
)  # fmt: skip
def test_part_solid_uses_total_then_solid_component(total, solid, cat):
    assert rules.lung_rads(PART_SOLID, total, solid) == cat


def test_table_rows_are_contiguous_per_type_and_measure():
    for kind in rules.TYPES:
        for measure in ("mean", "solid"):
            rows = [r for r in rules.LUNG_RADS_BASELINE if r[:2] == (kind, measure)]
            for a, b in zip(rows, rows[1:], strict=False):
                assert a[3] == b[2]


def test_exam_category_urgency_and_unknown_type():
    assert rules.exam_category([]) == "1"
    assert rules.exam_category(["2", "4A", "3"]) == "4A"
    assert rules.exam_category(["4B", "4X"]) == "4X"
    assert rules.urgent("4B") and rules.urgent("4X")
    assert not rules.urgent("4A")
    with pytest.raises(ValueError):
        rules.lung_rads("calcified", 5)


@pytest.mark.parametrize(
    ("kind", "mean", "band"),
    [(SOLID, 5.4, "<6"), (SOLID, 5.5, "6-8"), (SOLID, 8.4, "6-8"), (SOLID, 8.5, ">8"),
     (GROUND_GLASS, 5.4, "<6"), (GROUND_GLASS, 5.5, ">=6"), (PART_SOLID, 6.0, ">=6")],
)  # fmt: skip
def test_fleischner_bands_round_to_whole_mm(kind, mean, band):
    assert rules.fleischner_band(kind, mean) == band


def test_fleischner_advice():
    small = rules.fleischner(SOLID, 4.0)
    assert small["low_risk"] == "No routine follow-up"
    assert small["high_risk"] == "Optional CT at 12 months"
    assert "3 months" in rules.fleischner(SOLID, 10.0)["low_risk"]
    assert "3-6 months" in rules.fleischner(SOLID, 7.0, multiple=True)["low_risk"]
    assert "5 years" in rules.fleischner(PART_SOLID, 8.0)["low_risk"]
    assert "2 and 4 years" in rules.fleischner(GROUND_GLASS, 4.0, multiple=True)["low_risk"]
    assert "screening" in rules.fleischner(SOLID, 4.0)["scope"]
