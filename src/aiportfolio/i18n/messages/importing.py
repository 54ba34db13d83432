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
}
