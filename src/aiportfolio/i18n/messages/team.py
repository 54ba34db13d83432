"""Messages for team use: where the running aip comes from (``aip init``), id collisions
between branches and ``aip renumber``, shell conventions, sponsor exports."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- aip init: which aip the CI files install ---------------------------------------
    "team.init.not_installed": {
        "en": "warning: aip is not installed (run from a source tree), so the CI files install {spec}, which may not exist on a package index",
        "fr": "attention : aip n'est pas installé (lancé depuis ses sources), les fichiers de CI installent donc {spec}, qui n'existe peut-être pas sur un index de paquets",
    },
    "team.init.not_from_index": {
        "en": "warning: this aip was not installed from a package index ({source}), so the CI files install {spec}, which may not exist there",
        "fr": "attention : cet aip n'a pas été installé depuis un index de paquets ({source}), les fichiers de CI installent donc {spec}, qui n'y existe peut-être pas",
    },
    "team.init.set_package": {
        "en": "  set AIP_PACKAGE at the top of the CI files, or run again with --force --package SPEC, e.g. --package {example}",
        "fr": "  réglez AIP_PACKAGE en tête des fichiers de CI, ou relancez avec --force --package SPEC, par ex. --package {example}",
    },
}
