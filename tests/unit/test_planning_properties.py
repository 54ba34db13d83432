"""Property tests of the planner on random small instances (hypothesis).

- every plan the exact strategy proposes satisfies every constraint;
- on instances of up to 8 entries its objective equals the brute-force optimum;
- it is never worse than the greedy baseline, and greedy plans are valid too;
- the incremental ``WaveLoad`` answers as a fresh count of the same plan.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aiportfolio.analysis.planning.constraints import (
    BLOCKED,
    FITS,
    FULL,
    LASTING,
    WaveLoad,
    balance_ok,
    violations,
)
from aiportfolio.analysis.planning.greedy import greedy_assignment
from aiportfolio.analysis.planning.instance import (
    BalanceTarget,
    Candidate,
    PlanningInstance,
    WaveSlot,
    objective,
)
from aiportfolio.analysis.planning.milp import solve_exact

GROUPS = ("quick_wins", "foundations", "differentiation_compliance")
BALANCE = (
    BalanceTarget("quick_wins", 60, 20),
    BalanceTarget("foundations", 20, 20),
    BalanceTarget("differentiation_compliance", 20, 20),
)
FAST = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def instances(draw: st.DrawFn, max_entries: int = 8) -> PlanningInstance:
    n = draw(st.integers(0, max_entries))
    wave_ids = draw(st.sampled_from([(1, 2), (0, 1, 2), (1, 2, 3)]))
    candidates = []
    for i in range(n):
        deps = draw(st.lists(st.integers(0, i - 1), max_size=2, unique=True)) if i else []
        pinned = draw(st.sampled_from([None] * 6 + list(wave_ids)))
        candidates.append(
            Candidate(
                id=f"UC-{i:03d}",
                group=draw(st.sampled_from(GROUPS)),
                weight=draw(st.integers(100, 500)) / 100,
                effort=float(draw(st.integers(0, 10))),
                budget=float(draw(st.integers(0, 10)) * 1000),
                pilot=draw(st.booleans()),
                depends_on=tuple(f"UC-{d:03d}" for d in deps),
                pinned_wave=pinned,
                risk_gated=draw(st.booleans()),
            )
        )
    waves = tuple(
        WaveSlot(
            id=w,
            person_weeks=draw(st.sampled_from([None, 8.0, 12.0, 20.0])),
            budget_eur=draw(st.sampled_from([None, 8000.0, 15000.0])),
            max_pilots=draw(st.integers(0, 3)),
            open=draw(st.sampled_from([True, True, True, False])),
        )
        for w in wave_ids
    )
    return PlanningInstance(
        candidates=tuple(candidates),
        waves=waves,
        discount=draw(st.sampled_from([0.85, 0.5, 1.0])),
        compliance_wave=draw(st.sampled_from(wave_ids)),
        balance=BALANCE if draw(st.booleans()) else (),
    )


def brute_force(instance: PlanningInstance) -> float | None:
    """Best objective over every assignment (None: no valid plan). Depth-first over the
    candidates (prerequisites come first in these instances), pruning partial plans that
    already break a per-wave limit; the full check is ``violations``, as for the solver."""
    options = [None, *(w.id for w in instance.waves)]
    slots = {w.id: w for w in instance.waves}
    cands = instance.candidates
    best: list[float | None] = [None]
    assignment: dict[str, int | None] = {}
    effort = dict.fromkeys(slots, 0.0)
    budget = dict.fromkeys(slots, 0.0)
    pilots = dict.fromkeys(slots, 0)

    def fits(c: Candidate, w: int) -> bool:
        slot = slots[w]
        return (
            (slot.person_weeks is None or effort[w] + c.effort <= slot.person_weeks + 1e-6)
            and (slot.budget_eur is None or budget[w] + c.budget <= slot.budget_eur + 1e-6)
            and (not c.pilot or pilots[w] + 1 <= slot.max_pilots)
        )

    def visit(index: int) -> None:
        if index == len(cands):
            if not violations(instance, assignment):
                value = objective(instance, assignment)
                best[0] = value if best[0] is None else max(best[0], value)
            return
        c = cands[index]
        for w in options:
            if w is not None and not fits(c, w):
                continue
            if c.pinned_wave is not None and w != c.pinned_wave:
                continue
            if w is not None and any(
                assignment.get(d) is None or assignment[d] >= w for d in c.depends_on
            ):  # type: ignore[operator]
                continue
            assignment[c.id] = w
            if w is not None:
                effort[w] += c.effort
                budget[w] += c.budget
                pilots[w] += int(c.pilot)
            visit(index + 1)
            if w is not None:
                effort[w] -= c.effort
                budget[w] -= c.budget
                pilots[w] -= int(c.pilot)
            del assignment[c.id]

    visit(0)
    return best[0]


@FAST
@given(instances(max_entries=8))
def test_exact_plan_is_valid_and_equals_brute_force(instance: PlanningInstance) -> None:
    optimum = brute_force(instance)
    outcome = solve_exact(instance, 30, None, mip_gap=1e-9)
    if optimum is None:
        assert outcome.status == "infeasible"
        return
    assert outcome.status in ("optimal", "empty")
    assert violations(instance, outcome.assignment) == []
    assert abs(outcome.objective - optimum) <= 1e-6 * max(1.0, optimum)


@FAST
@given(instances(max_entries=8))
def test_exact_never_worse_than_greedy(instance: PlanningInstance) -> None:
    greedy = greedy_assignment(instance)
    greedy_ok = not violations(instance, greedy)
    outcome = solve_exact(instance, 30, greedy if greedy_ok else None)
    if greedy_ok:
        assert outcome.status in ("optimal", "empty")
        assert violations(instance, outcome.assignment) == []
        assert outcome.objective >= objective(instance, greedy) - 1e-6


@FAST
@given(instances(max_entries=8))
def test_greedy_plan_keeps_every_constraint_but_balance(instance: PlanningInstance) -> None:
    """Greedy never breaks capacity, budget, pilots, dependencies, pins or the risk gate;
    only the balance repair may fail (then the plan is not used as a warm start)."""
    pinned_ok = not [
        v
        for v in violations(instance, {c.id: c.pinned_wave for c in instance.candidates})
        if v.kind != "balance"
    ]
    if not pinned_ok:
        return
    found = violations(instance, greedy_assignment(instance))
    assert [v for v in found if v.kind != "balance"] == []


@FAST
@given(instances(max_entries=8), st.lists(st.tuples(st.integers(0, 7), st.integers(0, 3))))
def test_wave_load_answers_as_a_fresh_count(
    instance: PlanningInstance, moves: list[tuple[int, int]]
) -> None:
    """``WaveLoad`` after any sequence of placements and removals answers as one built
    from scratch on the same assignment (its balance verdicts are kept between changes),
    and ``room`` says what ``blockers`` says."""
    if not instance.candidates:
        return
    load = WaveLoad(instance, {})
    waves = [w.id for w in instance.waves]
    for index, wave in moves:
        c = instance.candidates[index % len(instance.candidates)]
        if load.assignment[c.id] is None and wave < len(waves):
            load.place(c, waves[wave])
        else:
            load.remove(c)
        fresh = WaveLoad(instance, load.assignment)
        assert load.balance_ok() == fresh.balance_ok() == balance_ok(instance, load.assignment)
        for other in instance.candidates:
            if load.assignment[other.id] is not None:
                continue
            for w in waves:
                reasons = load.blockers(other, w)
                assert reasons == fresh.blockers(other, w)
                for balance in (True, False):
                    found = load.blockers(other, w, balance)
                    expected = FITS if not found else FULL if set(found) <= LASTING else BLOCKED
                    assert load.room(other, w, balance) == expected
