"""Per-run memoisation of pure per-entry computations (score, TCO, AI Act obligations).

``aip report`` runs several engines on the same register; each used to recompute the same
entry's score, TCO and obligations. Inside ``with one_run():`` a function decorated with
``@per_run`` computes each result once per argument tuple, keyed by the *identity* of its
arguments (the model objects are frozen, so an object's result cannot change while it is
alive; the arguments are kept with the result, so an identity is never reused within the
run). Outside such a block the functions compute as before: nothing is kept between runs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_store: ContextVar[dict[tuple[int, ...], tuple[tuple[object, ...], Any]] | None] = ContextVar(
    "aiportfolio_per_run_memo", default=None
)


@contextmanager
def one_run() -> Iterator[None]:
    """Share the results of ``@per_run`` functions until the block ends (nested: no-op)."""
    if _store.get() is not None:
        yield
        return
    token = _store.set({})
    try:
        yield
    finally:
        _store.reset(token)


def per_run(fn: Callable[P, R]) -> Callable[P, R]:
    """Memoise ``fn`` (positional arguments only) inside ``one_run``; its result must not
    be mutated by callers (return immutable values)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        store = _store.get()
        if store is None or kwargs:
            return fn(*args, **kwargs)
        key = (id(fn), *map(id, args))
        hit = store.get(key)
        if hit is not None and all(a is b for a, b in zip(hit[0], args, strict=True)):
            result: R = hit[1]
            return result
        result = fn(*args, **kwargs)
        store[key] = (args, result)
        return result

    return wrapper
