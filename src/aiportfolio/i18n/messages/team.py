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
    # --- aip export: the sponsor workbook ------------------------------------------------
    "team.export.sheet.portfolio": {"en": "Portfolio", "fr": "Portefeuille"},
    "team.export.sheet.kpis": {"en": "KPIs", "fr": "KPI"},
    "team.export.sheet.measurements": {"en": "Measurements", "fr": "Mesures"},
    "team.export.sheet.costs": {"en": "Costs", "fr": "Coûts"},
    "team.export.sheet.decisions": {"en": "Decisions", "fr": "Décisions"},
    "team.export.col.id": {"en": "ID", "fr": "ID"},
    "team.export.col.usecase": {"en": "Use case", "fr": "Cas d'usage"},
    "team.export.col.status": {"en": "Status", "fr": "Statut"},
    "team.export.col.category": {"en": "Category", "fr": "Catégorie"},
    "team.export.col.owner": {"en": "Business owner", "fr": "Owner métier"},
    "team.export.col.sponsor": {"en": "Sponsor", "fr": "Sponsor"},
    "team.export.col.north_star": {"en": "North Star KPI", "fr": "KPI North Star"},
    "team.export.col.unit": {"en": "Unit", "fr": "Unité"},
    "team.export.col.baseline": {"en": "Baseline", "fr": "Baseline"},
    "team.export.col.target": {"en": "Target", "fr": "Cible"},
    "team.export.col.last_value": {"en": "Last measurement", "fr": "Dernière mesure"},
    "team.export.col.gain": {"en": "Gain hypothesis", "fr": "Hypothèse de gain"},
    "team.export.col.annual_gain": {"en": "Annual gain (€)", "fr": "Gain annuel (€)"},
    "team.export.col.tco": {"en": "TCO over the horizon (€)", "fr": "TCO sur l'horizon (€)"},
    "team.export.col.data": {"en": "Data & integrations", "fr": "Données & intégrations"},
    "team.export.col.risk": {"en": "Risk", "fr": "Risque"},
    "team.export.col.data_class": {"en": "Data classification", "fr": "Classification des données"},
    "team.export.col.wave": {"en": "Wave", "fr": "Vague"},
    "team.export.col.effort_weeks": {"en": "Effort (weeks)", "fr": "Effort (semaines)"},
    "team.export.col.next_step": {"en": "Next step", "fr": "Prochaine étape"},
    "team.export.col.decision_date": {"en": "Decision date", "fr": "Date de décision"},
    "team.export.col.kpi": {"en": "KPI", "fr": "KPI"},
    "team.export.col.level": {"en": "Level", "fr": "Niveau"},
    "team.export.col.direction": {"en": "Direction", "fr": "Sens"},
    "team.export.col.is_north_star": {"en": "North Star", "fr": "North Star"},
    "team.export.col.last_date": {"en": "Measured on", "fr": "Mesuré le"},
    "team.export.col.measurement_count": {"en": "Measurements", "fr": "Mesures"},
    "team.export.col.date": {"en": "Date", "fr": "Date"},
    "team.export.col.value": {"en": "Value", "fr": "Valeur"},
    "team.export.col.note": {"en": "Note", "fr": "Note"},
    "team.export.col.cost_kind": {"en": "Type", "fr": "Type"},
    "team.export.col.family": {"en": "Cost family", "fr": "Famille de coût"},
    "team.export.col.cost_label": {"en": "Label", "fr": "Libellé"},
    "team.export.col.amount": {"en": "Amount (€)", "fr": "Montant (€)"},
    "team.export.col.horizon": {"en": "Horizon (months)", "fr": "Horizon (mois)"},
    "team.export.col.over_horizon": {"en": "Over the horizon (€)", "fr": "Sur l'horizon (€)"},
    "team.export.col.decision": {"en": "Decision", "fr": "Décision"},
    "team.export.col.by": {"en": "Decided by", "fr": "Décidé par"},
    "team.export.yes": {"en": "yes", "fr": "oui"},
    "team.export.no": {"en": "no", "fr": "non"},
    "team.export.direction.higher_is_better": {"en": "higher is better", "fr": "plus haut = mieux"},
    "team.export.direction.lower_is_better": {"en": "lower is better", "fr": "plus bas = mieux"},
    "team.export.cost_kind.one_off": {"en": "one-off", "fr": "ponctuel"},
    "team.export.cost_kind.monthly": {"en": "monthly", "fr": "mensuel"},
    # --- ids across branches -----------------------------------------------------------
    "team.collision": {
        "en": "{id} is also used on {base} by {other}, added there since this branch started: after the merge two use cases would share it",
        "fr": "{id} est aussi utilisé sur {base} par {other}, ajouté là-bas depuis le début de cette branche : après la fusion, deux cas d'usage le partageraient",
    },
    "team.collision.hint": {
        "en": "give this one a free id: aip renumber {id} {new}",
        "fr": "donnez à celui-ci un identifiant libre : aip renumber {id} {new}",
    },
    "team.new.skipped_remote": {
        "en": "ids up to {last} are taken on {refs}: {id} is the next free one",
        "fr": "les identifiants jusqu'à {last} sont pris sur {refs} : {id} est le prochain libre",
    },
    "team.renumber.bad_id": {
        "en": "{id!r} is not a use-case id; write UC- then 3 to 6 digits, e.g. UC-017",
        "fr": "{id!r} n'est pas un identifiant de cas d'usage ; écrivez UC- puis 3 à 6 chiffres, ex. UC-017",
    },
    "team.renumber.same": {
        "en": "{id} already has this id; nothing to do",
        "fr": "{id} porte déjà cet identifiant ; rien à faire",
    },
    "team.renumber.taken": {
        "en": "{id} is already used in this register; choose a free id (aip new shows the next one)",
        "fr": "{id} est déjà utilisé dans ce registre ; choisissez un identifiant libre (aip new donne le suivant)",
    },
    "team.renumber.taken_remote": {
        "en": "{id} is used on another branch (upstream or default branch); choose a higher id",
        "fr": "{id} est utilisé sur une autre branche (amont ou branche par défaut) ; choisissez un identifiant plus grand",
    },
    "team.renumber.done": {
        "en": "{old} is now {new}: {old_path} -> {new_path}",
        "fr": "{old} devient {new} : {old_path} -> {new_path}",
    },
    "team.renumber.referrers": {
        "en": "depends_on updated in {count} file(s): {ids}",
        "fr": "depends_on mis à jour dans {count} fichier(s) : {ids}",
    },
    "team.renumber.next": {
        "en": "next: git add -A usecases/ && git commit",
        "fr": "ensuite : git add -A usecases/ && git commit",
    },
    # --- aip new --interactive ------------------------------------------------------------
    "team.prompt.choose": {
        "en": "{value!r} is not one of: {choices}",
        "fr": "{value!r} n'est pas l'une des valeurs : {choices}",
    },
    "team.prompt.kpi_level": {
        "en": "KPI level",
        "fr": "Niveau du KPI",
    },
    "team.prompt.kpi_direction": {
        "en": "Which way is better",
        "fr": "Dans quel sens c'est mieux",
    },
    # --- inline suppression ----------------------------------------------------------------
    "team.suppress.unknown": {
        "en": "`# aip: disable={rule}`: no rule has this id, so nothing is disabled",
        "fr": "`# aip: disable={rule}` : aucune règle ne porte cet identifiant, rien n'est désactivé",
    },
    "team.suppress.unknown.hint": {
        "en": "use a rule id of docs/register-format.md §6 (each finding of `aip check` shows its id)",
        "fr": "utilisez un identifiant de règle de docs/register-format.md §6 (chaque constat d'`aip check` affiche le sien)",
    },
    "team.suppress.locked": {
        "en": "`# aip: disable={rule}`: reading and schema problems cannot be disabled",
        "fr": "`# aip: disable={rule}` : les problèmes de lecture et de schéma ne peuvent pas être désactivés",
    },
    "team.suppress.locked.hint": {
        "en": "fix the file instead; only policy rules can be disabled",
        "fr": "corrigez plutôt le fichier ; seules les règles de politique peuvent être désactivées",
    },
}
