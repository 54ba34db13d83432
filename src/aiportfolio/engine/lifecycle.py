"""The decision state machine of ``aip decide`` (the aip method, docs/method.md §5: go, iterate,
scale, stop).

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
"""

from __future__ import annotations

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


def next_status(status: str, decision: str) -> str | None:
    """The status after ``decision``, or ``None`` when the decision is impossible."""
    return TRANSITIONS.get(status, {}).get(decision)


def allowed(status: str) -> list[str]:
    """Decisions possible from ``status``, in the order go, iterate, scale, stop."""
    return [d for d in DECISIONS if d in TRANSITIONS.get(status, {})]
