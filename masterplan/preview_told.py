"""What the preview's terminal has said of the plan: each diagnostic once, while it holds.

Every save printed every warning again (dozens of them buried the save's own lines): each is
said once, when it appears. Warnings are worked out after the page shows, only for a plan
without errors, and said once the plan has stayed as it is for a moment: a file half saved,
or deleted and written back (a sync client, ``git checkout``), warned of what was never so
("pillar governance has no quick win", "depends on a program starting after it"), and nothing
took it back. A warning said earlier that no longer holds is now said to be gone.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from collections.abc import Set as AbstractSet

#: how long a plan must stay as it is before the warnings found in it are said
WARNINGS_SETTLE = 1.0


class Told:
    """The lines said of the plan as last checked; thread-safe (warnings come from another thread)."""

    def __init__(self, log: Callable[[str], None], gone: Callable[[str], str]):
        """``gone``: how a warning that no longer holds is said, given its line."""
        self.log, self.gone = log, gone
        self.lines: dict[str, bool] = {}  #: each line said, and whether it is a warning (kept while errors last)
        self.state = 0  #: the plan's state, counted: warnings found in an earlier one are not said
        #: the lines said that count diagnostics left unsaid (:mod:`masterplan.many_alike`), not a diagnostic's own
        self.counts: set[str] = set()
        self._lock = threading.Lock()

    def __contains__(self, line: object) -> bool:
        return line in self.lines

    def changed(self) -> int:
        """The plan changed (or was read again): what was found in it before is no longer worth saying."""
        with self._lock:
            self.state += 1
            return self.state

    def found(self, lines: list[tuple[str, bool]]) -> None:
        """What a check found at once, as ``(line, is a warning)``: the lines not said yet are said. Errors
        fixed are forgotten (said again should they come back); warnings said stay until the plan is whole
        again and its warnings are known (:meth:`settled`)."""
        with self._lock:
            kept = {line: True for line, warning in self.lines.items() if warning}
            for line, warning in lines:
                if line not in self.lines:
                    self.log(line)
                kept[line] = warning
            self.lines = kept

    def is_current(self, state: int) -> bool:
        """Whether ``state`` is still the plan's: no change came since (what is found in it is worth saying)."""
        return state == self.state

    def settled(self, state: int, lines: list[tuple[str, bool]], holding: AbstractSet[str] | None = None) -> None:
        """Everything found in a plan without errors, warnings included, in the plan's ``state``: said when
        it is still the plan's, with each warning said before that no longer holds. ``holding``: the line of every
        diagnostic found, those ``lines`` leave out past fifty of a kind in a file too (a warning pushed past the
        fiftieth by a new one before it was said to apply no longer); a line counting them is not said gone."""
        with self._lock:
            if state != self.state:
                return
            now = dict(lines)
            every = now.keys() if holding is None else holding
            for line, _ in lines:
                if line not in self.lines:
                    self.log(line)
            for line, warning in self.lines.items():
                if warning and line not in now and line not in every and line not in self.counts:
                    self.log(self.gone(line))
            self.lines = now
            self.counts |= {line for line in now if line not in every}
