"""The cycle collector held off by the preview's checks: let go once the plan stays unchanged, or, when edits never
stop for long enough, collected by a check every few checks so that replaced plans do not pile up."""

from __future__ import annotations

import gc
import weakref

import pytest

from masterplan import collector


class Linked:
    """Two objects pointing at each other, as a program and its pillar do: freed only by the collector."""

    def __init__(self) -> None:
        self.other = self


def test_a_held_collector_is_let_go_with_a_collection() -> None:
    held = collector.Held()
    held.check_starts()
    held.check_starts()
    garbage = weakref.ref(Linked())
    assert not gc.isenabled()
    assert garbage() is not None
    held.collect()
    assert garbage() is None
    assert gc.isenabled()


def test_checks_that_never_leave_a_moment_collect_every_few_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(collector, "CHECKS_WITHOUT_COLLECTING", 3)
    held = collector.Held()
    try:
        held.check_starts()
        garbage = weakref.ref(Linked())
        held.check_starts()
        held.check_starts()
        assert garbage() is not None
        held.check_starts()  # the fourth in a row: the plans replaced so far are freed
        assert garbage() is None
        assert not gc.isenabled()
    finally:
        held.collect()
    assert gc.isenabled()


def test_a_plan_read_inside_a_held_check_leaves_the_collector_held() -> None:
    held = collector.Held()
    held.check_starts()
    with collector.paused():
        pass
    assert not gc.isenabled()
    held.collect()
    assert gc.isenabled()
