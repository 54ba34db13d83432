"""Benchmark ``aip import`` on a large inventory (issue 13, "Speed").

Usage:  python benchmarks/bench_import_large.py [--rows 3600] [--seed 13]

A CSV inventory of N rows is generated the way a real one looks: French headers, a
mapping file, problem texts of several paragraphs up to 3,000 characters, and 10 % of the
rows near-duplicates of an earlier row (a few words changed). Measured, each in a fresh
``aip`` process (start-up included):

- the full import into an empty register;
- ``aip check`` on the register it produced;
- importing ONE new row into that register;
- and, for information, the full import with ``--dry-run`` (no file written).

Goals: full import <= 3x check; one row <= 1.5x check. Peak resident size of each
process is printed too (goal for any import: < 300 MB).
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import aip_command, run_measured

REPO = Path(__file__).resolve().parent.parent

WORDS = tuple(
    [
        "dossier",
        "client",
        "commande",
        "facture",
        "réclamation",
        "délai",
        "contrôle",
        "qualité",
        "saisie",
        "document",
        "contrat",
        "fournisseur",
        "stock",
        "livraison",
        "planning",
        "atelier",
        "maintenance",
        "prévision",
        "demande",
        "tri",
        "extraction",
        "analyse",
        "rapprochement",
        "relance",
        "paiement",
        "conformité",
        "audit",
        "sinistre",
        "devis",
        "tarif",
        "catalogue",
        "produit",
        "ticket",
        "support",
        "appel",
        "courriel",
        "formulaire",
        "archive",
        "signature",
        "validation",
        "équipe",
        "service",
        "agence",
        "région",
        "site",
        "usine",
        "entrepôt",
        "transport",
        "marge",
        "coût",
        "volume",
        "erreur",
    ]
)

MAPPING = """\
separator: ";"
fields:
  id: ID
  title: Intitulé
  status:
    column: Statut
    values: {Idée: idea, Cadrage: scoping, Pilote: pilot, Production: operated}
    default: idea
  category: {constant: quick_win}
  owner.name: Porteur
  problem: Problème
  value.hypothesis: Hypothèse de gain
  value.annual_gain_eur: Gain annuel
  data.sources: Sources
"""
HEADER = [
    "ID",
    "Intitulé",
    "Statut",
    "Porteur",
    "Problème",
    "Hypothèse de gain",
    "Gain annuel",
    "Sources",
]


SYLLABLES = tuple(
    [
        "ba",
        "ce",
        "di",
        "fo",
        "lu",
        "ma",
        "ne",
        "pi",
        "ro",
        "su",
        "ta",
        "ve",
        "ri",
        "zo",
        "ca",
        "de",
        "li",
        "mo",
        "nu",
        "pa",
        "re",
        "si",
        "to",
    ]
)


def vocabulary(size: int = 5000) -> tuple[list[str], list[float]]:
    """The domain words, then pseudo-words; drawn with Zipf weights (1 / rank) as in real
    prose, so a few words are in every text and most in few."""
    rng = random.Random(0)
    words = list(WORDS)
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in words:
            words.append(word)
    return words, [1 / rank for rank in range(1, len(words) + 1)]


VOCABULARY, WEIGHTS = vocabulary()


def _sentence(rng: random.Random) -> str:
    words = rng.choices(VOCABULARY, WEIGHTS, k=rng.randint(6, 16))
    return " ".join(words).capitalize() + "."


def _paragraphs(rng: random.Random, limit: int) -> str:
    paragraphs: list[str] = []
    size = 0
    target = rng.randint(200, limit)
    while size < target:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:limit].rstrip()


def _near(text: str, rng: random.Random) -> str:
    """A near-duplicate: two words replaced."""
    words = text.split(" ")
    for _ in range(2):
        words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words)


def make_row(index: int, rng: random.Random, rows: list[list[str]]) -> list[str]:
    if rows and rng.random() < 0.10:
        source = rng.choice(rows)
        title, problem = _near(source[1], rng), _near(source[4], rng)
    else:
        title = f"{_sentence(rng)[:-1]} {index}"[:150]
        problem = _paragraphs(rng, 3000)
    return [
        "",
        title,
        rng.choice(["Idée", "Cadrage", "Pilote", "Production"]),
        f"Porteur {index % 97}",
        problem,
        f"Réduire le temps de traitement de {rng.randint(10, 60)} %",
        str(rng.randint(10, 400) * 1000),
        "ERP; GED",
    ]


def write_inventory(path: Path, n: int, seed: int, start: int = 1) -> None:
    rng = random.Random(seed)
    rows: list[list[str]] = []
    for index in range(start, start + n):
        rows.append(make_row(index, rng, rows))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)


def empty_register(root: Path) -> Path:
    (root / "usecases").mkdir(parents=True)
    (root / "config").mkdir()
    shutil.copy(REPO / "config" / "weights.yaml", root / "config" / "weights.yaml")
    shutil.copy(REPO / "config" / "portfolio.yaml", root / "config" / "portfolio.yaml")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=3600)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    env = {"AIP_TODAY": "2026-11-26", "NO_COLOR": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        inventory = base / "inventaire.csv"
        write_inventory(inventory, args.rows, args.seed)
        one_row = base / "une-ligne.csv"
        write_inventory(one_row, 1, args.seed + 1, start=args.rows + 1)
        mapping = base / "mapping.yaml"
        mapping.write_text(MAPPING, encoding="utf-8")
        root = empty_register(base / "register")
        size = inventory.stat().st_size / 1e6
        print(f"{args.rows} rows, {size:.1f} MB CSV")

        def aip(*extra: str) -> tuple[float, float, int]:
            run = run_measured(aip_command("-r", str(root), *extra), env)
            assert run.code in (0, 1), f"aip {' '.join(extra)} failed ({run.code})"
            return run.seconds, run.cpu, run.peak_mb

        dry = aip("import", str(inventory), "-m", str(mapping), "--dry-run")
        full = aip("import", str(inventory), "-m", str(mapping))
        check = aip("check")
        one = aip("import", str(one_row), "-m", str(mapping))
        print(f"{'':24} {'wall s':>8} {'x check':>8} {'CPU s':>8} {'x check':>8} {'peak MB':>8}")
        for label, (wall, cpu, peak) in (
            ("full import --dry-run", dry),
            ("full import", full),
            ("aip check", check),
            ("1-row import", one),
        ):
            print(
                f"{label:24} {wall:8.2f} {wall / check[0]:8.2f} {cpu:8.2f} "
                f"{cpu / check[1]:8.2f} {peak:8d}"
            )
        for what, index in (("wall", 0), ("CPU", 1)):
            met = full[index] <= 3 * check[index] and one[index] <= 1.5 * check[index]
            print(
                f"goals in {what} time (full <= 3x check, one row <= 1.5x):",
                "met" if met else "NOT met",
            )


if __name__ == "__main__":
    main()
