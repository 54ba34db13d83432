"""domain.memo: per-run memoisation keyed by argument identity."""

from __future__ import annotations

from dataclasses import dataclass

from aiportfolio.domain.memo import one_run, per_run

calls: list[object] = []


@dataclass(frozen=True)
class Box:
    n: int


@per_run
def double(box: Box) -> int:
    calls.append(box)
    return box.n * 2


def test_outside_a_run_nothing_is_kept() -> None:
    calls.clear()
    box = Box(1)
    assert double(box) == 2
    assert double(box) == 2
    assert len(calls) == 2


def test_inside_a_run_each_object_is_computed_once() -> None:
    calls.clear()
    a, b = Box(1), Box(1)
    with one_run():
        assert double(a) == 2
        assert double(a) == 2
        assert double(b) == 2  # equal but not the same object: computed again
    assert calls == [a, b]
    assert calls[0] is a and calls[1] is b


def test_results_are_forgotten_after_the_run() -> None:
    calls.clear()
    box = Box(3)
    with one_run():
        double(box)
    with one_run():
        double(box)
    assert len(calls) == 2


def test_nested_runs_share_the_outer_store() -> None:
    calls.clear()
    box = Box(4)
    with one_run():
        double(box)
        with one_run():
            double(box)
        double(box)
    assert len(calls) == 1
