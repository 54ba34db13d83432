"""Test helpers shared by every test module: build registers on disk, run the CLI."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from typer.testing import CliRunner

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"

VALID_USECASE: dict[str, Any] = {
    "id": "UC-001",
    "title": "Tri des réclamations clients",
    "status": "scoping",
    "category": "quick_win",
    "owner": {"name": "Claire Martin", "role": "Directrice ADV", "email": "c.martin@example.fr"},
    "process": {
        "name": "Réclamations",
        "where": "ADV",
        "who": "6 gestionnaires",
        "volume": "900/mois",
    },
    "problem": "Tri manuel lent",
    "value": {
        "hypothesis": "-50 % de temps de tri",
        "unit": "heures/mois",
        "annual_gain_eur": 60000,
    },
    "data": {"sources": ["CRM"], "classification": "orange"},
    "risk": {"level": "medium", "ai_act_tier": "minimal"},
    # AI literacy (AI Act Art. 4) applies to every classified system since 2025-02-02: done,
    # so that entries moved to pilot in tests meet the ai-act-obligation-overdue rule.
    "ai_act": {
        "obligations": [
            {
                "id": "ai-literacy",
                "status": "done",
                "evidence": [{"ref": "https://intranet.example/formation-ia"}],
            }
        ]
    },
    "integration": {"tool": "CRM", "users": "gestionnaires ADV"},
    "kpis": [
        {
            "name": "Délai de tri",
            "level": "impact",
            "unit": "heures",
            "baseline": 48,
            "target": 8,
            "north_star": True,
        }
    ],
    "scores": {
        "business_value": 3,
        "time_to_impact": 4,
        "data_integration": 4,
        "risk_compliance": 3,
        "adoption_ownership": 4,
    },
    "costs": {
        "horizon_months": 12,
        "one_off": [{"family": "integration", "amount_eur": 20000}],
        "monthly": [{"family": "vendor", "amount_eur": 500}],
    },
    "plan": {"wave": 1, "effort_weeks": 6},
    "next_step": "Mesurer la baseline",
    "decision_date": "2099-01-15",
}


def usecase(**overrides: Any) -> dict[str, Any]:
    """A valid use case (as YAML data) with top-level keys replaced; ``None`` deletes a key."""
    data = copy.deepcopy(VALID_USECASE)
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def dump_yaml(data: Any) -> str:
    import io

    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def write_register(
    root: Path,
    usecases: list[dict[str, Any]] | None = None,
    *,
    files: dict[str, str] | None = None,
    portfolio: str | None = None,
    weights: str | None = None,
) -> Path:
    """Create a register under ``root``: use cases named ``<id>-case.yaml`` (dates given as
    ISO strings are written unquoted), extra raw ``files`` (relative path -> text), and
    optional config texts. The default grid is copied from the repository."""
    (root / "usecases").mkdir(parents=True, exist_ok=True)
    (root / "config").mkdir(exist_ok=True)
    (root / "config" / "weights.yaml").write_text(
        weights if weights is not None else (REPO_ROOT / "config" / "weights.yaml").read_text(),
        encoding="utf-8",
    )
    if portfolio is not None:
        (root / "config" / "portfolio.yaml").write_text(portfolio, encoding="utf-8")
    for data in usecases or []:
        (root / "usecases" / f"{data['id']}-case.yaml").write_text(_with_dates(data), "utf-8")
    for rel, text in (files or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _with_dates(data: Any) -> str:
    import datetime as dt

    def convert(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, list):
            return [convert(v) for v in value]
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return value
        return value

    return dump_yaml(convert(data))


def run(root: Path | None, *args: str, env: dict[str, str] | None = None) -> Any:
    """Run ``aip`` in-process; returns click's Result (exit_code, stdout, stderr)."""
    from aiportfolio.cli.app import app

    argv = (["--register", str(root)] if root is not None else []) + list(args)
    return CliRunner().invoke(app, argv, env=env, catch_exceptions=False)


def modules_loaded(
    root: Path,
    *args: str,
    env: dict[str, str] | None = None,
    entry: str = "aiportfolio.cli.entry",
) -> set[str]:
    """The modules an ``aip --register ROOT ARGS...`` run has imported by its end, in a
    fresh interpreter (what a user's process would import; the test process has more).
    ``entry``: the module whose ``main`` runs it (``aiportfolio.cli.app``: typer reads the
    command line, even one that the fast path of ``aip check`` would take)."""
    import json
    import os
    import subprocess
    import sys

    argv = ["aip", "--register", str(root), *args]
    code = (
        "import json, sys\n"
        f"sys.argv = {argv!r}\n"
        f"from {entry} import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write('\\n' + json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=True,
        cwd=root,
    )
    return set(json.loads(done.stderr.splitlines()[-1]))


def deny_reading(monkeypatch: Any, *paths: Path) -> None:
    """Opening any of ``paths`` fails with "permission denied" for the rest of the test, as
    for a file the user may not read: ``chmod 000`` has no effect when the tests run as
    root. Every way aip opens a file goes through ``io.open`` (``builtins.open``,
    ``Path.open``, ``Path.read_bytes``)."""
    import builtins
    import errno
    import io
    import os

    denied = {os.path.realpath(path) for path in paths}
    real_open = io.open

    def guarded(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, str | os.PathLike) and os.path.realpath(file) in denied:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", guarded)
    monkeypatch.setattr(builtins, "open", guarded)


def chmod_unreadable(path: Path) -> None:
    """``chmod 000`` on ``path``; the test is skipped when that leaves the file readable
    (the tests run as root: use ``deny_reading`` to cover the same case)."""
    import os

    import pytest

    path.chmod(0)
    try:
        path.open("rb").close()
    except PermissionError:
        return
    path.chmod(0o644)
    pytest.skip(f"chmod 000 does not stop reading (euid {os.geteuid()})")
