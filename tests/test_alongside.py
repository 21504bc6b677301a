"""Work beside the build: a forked child's answer, or the work done again here when the child fails."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from masterplan.alongside import YIELDING, Alongside


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


def test_work_only_worth_doing_beside_is_not_done_again_here() -> None:
    """Keeping parses for the next run: a child that fails (Ctrl-C reaches it too) costs that, not a
    second of pickling in this process before the build can stop."""
    parent = os.getpid()
    done_here: list[int] = []

    def work() -> str:
        if os.getpid() == parent:
            done_here.append(parent)
        else:
            raise OSError(28, "No space left on device")
        return "written"

    assert Alongside(work, otherwise="not written").result() == "not written"
    assert done_here == []
    assert Alongside(lambda: "written", otherwise="not written").result() == "written"


def test_a_child_whose_answer_is_not_taken_is_still_waited_for(forked: list[int]) -> None:
    Alongside(lambda: None).reap()
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)  # already waited for: no zombie left behind


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_when_fork_fails_the_work_is_done_here_and_no_pipe_is_left_open(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    before = open_descriptors()
    assert Alongside(os.getpid).result() == os.getpid()
    assert open_descriptors() == before


def test_a_process_with_other_threads_does_the_work_itself() -> None:
    """The preview's server: a child forked beside its threads could inherit a lock held for good."""
    import threading

    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert Alongside(os.getpid).result() == os.getpid()
    finally:
        release.set()
        thread.join()


def test_an_interrupted_wait_still_waits_for_the_child(forked: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    beside = Alongside(lambda: 42)

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patched, pytest.raises(KeyboardInterrupt):  # Ctrl-C stays Ctrl-C, not "bad file descriptor"
        patched.setattr(os, "fdopen", interrupted)
        beside.result()
    beside.reap()  # the build's clean-up after it: nothing left to do, nothing closed twice
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)


def test_a_ctrl_c_held_back_through_the_fork_ends_the_child_too(forked: list[int],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A Ctrl-C that came while SIGINT was held is raised as the fork ends: the child, already working,
    is ended and waited for, and no pipe is left open."""
    import contextlib
    import time

    import masterplan.alongside

    @contextlib.contextmanager
    def interrupted_after_fork() -> Iterator[None]:
        yield
        raise KeyboardInterrupt

    monkeypatch.setattr(masterplan.alongside, "forking", interrupted_after_fork)
    before = open_descriptors()
    with pytest.raises(KeyboardInterrupt):
        Alongside(lambda: time.sleep(60))
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)  # ended and waited for, not working on for a minute
    assert open_descriptors() == before


def test_a_yielding_child_runs_at_a_lower_priority_and_the_parent_keeps_its_own() -> None:
    mine = os.nice(0)
    assert Alongside(lambda: os.nice(0), yielding=True).result() == min(mine + YIELDING, 19)
    assert Alongside(lambda: os.nice(0)).result() == mine
    assert os.nice(0) == mine


def test_cancelled_work_is_ended_unfinished_and_waited_for(forked: list[int], tmp_path: Path) -> None:
    """A failed build's companion books: their child is ended, not waited for until it has laid them out."""
    finished = tmp_path / "finished"

    def work() -> None:
        time.sleep(5)
        finished.write_text("laid out", encoding="utf-8")

    beside = Alongside(work)
    beside.cancel()
    assert not finished.exists()  # ended before its work was done: had it been waited for, the file would be there
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)  # and waited for: no zombie
    beside.cancel()  # again, or after its answer: nothing to end
