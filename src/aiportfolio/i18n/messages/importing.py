"""Messages of ``aip import`` added for large files: progress phases, mapping transforms,
rejected rows, suggested mappings, file limits."""

MESSAGES: dict[str, dict[str, str]] = {
    "import.phase.read": {"en": "Reading rows", "fr": "Lecture des lignes"},
    "import.phase.validate": {"en": "Validating rows", "fr": "Validation des lignes"},
    "import.phase.duplicates": {
        "en": "Looking for duplicates (titles, problems)",
        "fr": "Recherche des doublons (titres, problèmes)",
    },
    "import.phase.write": {
        "en": "Writing {count} file(s)",
        "fr": "Écriture de {count} fichier(s)",
    },
    "import.whole_and_parts": {
        "en": "{whole} and {part} are both mapped: map the whole JSON column or its parts, not both",
        "fr": "{whole} et {part} sont tous deux associés : associez la colonne JSON entière ou ses parties, pas les deux",
    },
    "import.truncated": {
        "en": "column {column!r}: {length} characters cut to {max} (mapping: truncate)",
        "fr": "colonne {column!r} : {length} caractères coupés à {max} (correspondance : truncate)",
    },
    "import.rejects.row": {"en": "aip row", "fr": "ligne aip"},
    "import.rejects.errors": {"en": "aip errors", "fr": "erreurs aip"},
    "import.rejects.written": {
        "en": "{count} row(s) with errors skipped and written with their reasons to {path}; fix them there and import that file with the same mapping",
        "fr": "{count} ligne(s) en erreur ignorée(s) et écrite(s) avec leurs raisons dans {path} ; corrigez-les dans ce fichier puis importez-le avec la même correspondance",
    },
    "import.rejects.same_file": {
        "en": "the rejects file {path} is the file being imported; give another one with --rejects",
        "fr": "le fichier des rejets {path} est le fichier importé ; donnez-en un autre avec --rejects",
    },
    "import.suggest.header": {
        "en": "Mapping suggested by `aip import {path} --suggest-mapping` from the column names.\nCheck each line, then: aip import {path} --mapping THIS_FILE --dry-run",
        "fr": "Correspondance proposée par `aip import {path} --suggest-mapping` d'après les noms de colonnes.\nVérifiez chaque ligne, puis : aip import {path} --mapping CE_FICHIER --dry-run",
    },
    "import.suggest.unmapped": {
        "en": "Columns left out (no register field recognised):",
        "fr": "Colonnes laissées de côté (aucun champ du registre reconnu) :",
    },
    "import.suggest.constant": {
        "en": "no column found: the same value for every row; change it or map a column",
        "fr": "aucune colonne trouvée : la même valeur pour chaque ligne ; changez-la ou associez une colonne",
    },
    "import.suggest.unknown_values": {
        "en": "values not recognised (translate them in values:)",
        "fr": "valeurs non reconnues (traduisez-les dans values:)",
    },
    "import.suggest.long": {
        "en": "cells up to {length} characters: longer than the field's {max}",
        "fr": "cellules jusqu'à {length} caractères : plus que les {max} du champ",
    },
    "import.already_imported": {
        "en": "already in the register as {id} (same title and values): not created again",
        "fr": "déjà dans le registre sous {id} (même titre et mêmes valeurs) : pas créé à nouveau",
    },
    "import.limit.rows": {
        "en": "more than {rows} rows",
        "fr": "plus de {rows} lignes",
    },
    "import.limit.columns": {
        "en": "row {row} has {columns} columns",
        "fr": "la ligne {row} a {columns} colonnes",
    },
    "import.limit.text": {
        "en": "more than {size} MB of cell text by row {row}",
        "fr": "plus de {size} Mo de texte de cellules à la ligne {row}",
    },
    "import.limit.line": {
        "en": "line {line} is longer than {chars} characters",
        "fr": "la ligne {line} du fichier dépasse {chars} caractères",
    },
    "import.limit.unzipped": {
        "en": "{part} expands to {size} MB",
        "fr": "{part} occupe {size} Mo une fois décompressé",
    },
    "import.file_too_large": {
        "en": "{path} is too large to import ({detail}); a file may have at most {rows} rows, {columns} columns and {size} MB of cell text (docs/import.md, Limits): split it",
        "fr": "{path} est trop volumineux pour être importé ({detail}) ; un fichier a au plus {rows} lignes, {columns} colonnes et {size} Mo de texte de cellules (docs/import.md, Limites) : découpez-le",
    },
}
