"""Messages shared by every command: errors, severities, generic labels."""

MESSAGES: dict[str, dict[str, str]] = {
    "severity.error": {"en": "error", "fr": "erreur"},
    "severity.warning": {"en": "warning", "fr": "avertissement"},
    "severity.info": {"en": "info", "fr": "info"},
    "error.prefix": {"en": "error", "fr": "erreur"},
    "error.no_register": {
        "en": "no register found from {path} upward (a folder with config/weights.yaml or usecases/)",
        "fr": "aucun registre trouvé depuis {path} en remontant (un dossier avec config/weights.yaml ou usecases/)",
    },
    "error.no_register.hint": {
        "en": "run aip inside a register, pass --register PATH or set AIP_REGISTER; `aip init` creates one",
        "fr": "lancez aip dans un registre, passez --register CHEMIN ou définissez AIP_REGISTER ; `aip init` en crée un",
    },
    "error.bad_register_path": {
        "en": "register folder {path} (from --register or AIP_REGISTER) is not a folder",
        "fr": "le dossier de registre {path} (donné par --register ou AIP_REGISTER) n'est pas un dossier",
    },
    "error.path_not_found": {
        "en": "{path}: no such file or folder",
        "fr": "{path} : fichier ou dossier introuvable",
    },
    "error.bad_date": {
        "en": "{value!r} is not a date (expected YYYY-MM-DD)",
        "fr": "{value!r} n'est pas une date (attendu AAAA-MM-JJ)",
    },
    "error.bad_lang": {
        "en": "unknown language {value!r}: use en or fr",
        "fr": "langue inconnue {value!r} : utilisez en ou fr",
    },
    "error.unknown_usecase": {
        "en": "no use case {id} in the register",
        "fr": "aucun cas d'usage {id} dans le registre",
    },
    "error.unknown_active_usecase": {
        "en": "no active use case {id} in the register",
        "fr": "aucun cas d'usage actif {id} dans le registre",
    },
    "error.unknown_usecase.hint": {
        "en": "did you mean {suggestion}?",
        "fr": "vouliez-vous dire {suggestion} ?",
    },
    "error.invalid_register": {
        "en": "{count} use-case file(s) are invalid and were left out; run `aip check` for details",
        "fr": "{count} fichier(s) de cas d'usage invalides ont été ignorés ; lancez `aip check` pour le détail",
    },
    "config.invalid": {
        "en": "invalid configuration in {path}",
        "fr": "configuration invalide dans {path}",
    },
    "error.os": {
        "en": "cannot read or write {path}: {detail} (files already written are intact)",
        "fr": "impossible de lire ou d'écrire {path} : {detail} (les fichiers déjà écrits sont intacts)",
    },
    "template.invalid": {
        "en": "cannot render the template {name}",
        "fr": "impossible de produire le modèle {name}",
    },
    "template.error": {"en": "template error: {detail}", "fr": "erreur de modèle : {detail}"},
    "template.error.hint": {
        "en": "fix the register's templates/{name}, or delete it to use the built-in one",
        "fr": "corrigez templates/{name} du registre, ou supprimez-le pour utiliser le modèle intégré",
    },
    "template.unknown_message": {
        "en": "unknown message key {key} in t(...)",
        "fr": "clé de message inconnue {key} dans t(...)",
    },
    "config.not_a_mapping.hint": {
        "en": "a configuration file is a mapping of sections (`language: fr`, `balance:` ...); `aip init` writes a commented one",
        "fr": "un fichier de configuration est un ensemble de sections (`language: fr`, `balance:` ...) ; `aip init` en écrit un commenté",
    },
    "config.missing": {
        "en": "{path} is missing",
        "fr": "{path} est absent",
    },
    "config.missing.hint": {
        "en": "restore it from git, or run `aip init` in an empty folder and copy its config/weights.yaml (aip's default grid)",
        "fr": "restaurez-le depuis git, ou lancez `aip init` dans un dossier vide et copiez son config/weights.yaml (la grille par défaut d'aip)",
    },
    "policy.unknown_rule": {
        "en": "policy.rules: unknown rule id {rule!r}",
        "fr": "policy.rules : identifiant de règle inconnu {rule!r}",
    },
    "label.category.quick_win": {"en": "Quick win", "fr": "Gain rapide"},
    "label.category.foundation": {"en": "Foundation", "fr": "Socle"},
    "label.category.differentiator": {"en": "Differentiator", "fr": "Différenciant"},
    "label.category.compliance": {"en": "Risk & compliance", "fr": "Risque & conformité"},
    "label.categories.quick_win": {"en": "Quick wins", "fr": "Gains rapides"},
    "label.categories.foundation": {"en": "Foundations", "fr": "Socle"},
    "label.categories.differentiator": {"en": "Differentiators", "fr": "Différenciants"},
    "label.categories.compliance": {"en": "Risk & compliance", "fr": "Risque & conformité"},
    "label.group.quick_wins": {"en": "Quick wins", "fr": "Gains rapides"},
    "label.group.foundations": {"en": "Foundations", "fr": "Socle"},
    "label.group.differentiation_compliance": {
        "en": "Differentiation & compliance",
        "fr": "Différenciation & conformité",
    },
    "label.status.idea": {"en": "idea", "fr": "idée"},
    "label.status.scoping": {"en": "scoping", "fr": "cadrage"},
    "label.status.pilot": {"en": "pilot", "fr": "pilote"},
    "label.status.industrialising": {"en": "industrialising", "fr": "industrialisation"},
    "label.status.operated": {"en": "operated", "fr": "en exploitation"},
    "label.status.stopped": {"en": "stopped", "fr": "arrêté"},
    "label.risk.low": {"en": "low", "fr": "faible"},
    "label.risk.medium": {"en": "medium", "fr": "moyen"},
    "label.risk.high": {"en": "high", "fr": "élevé"},
    "label.data.green": {"en": "green", "fr": "vert"},
    "label.data.orange": {"en": "orange", "fr": "orange"},
    "label.data.red": {"en": "red", "fr": "rouge"},
    "label.decision.go": {"en": "go", "fr": "go"},
    "label.decision.iterate": {"en": "iterate", "fr": "itérer"},
    "label.decision.scale": {"en": "scale", "fr": "passer à l'échelle"},
    "label.decision.stop": {"en": "stop", "fr": "arrêter"},
    "label.kpi_level.impact": {"en": "impact", "fr": "impact"},
    "label.kpi_level.adoption": {"en": "adoption", "fr": "adoption"},
    "label.kpi_level.quality": {"en": "quality & guardrails", "fr": "qualité & garde-fous"},
    "label.axis.value": {"en": "Value", "fr": "Valeur"},
    "label.axis.feasibility": {"en": "Feasibility", "fr": "Faisabilité"},
    "label.cost.integration": {"en": "IS integration", "fr": "intégration SI"},
    "label.cost.data_preparation": {
        "en": "data & sources preparation",
        "fr": "préparation des données et sources",
    },
    "label.cost.evaluation_monitoring": {
        "en": "evaluation, tests, monitoring",
        "fr": "évaluation, tests, monitoring",
    },
    "label.cost.security_compliance": {
        "en": "security & compliance",
        "fr": "sécurité & conformité",
    },
    "label.cost.change_management": {
        "en": "training & change management",
        "fr": "formation & conduite du changement",
    },
    "label.cost.vendor": {"en": "vendor API & licences", "fr": "API & licences éditeur"},
    "label.cost.infrastructure": {"en": "infrastructure", "fr": "infrastructure"},
    "label.none": {"en": "—", "fr": "—"},
    "label.unscheduled": {"en": "unscheduled", "fr": "non planifié"},
}
