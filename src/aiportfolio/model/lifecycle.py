"""The lifecycle of a use case: its statuses, the sets of statuses every command reasons
with, and the decision state machine of ``aip decide`` (the aip method, docs/method.md §5:
go, iterate, scale, stop). This module is the one place these are defined: rules,
rankings, plans, budgets and the agenda import their status sets from here.

======================  ===============  =========  ===============  =======
status before            go               iterate    scale            stop
======================  ===============  =========  ===============  =======
idea                     scoping          idea       -                stopped
scoping                  pilot            scoping    -                stopped
pilot                    industrialising  pilot      industrialising  stopped
industrialising          -                (same)     operated         stopped
operated                 -                operated   -                stopped
stopped                  -                -          -                -
======================  ===============  =========  ===============  =======

``iterate`` keeps the status (another round at the same stage); ``scale`` is the decision
to industrialise a pilot, then to hand an industrialised use case over to operations;
``stop`` ends any active use case. A stopped use case is final: its history stays, a
restart is a new use case (or a hand edit, visible in review).

It imports nothing of the project, so the model itself can use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, Protocol, TypeVar

Status = Literal["idea", "scoping", "pilot", "industrialising", "operated", "stopped"]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]
"""Every status, in lifecycle order."""

ACTIVE: tuple[str, ...] = tuple(s for s in STATUSES if s != "stopped")
"""Not stopped: counted in the portfolio (balance, TCO, dashboard, scoring)."""
OPEN: tuple[str, ...] = ("idea", "scoping", "pilot", "industrialising")
"""Still to deliver and waiting for decisions: plan candidates, priorities, agenda."""
DELIVERED: tuple[str, ...] = ("operated", "stopped")
"""Settled: handed over to operations or stopped. Not a priority, never scheduled."""
FROM_SCOPING: tuple[str, ...] = ("scoping", "pilot", "industrialising", "operated")
"""Framed: risk assessed and KPIs with a baseline are expected."""
MEASURED: tuple[str, ...] = ("pilot", "industrialising", "operated")
"""In use: KPIs are measured, reviews of a high-risk entry are done."""
IN_FLIGHT: tuple[str, ...] = ("pilot", "industrialising")
"""Being delivered: their wave is kept by ``aip plan``, doctor triages them."""
PILOT_SLOT: tuple[str, ...] = ("idea", "scoping", "pilot")
"""Take one of their wave's ``max_parallel_pilots`` slots (an entry placed in a wave is
piloted there); industrialising, operated and stopped entries do not."""
NOT_STARTED: tuple[str, ...] = ("idea", "scoping")
"""Not piloted yet: what can be withdrawn cheaply to restore the balance."""
DECIDING: tuple[str, ...] = ("scoping", "pilot", "industrialising")
"""Framed and still open: a next decision date is expected."""

TRANSITIONS: dict[str, dict[str, str]] = {
    "idea": {"go": "scoping", "iterate": "idea", "stop": "stopped"},
    "scoping": {"go": "pilot", "iterate": "scoping", "stop": "stopped"},
    "pilot": {
        "go": "industrialising",
        "iterate": "pilot",
        "scale": "industrialising",
        "stop": "stopped",
    },
    "industrialising": {
        "iterate": "industrialising",
        "scale": "operated",
        "stop": "stopped",
    },
    "operated": {"iterate": "operated", "stop": "stopped"},
    "stopped": {},
}
DECISIONS = ("go", "iterate", "scale", "stop")


class HasStatus(Protocol):
    @property
    def status(self) -> str: ...


T = TypeVar("T", bound=HasStatus)


def next_status(status: str, decision: str) -> str | None:
    """The status after ``decision``, or ``None`` when the decision is impossible."""
    return TRANSITIONS.get(status, {}).get(decision)


def allowed(status: str) -> list[str]:
    """Decisions possible from ``status``, in the order go, iterate, scale, stop."""
    return [d for d in DECISIONS if d in TRANSITIONS.get(status, {})]


def rank(status: str) -> int:
    """Place of ``status`` in the lifecycle (idea 0 ... stopped 5)."""
    return STATUSES.index(status)


def is_active(status: str) -> bool:
    return status in ACTIVE


def is_open(status: str) -> bool:
    return status in OPEN


def active(usecases: Iterable[T]) -> list[T]:
    """The entries that are not stopped, in their order."""
    return [uc for uc in usecases if uc.status in ACTIVE]


def open_entries(usecases: Iterable[T]) -> list[T]:
    """The entries still to deliver (idea to industrialising), in their order."""
    return [uc for uc in usecases if uc.status in OPEN]


def with_status(usecases: Iterable[T], statuses: Sequence[str]) -> list[T]:
    return [uc for uc in usecases if uc.status in statuses]
