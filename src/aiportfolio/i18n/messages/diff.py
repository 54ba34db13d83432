"""Messages of the diff domain (``aip diff``, the pull-request comment)."""

MESSAGES: dict[str, dict[str, str]] = {
    # git
    "diff.git.missing": {
        "en": "git is not installed or not on PATH; aip diff reads the register from git",
        "fr": "git n'est pas installé ou pas dans le PATH ; aip diff lit le registre dans git",
    },
    "diff.git.not_a_repo": {
        "en": "{path} is not inside a git repository; aip diff compares two git revisions",
        "fr": "{path} n'est pas dans un dépôt git ; aip diff compare deux révisions git",
    },
    "diff.git.bad_revision": {
        "en": "{rev!r} is not accepted as a git revision (it must not start with '-' or hold control characters)",
        "fr": "{rev!r} n'est pas accepté comme révision git (elle ne doit ni commencer par « - » ni contenir de caractères de contrôle)",
    },
    "diff.git.unknown_revision": {
        "en": "unknown git revision {rev!r}: no commit has this name here",
        "fr": "révision git inconnue {rev!r} : aucun commit ne porte ce nom ici",
    },
    "diff.git.rev_hint": {
        "en": "give a branch, tag or commit (e.g. main, origin/main, v1.2, a1b2c3d); in CI fetch the history (actions/checkout with fetch-depth: 0)",
        "fr": "donnez une branche, une étiquette ou un commit (ex. main, origin/main, v1.2, a1b2c3d) ; en CI récupérez l'historique (actions/checkout avec fetch-depth: 0)",
    },
    "diff.git.no_commit": {
        "en": "this repository has no commit yet: there is nothing to compare with",
        "fr": "ce dépôt n'a encore aucun commit : rien à comparer",
    },
    "diff.git.no_default_branch": {
        "en": "cannot find the default branch (origin/HEAD, main, origin/main, master, origin/master) to compare with",
        "fr": "branche par défaut introuvable (origin/HEAD, main, origin/main, master, origin/master) pour comparer",
    },
    "diff.git.base_hint": {
        "en": "give the base explicitly: aip diff BASE [HEAD], e.g. aip diff origin/main",
        "fr": "donnez la base explicitement : aip diff BASE [HEAD], ex. aip diff origin/main",
    },
    "diff.label.worktree": {"en": "working tree", "fr": "copie de travail"},
    # notes
    "diff.note.first": {
        "en": "{base} has no register yet: everything is new.",
        "fr": "{base} n'a pas encore de registre : tout est nouveau.",
    },
    "diff.note.config_deleted": {
        "en": "{path} is deleted: the built-in defaults apply from now on.",
        "fr": "{path} est supprimé : les valeurs par défaut s'appliquent désormais.",
    },
    "diff.note.config_added": {
        "en": "{path} is new: it replaces the built-in defaults.",
        "fr": "{path} est nouveau : il remplace les valeurs par défaut.",
    },
    "diff.note.config_changed": {
        "en": "{path} changed: scores, balance and capacity are recomputed with it.",
        "fr": "{path} a changé : scores, équilibre et capacité sont recalculés avec lui.",
    },
    "diff.note.config_invalid_base": {
        "en": "the base configuration ({path}) is invalid: the base side uses the defaults.",
        "fr": "la configuration de la base ({path}) est invalide : la base utilise les valeurs par défaut.",
    },
    "diff.note.config_invalid_head": {
        "en": "the configuration ({path}) is invalid: the defaults are used, see the problems.",
        "fr": "la configuration ({path}) est invalide : les valeurs par défaut sont utilisées, voir les problèmes.",
    },
    "diff.note.skipped": {
        "en": "{path} in {side} is a symbolic link or a submodule: not read.",
        "fr": "{path} dans {side} est un lien symbolique ou un sous-module : non lu.",
    },
    # verdict
    "diff.count.added": {"en": "{count} added", "fr": "{count} ajouté(s)"},
    "diff.count.removed": {"en": "{count} removed", "fr": "{count} retiré(s)"},
    "diff.count.renamed": {"en": "{count} renamed", "fr": "{count} renommé(s)"},
    "diff.count.changed": {"en": "{count} changed", "fr": "{count} modifié(s)"},
    "diff.count.none": {"en": "no use case changed", "fr": "aucun cas d'usage modifié"},
    "diff.verdict.fail": {
        "en": "This change introduces {errors} new error(s) and {warnings} new warning(s) · {counts}",
        "fr": "Ce changement introduit {errors} nouvelle(s) erreur(s) et {warnings} nouvel(s) avertissement(s) · {counts}",
    },
    "diff.verdict.fail_errors": {
        "en": "This change introduces {errors} new error(s) · {counts}",
        "fr": "Ce changement introduit {errors} nouvelle(s) erreur(s) · {counts}",
    },
    "diff.verdict.warn": {
        "en": "No new error, {warnings} new warning(s) · {counts}",
        "fr": "Aucune nouvelle erreur, {warnings} nouvel(s) avertissement(s) · {counts}",
    },
    "diff.verdict.ok": {
        "en": "No new problem · {counts}",
        "fr": "Aucun nouveau problème · {counts}",
    },
    "diff.verdict.fixed": {"en": " · {count} fixed", "fr": " · {count} corrigé(s)"},
    "diff.compared": {"en": "{base} → {head}", "fr": "{base} → {head}"},
    # sections
    "diff.section.usecases": {"en": "Use cases", "fr": "Cas d'usage"},
    "diff.section.portfolio": {"en": "Portfolio", "fr": "Portefeuille"},
    "diff.section.problems": {"en": "Problems (aip check)", "fr": "Problèmes (aip check)"},
    "diff.added": {"en": "Added ({count})", "fr": "Ajoutés ({count})"},
    "diff.removed": {"en": "Removed ({count})", "fr": "Retirés ({count})"},
    "diff.removed.invalid": {
        "en": "(file now invalid, see the problems)",
        "fr": "(fichier devenu invalide, voir les problèmes)",
    },
    "diff.renamed": {"en": "Renamed ({count})", "fr": "Renommés ({count})"},
    "diff.changed": {"en": "Changed ({count})", "fr": "Modifiés ({count})"},
    "diff.alerts": {"en": "To review ({count})", "fr": "À examiner ({count})"},
    "diff.fields": {
        "en": "Fields changed ({count})",
        "fr": "Champs modifiés ({count})",
    },
    "diff.alert.owner_removed": {
        "en": "business owner removed",
        "fr": "owner métier retiré",
    },
    "diff.alert.kpi_removed": {"en": "KPI removed: {name}", "fr": "KPI retiré : {name}"},
    "diff.alert.decision": {
        "en": "decision added: {decision} on {date} by {by}",
        "fr": "décision ajoutée : {decision} le {date} par {by}",
    },
    "diff.field.risk.level": {"en": "risk level", "fr": "niveau de risque"},
    "diff.field.data.classification": {
        "en": "data classification",
        "fr": "classification des données",
    },
    "diff.field.risk.ai_act_tier": {"en": "AI Act tier", "fr": "niveau AI Act"},
    "diff.field.risk.personal_data": {"en": "personal data", "fr": "données personnelles"},
    "diff.field.risk.critical_decision": {
        "en": "critical decision",
        "fr": "décision critique",
    },
    "diff.tier.unassessed": {"en": "unassessed", "fr": "non évalué"},
    "diff.tier.minimal": {"en": "minimal", "fr": "minimal"},
    "diff.tier.limited": {"en": "limited", "fr": "limité"},
    "diff.tier.high": {"en": "high", "fr": "haut risque"},
    "diff.tier.prohibited": {"en": "prohibited", "fr": "interdit"},
    "diff.move.category": {"en": "category", "fr": "catégorie"},
    "diff.move.status": {"en": "status", "fr": "statut"},
    "diff.move.wave": {"en": "wave", "fr": "vague"},
    "diff.wave": {"en": "wave {id}", "fr": "vague {id}"},
    "diff.yes": {"en": "yes", "fr": "oui"},
    "diff.no": {"en": "no", "fr": "non"},
    "diff.active": {"en": "Active use cases", "fr": "Cas d'usage actifs"},
    "diff.tco": {"en": "Total TCO", "fr": "TCO total"},
    "diff.balance": {"en": "Balance against the target", "fr": "Équilibre par rapport à la cible"},
    "diff.balance.ok": {
        "en": "Balance: within target (± {tolerance} points)",
        "fr": "Équilibre : dans la cible (± {tolerance} points)",
    },
    "diff.balance.off": {
        "en": "Balance: off target (± {tolerance} points) ⚠",
        "fr": "Équilibre : hors cible (± {tolerance} points) ⚠",
    },
    "diff.top": {"en": "Top {count}", "fr": "Top {count}"},
    "diff.waves": {
        "en": "Waves changed ({count}): budget and capacity",
        "fr": "Vagues modifiées ({count}) : budget et capacité",
    },
    "diff.over_capacity": {"en": "over capacity", "fr": "au-delà de la capacité"},
    "diff.problems.new": {"en": "New problems ({count})", "fr": "Nouveaux problèmes ({count})"},
    "diff.problems.fixed": {
        "en": "Fixed problems ({count})",
        "fr": "Problèmes corrigés ({count})",
    },
    "diff.more_rows": {
        "en": "… {count} more, see the full report",
        "fr": "… {count} de plus, voir le rapport complet",
    },
    "diff.truncated": {
        "en": "This comment is shortened to fit GitHub's limit; the full report is in the job summary and the workflow artifact.",
        "fr": "Ce commentaire est raccourci pour tenir dans la limite de GitHub ; le rapport complet est dans le résumé du job et l'artefact du workflow.",
    },
    "diff.truncated.file": {
        "en": "This comment is shortened to fit GitHub's limit; the full report is in {path} (workflow artifact) and the job summary.",
        "fr": "Ce commentaire est raccourci pour tenir dans la limite de GitHub ; le rapport complet est dans {path} (artefact du workflow) et le résumé du job.",
    },
    # columns
    "diff.col.id": {"en": "Id", "fr": "Id"},
    "diff.col.title": {"en": "Title", "fr": "Titre"},
    "diff.col.owner": {"en": "Owner", "fr": "Owner"},
    "diff.col.category": {"en": "Category", "fr": "Catégorie"},
    "diff.col.status": {"en": "Status", "fr": "Statut"},
    "diff.col.score": {"en": "Score", "fr": "Score"},
    "diff.col.rank": {"en": "Rank", "fr": "Rang"},
    "diff.col.old_path": {"en": "Old file", "fr": "Ancien fichier"},
    "diff.col.new_path": {"en": "New file", "fr": "Nouveau fichier"},
    "diff.col.edited": {"en": "Edited", "fr": "Modifié"},
    "diff.col.moves": {"en": "Moves", "fr": "Mouvements"},
    "diff.col.group": {"en": "Group", "fr": "Groupe"},
    "diff.col.target": {"en": "Target", "fr": "Cible"},
    "diff.col.by_count": {"en": "By count", "fr": "En nombre"},
    "diff.col.by_budget": {"en": "By budget", "fr": "En budget"},
    "diff.col.before": {"en": "Before", "fr": "Avant"},
    "diff.col.after": {"en": "After", "fr": "Après"},
    "diff.col.wave": {"en": "Wave", "fr": "Vague"},
    "diff.col.entries": {"en": "Entries", "fr": "Entrées"},
    "diff.col.budget": {"en": "One-off budget / capacity", "fr": "Budget ponctuel / capacité"},
    "diff.col.effort": {"en": "Person-weeks / capacity", "fr": "Semaines-personnes / capacité"},
    "diff.col.severity": {"en": "Severity", "fr": "Gravité"},
    "diff.col.where": {"en": "Where", "fr": "Où"},
    "diff.col.rule": {"en": "Rule", "fr": "Règle"},
    "diff.col.message": {"en": "Message", "fr": "Message"},
    # CLI
    "diff.full_report_written": {
        "en": "full report written to {path}",
        "fr": "rapport complet écrit dans {path}",
    },
    "diff.cannot_write": {
        "en": "cannot write {path}: {detail}",
        "fr": "impossible d'écrire {path} : {detail}",
    },
}
