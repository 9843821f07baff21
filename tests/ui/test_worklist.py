"""Worklist model: sort, filter, search, critical pinning — on 10,000 rows."""

import dataclasses
import random
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from app.domain import Modality, Priority, Status
from app.store import WorklistRow
from ui.worklist_model import COLUMNS, WorklistFilter, WorklistModel


def make_rows(n=10_000, seed=1):
    rnd = random.Random(seed)
    now = datetime(2026, 11, 22, 12, 0)
    mods = [m.value for m in Modality if m is not Modality.OTHER]
    rows = []
    for i in range(n):
        prio = (
            Priority.CRITICAL if i % 997 == 0 else rnd.choice([Priority.URGENT, Priority.ROUTINE])
        )
        t = now - timedelta(minutes=rnd.randint(0, 60 * 24 * 90))
        rows.append(
            WorklistRow(
                i,
                i,
                f"P{i:05d}",
                f"DEMO^Patient {i}",
                rnd.choice("MF"),
                "19600101",
                rnd.choice(mods),
                "",
                t,
                rnd.choice(list(Status)).value,
                int(prio),
                "",
                t,
                True,
            )
        )
    return rows, now


@pytest.fixture
def model(qapp):
    rows, now = make_rows()
    m = WorklistModel()
    m.now = lambda: now
    m.set_rows(rows)
    return m


def visible(m):
    return [m.row_at(i) for i in range(m.rowCount())]


def test_critical_items_are_pinned_whatever_the_sort(model):
    n_crit = sum(1 for r in visible(model) if r.priority == Priority.CRITICAL)
    assert n_crit == 11
    for column in ("patient_name", "study_time", "modality"):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(COLUMNS.index(column), order)
            top = visible(model)[:n_crit]
            assert all(r.priority == Priority.CRITICAL for r in top)


def test_urgent_cases_are_pinned_under_critical_ones_in_the_chosen_sort(model, qtbot):
    """Critical, then urgent, then routine, whatever the column and order; the chosen
    sort orders each group; a filter keeps the pinning."""
    from PySide6.QtWidgets import QTableView

    view = QTableView()  # the real view sorting the real model, as the worklist does
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSortingEnabled(True)
    rows = visible(model)
    n_crit = sum(1 for r in rows if r.priority == Priority.CRITICAL)
    n_urg = sum(1 for r in rows if r.priority == Priority.URGENT)
    assert n_crit and n_urg and n_crit + n_urg < len(rows)
    for column in ("patient_name", "study_time", "modality", "priority"):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            view.sortByColumn(COLUMNS.index(column), order)
            rows = visible(model)
            groups = [r.priority for r in rows]
            assert groups == sorted(groups), (column, order)  # 0 critical, 1 urgent, 2 routine
            key = {
                "patient_name": lambda r: r.patient_name.casefold(),
                "study_time": lambda r: r.study_time,
                "modality": lambda r: r.modality.casefold(),
                "priority": lambda r: r.priority,
            }[column]
            for prio in Priority:
                group = [key(r) for r in rows if r.priority == prio]
                want = sorted(group, reverse=order == Qt.SortOrder.DescendingOrder)
                assert group == want, (column, order, prio)
    model.set_filter(WorklistFilter(modality="ECG"))
    groups = [r.priority for r in visible(model)]
    assert groups == sorted(groups) and Priority.URGENT in groups
    top = model.index(n := groups.count(Priority.CRITICAL), 0)
    assert model.data(top, Qt.ItemDataRole.DisplayRole) == "Urgent" and n < len(groups)


def test_sort_by_study_time(model):
    model.sort(COLUMNS.index("study_time"), Qt.SortOrder.DescendingOrder)
    rest = [r for r in visible(model) if r.priority == Priority.ROUTINE]
    assert all(a.study_time >= b.study_time for a, b in zip(rest, rest[1:], strict=False))


def test_filters_combine(model):
    model.set_filter(WorklistFilter(modality="ECG", status="new"))
    rows = visible(model)
    assert rows and all(r.modality == "ECG" and r.status == "new" for r in rows)
    model.set_filter(WorklistFilter(priority=int(Priority.CRITICAL)))
    assert len(visible(model)) == 11
    model.set_filter(WorklistFilter(days=7))
    now = model.now()
    assert all(r.study_time >= now - timedelta(days=7) for r in visible(model))


def test_search_by_name_or_id(model):
    model.set_filter(WorklistFilter(text="p01234"))
    assert [r.patient_id for r in visible(model)] == ["P01234"]
    model.set_filter(WorklistFilter(text="patient 4321"))
    assert [r.patient_id for r in visible(model)] == ["P04321"]


def test_critical_rows_are_coloured_and_have_an_icon(model):
    top = model.index(0, COLUMNS.index("priority"))
    assert model.data(top, Qt.ItemDataRole.DisplayRole) == "Critical"
    assert model.data(top, Qt.ItemDataRole.BackgroundRole) is not None
    assert not model.data(top, Qt.ItemDataRole.DecorationRole).isNull()


def test_panel_filters_from_its_controls(qtbot, qt_en):
    from ui.worklist_view import WorklistPanel

    rows, now = make_rows(500)
    panel = WorklistPanel()
    qtbot.addWidget(panel)
    panel.model.now = lambda: now
    panel.model.set_rows(rows)
    panel.modality.setCurrentIndex(panel.modality.findData("SM"))
    assert all(r.modality == "SM" for r in visible(panel.model))
    qtbot.keyClicks(panel.search, "P00042")
    qtbot.waitUntil(lambda: panel.model.rowCount() <= 1, timeout=60_000)
    assert "of 500 cases" in panel.count.text()


def test_search_by_pinyin_and_initials_of_chinese_names(qapp):
    rows, _now = make_rows(50)
    names = ["张伟明", "王芳", "曾小明", "李娜"]
    rows[: len(names)] = [
        dataclasses.replace(r, patient_name=n) for r, n in zip(rows, names, strict=False)
    ]
    model = WorklistModel()
    model.set_rows(rows)
    for typed, want in [
        ("zwm", "张伟明"),
        ("wangfang", "王芳"),
        ("zxm", "曾小明"),
        ("li na", "李娜"),
    ]:
        model.set_filter(WorklistFilter(text=typed))
        assert [r.patient_name for r in visible(model)] == [want], typed
