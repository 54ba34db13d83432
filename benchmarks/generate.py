"""Generate a realistic synthetic register of N use cases for benchmarks.

Usage:  python benchmarks/generate.py OUT_DIR N [--seed S] [--plannable]

Each file is about 80 lines, like a filled-in one-page card, in the canonical style of
``aip fmt``. Entries are valid: ``aip check`` on a generated register reports nothing but
the occasional warning, so timings measure the normal path.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

AI_LITERACY = """\
ai_act:
  role: deployer
  obligations:
    - id: ai-literacy
      status: done
      evidence:
        - ref: https://intranet.example.fr/formation-ia
          reviewed_by: Direction juridique
"""
"""AI Act Art. 4 applies to every classified system: recorded as done, so that a generated
register passes aip check as a well-kept one would."""
CATEGORIES = ["quick_win"] * 6 + ["foundation"] * 2 + ["differentiator", "compliance"]
STATUSES = ["idea", "scoping", "scoping", "pilot", "pilot", "industrialising", "operated"]
FAMILIES = [
    "integration",
    "data_preparation",
    "evaluation_monitoring",
    "security_compliance",
    "change_management",
    "vendor",
    "infrastructure",
]
CRITERIA = [
    "business_value",
    "time_to_impact",
    "data_integration",
    "risk_compliance",
    "adoption_ownership",
]


def usecase_text(index: int, n: int, rng: random.Random, pinned: bool = True) -> str:
    """One use-case file. ``pinned=False`` writes ``plan.wave`` only on idea and scoping
    entries (which the planner may move), so that no pin can conflict: a plannable register."""
    uid = f"UC-{index:04d}" if n >= 1000 else f"UC-{index:03d}"
    category = rng.choice(CATEGORIES)
    status = rng.choice(STATUSES)
    level = rng.choice(["low", "medium", "medium", "high"])
    classification = rng.choice(["green", "orange", "red"] if level != "high" else ["orange"])
    high = level == "high" or classification == "red"
    reviews = "  security_review: 2026-03-02\n  legal_review: 2026-03-09\n" if high else ""
    deps = ""
    if index > 10 and rng.random() < 0.2:
        target = rng.randint(1, index - 1)
        tid = f"UC-{target:04d}" if n >= 1000 else f"UC-{target:03d}"
        deps = f"  depends_on:\n    - {tid}\n"
    scores = "\n".join(f"  {c}: {rng.randint(1, 5)}" for c in CRITERIA)
    one_off = "\n".join(
        f"    - family: {f}\n      amount_eur: {rng.randint(2, 60) * 1000}\n"
        f"      label: Lot {f} {index}"
        for f in rng.sample(FAMILIES, 3)
    )
    monthly = "\n".join(
        f"    - family: {f}\n      amount_eur: {rng.randint(1, 30) * 100}"
        for f in rng.sample(FAMILIES, 2)
    )
    baseline = rng.randint(10, 200)
    measurements = "\n".join(
        f"      - date: 2026-{m:02d}-15\n        value: {baseline - m * rng.randint(0, 3)}"
        for m in range(1, 1 + rng.randint(0, 6))
    )
    measurements_block = f"    measurements:\n{measurements}\n" if measurements else ""
    wave = rng.randint(0, 3)
    wave_line = f"  wave: {wave}\n" if pinned or status in ("idea", "scoping") else ""
    return f"""# yaml-language-server: $schema=../schema/usecase.schema.json
id: {uid}
title: Cas d'usage synthétique numéro {index}
status: {status}
category: {category}
owner:
  name: Owner {index}
  role: Responsable métier
  email: owner{index}@example.fr
sponsor:
  name: Sponsor {index % 7}
  role: Directeur
process:
  name: Processus {index % 40}
  where: Site {index % 3}
  who: Équipe {index % 11}
  volume: {rng.randint(100, 5000)} dossiers/mois
problem: Les dossiers sont traités à la main avec des erreurs et des délais importants ({index}).
value:
  hypothesis: Réduire le temps de traitement de {rng.randint(10, 60)} %
  unit: heures/mois
  annual_gain_eur: {rng.randint(10, 400) * 1000}
data:
  sources:
    - ERP
    - GED
  systems:
    - SAP
  quality: fair
  rights: Usage interne validé
  classification: {classification}
risk:
  level: {level}
  personal_data: {str(rng.random() < 0.3).lower()}
  critical_decision: false
  ai_act_tier: {rng.choice(["minimal", "limited"])}
{reviews}{AI_LITERACY}integration:
  tool: Outil {index % 5}
  users: Équipe {index % 11}
kpis:
  - name: Délai de traitement
    level: impact
    unit: heures
    baseline: {baseline}
    target: {baseline // 2}
    north_star: true
{measurements_block}  - name: Taux d'usage
    level: adoption
    unit: "%"
    baseline: 0
    target: 80
scores:
{scores}
costs:
  horizon_months: {rng.choice([6, 12])}
  one_off:
{one_off}
  monthly:
{monthly}
plan:
{wave_line}  effort_weeks: {rng.randint(2, 12)}
{deps}next_step: Mesurer la baseline et lancer le pilote
decision_date: 2099-0{rng.randint(1, 9)}-15
"""


def generate_register(root: Path, n: int, seed: int = 0, pinned: bool = True) -> Path:
    """Write a register of ``n`` use cases under ``root`` (created; ``usecases/`` replaced).
    ``pinned=False``: no pilot or industrialising entry has a wave (see ``usecase_text``)."""
    rng = random.Random(seed)
    root = Path(root)
    (root / "config").mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "config" / "weights.yaml", root / "config" / "weights.yaml")
    shutil.copy(REPO / "config" / "portfolio.yaml", root / "config" / "portfolio.yaml")
    folder = root / "usecases"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    for index in range(1, n + 1):
        text = usecase_text(index, n, rng, pinned)
        uid = text.split("\nid: ", 1)[1].split("\n", 1)[0]
        (folder / f"{uid}-cas-synthetique-{index}.yaml").write_text(text, encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--plannable",
        action="store_true",
        help="No pinned wave (pilot, industrialising): aip plan has a solution.",
    )
    args = parser.parse_args()
    generate_register(args.out, args.n, args.seed, pinned=not args.plannable)
    print(f"{args.n} use cases written to {args.out / 'usecases'}")


if __name__ == "__main__":
    main()
