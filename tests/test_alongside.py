"""Work beside the build: a forked child's answer, or the work done again here when the child fails."""

from __future__ import annotations

import os

import pytest

from masterplan.alongside import Alongside


def test_the_answer_comes_from_a_child_process() -> None:
    beside = Alongside(os.getpid)
    assert beside.result() != os.getpid()
    assert beside.result() == beside.result()  # waited for once, kept


def test_small_work_is_done_here_and_now() -> None:
    assert Alongside(os.getpid, here=True).result() == os.getpid()


def test_a_child_that_fails_has_its_work_done_again_here_where_it_raises() -> None:
    parent = os.getpid()

    def work() -> str:
        if os.getpid() != parent:
            raise OSError(28, "No space left on device")
        return "written here"

    assert Alongside(work).result() == "written here"

    def fails_everywhere() -> str:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        Alongside(fails_everywhere).result()


def test_a_child_whose_answer_is_not_taken_is_still_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    forked: list[int] = []
    fork = os.fork

    def recording_fork() -> int:
        child = fork()
        if child:
            forked.append(child)
        return child

    monkeypatch.setattr(os, "fork", recording_fork)
    Alongside(lambda: None).reap()
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)  # already waited for: no zombie left behind
