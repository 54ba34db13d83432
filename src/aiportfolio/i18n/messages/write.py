"""Messages of the write domain: init, new, decide, kpi record, fmt, import, export, and the
guiding comments of a new use-case card (``card.*``)."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- shared --------------------------------------------------------------------------
    "write.invalid_result": {
        "en": "{path}: the edit would make the file invalid ({detail}); nothing was written",
        "fr": "{path} : la modification rendrait le fichier invalide ({detail}) ; rien n'a été écrit",
    },
    "write.usecase_invalid": {
        "en": "{path} has this id but is invalid: run `aip check` and fix it first",
        "fr": "{path} porte cet identifiant mais est invalide : lancez `aip check` et corrigez-le d'abord",
    },
    "write.bad_value": {"en": "invalid value: {detail}", "fr": "valeur invalide : {detail}"},
    "write.control_chars": {
        "en": "the {what} contains a control character ({char}); remove it",
        "fr": "le champ {what} contient un caractère de contrôle ({char}) ; retirez-le",
    },
    "write.empty": {"en": "the {what} is empty", "fr": "le champ {what} est vide"},
    "write.too_long": {
        "en": "the {what} is {length} characters long; at most {max} are allowed (put the details in `problem`)",
        "fr": "le champ {what} fait {length} caractères ; {max} au plus sont permis (mettez le détail dans `problem`)",
    },
    "write.what.title": {"en": "title", "fr": "titre"},
    "write.what.note": {"en": "note", "fr": "note"},
    "write.what.owner": {"en": "owner (--owner)", "fr": "owner (--owner)"},
    "write.what.by": {"en": "decision maker (--by)", "fr": "décideur (--by)"},
    "write.exists": {"en": "{path} already exists", "fr": "{path} existe déjà"},
    "write.written": {"en": "wrote {path}", "fr": "écrit : {path}"},
    "write.unchanged": {"en": "{path} unchanged", "fr": "{path} inchangé"},
    "write.changed_meanwhile": {
        "en": "{path} changed while aip was working on it; nothing was written, run the command again",
        "fr": "{path} a changé pendant qu'aip le modifiait ; rien n'a été écrit, relancez la commande",
    },
    "write.lock_timeout": {
        "en": "another aip command is writing the register (lock {path}); try again",
        "fr": "une autre commande aip écrit dans le registre (verrou {path}) ; réessayez",
    },
    "write.bad_number": {
        "en": "{value!r} is not a number",
        "fr": "{value!r} n'est pas un nombre",
    },
    "write.bad_choice": {
        "en": "{value!r} is not one of: {choices}",
        "fr": "{value!r} ne fait pas partie de : {choices}",
    },
    # --- new ------------------------------------------------------------------------------
    "write.new.created": {
        "en": "created {id}: {path}",
        "fr": "créé {id} : {path}",
    },
    "write.new.next": {
        "en": "fill in the card, then run `aip check` to see what is still missing",
        "fr": "complétez la fiche, puis lancez `aip check` pour voir ce qui manque encore",
    },
    "write.new.no_usecases_dir": {
        "en": "no usecases/ folder in {root}; run `aip init` first",
        "fr": "pas de dossier usecases/ dans {root} ; lancez d'abord `aip init`",
    },
    "write.prompt.owner": {"en": "Business owner (name)", "fr": "Owner métier (nom)"},
    "write.prompt.owner_role": {"en": "Owner's role", "fr": "Rôle de l'owner"},
    "write.prompt.category": {"en": "Category", "fr": "Catégorie"},
    "write.prompt.process": {"en": "Targeted process", "fr": "Processus ciblé"},
    "write.prompt.problem": {"en": "Precise problem", "fr": "Problème précis"},
    "write.prompt.value": {"en": "Value hypothesis", "fr": "Hypothèse de valeur"},
    "write.prompt.sources": {
        "en": "Data sources (comma-separated)",
        "fr": "Sources de données (séparées par des virgules)",
    },
    "write.prompt.data_class": {"en": "Data classification", "fr": "Classification des données"},
    "write.prompt.risk": {"en": "Risk level", "fr": "Niveau de risque"},
    "write.prompt.tool": {
        "en": "Integration: in which tool",
        "fr": "Intégration : dans quel outil",
    },
    "write.prompt.users": {"en": "For which users", "fr": "Pour quels utilisateurs"},
    "write.prompt.kpi": {"en": "KPI (North Star) name", "fr": "Nom du KPI (North Star)"},
    "write.prompt.kpi_unit": {"en": "KPI unit", "fr": "Unité du KPI"},
    "write.prompt.baseline": {
        "en": "Baseline (number, empty if unknown)",
        "fr": "Baseline (nombre, vide si inconnue)",
    },
    "write.prompt.target": {
        "en": "Target (number, empty if unknown)",
        "fr": "Cible (nombre, vide si inconnue)",
    },
    "write.prompt.next_step": {"en": "Next step", "fr": "Prochaine étape"},
    # --- decide ---------------------------------------------------------------------------
    "write.decide.impossible": {
        "en": "{id} is {status}: the decision {decision!r} is not possible from this status",
        "fr": "{id} est au statut {status} : la décision {decision!r} n'est pas possible depuis ce statut",
    },
    "write.decide.allowed": {
        "en": "possible decisions: {decisions} (`aip decide --help` shows the state machine)",
        "fr": "décisions possibles : {decisions} (`aip decide --help` montre la machine à états)",
    },
    "write.decide.final": {
        "en": "a stopped use case is final; create a new one with `aip new` to restart",
        "fr": "un cas d'usage arrêté est définitif ; créez-en un nouveau avec `aip new` pour relancer",
    },
    "write.decide.unknown": {
        "en": "unknown decision {decision!r}: use go, iterate, scale or stop",
        "fr": "décision inconnue {decision!r} : utilisez go, iterate, scale ou stop",
    },
    "write.decide.before_last": {
        "en": "the decision date {date} is before the last recorded decision ({last}); decisions are kept oldest first",
        "fr": "la date de décision {date} précède la dernière décision enregistrée ({last}) ; les décisions sont gardées de la plus ancienne à la plus récente",
    },
    "write.decide.next_before": {
        "en": "--next-decision {next} is before the decision date {date}",
        "fr": "--next-decision {next} précède la date de décision {date}",
    },
    "write.decide.done": {
        "en": "{id}: {decision} ({before} -> {after}), recorded in {path}",
        "fr": "{id} : {decision} ({before} -> {after}), enregistré dans {path}",
    },
    "write.decide.default_by": {"en": "Portfolio committee", "fr": "Comité portefeuille"},
    # --- kpi record -----------------------------------------------------------------------
    "write.kpi.unknown": {
        "en": "{id} has no KPI named {kpi!r}",
        "fr": "{id} n'a pas de KPI nommé {kpi!r}",
    },
    "write.kpi.did_you_mean": {"en": "did you mean {kpi!r}?", "fr": "vouliez-vous dire {kpi!r} ?"},
    "write.kpi.known": {"en": "its KPIs: {kpis}", "fr": "ses KPI : {kpis}"},
    "write.kpi.none": {
        "en": "it has no KPI yet: add one under `kpis:` first",
        "fr": "il n'a encore aucun KPI : ajoutez-en un sous `kpis:` d'abord",
    },
    "write.kpi.future": {
        "en": "warning: the measurement is dated {date}, after today ({today}); check --date",
        "fr": "attention : la mesure est datée du {date}, après aujourd'hui ({today}) ; vérifiez --date",
    },
    "write.kpi.done": {
        "en": "{id}: {kpi} = {value} on {date}, recorded in {path}",
        "fr": "{id} : {kpi} = {value} le {date}, enregistré dans {path}",
    },
    # --- fmt ------------------------------------------------------------------------------
    "write.fmt.would_change": {"en": "would reformat {path}", "fr": "à reformater : {path}"},
    "write.fmt.changed": {"en": "reformatted {path}", "fr": "reformaté : {path}"},
    "write.fmt.skipped": {
        "en": "{path}: skipped, not readable YAML ({detail}); run `aip check`",
        "fr": "{path} : ignoré, YAML illisible ({detail}) ; lancez `aip check`",
    },
    "write.fmt.skipped_summary": {
        "en": "{count} file(s) could not be read and were not formatted: fix them (exit 1)",
        "fr": "{count} fichier(s) illisible(s), non formaté(s) : corrigez-les (code de sortie 1)",
    },
    "write.fmt.summary": {
        "en": "{changed} file(s) to reformat, {same} already formatted",
        "fr": "{changed} fichier(s) à reformater, {same} déjà formaté(s)",
    },
    "write.fmt.summary_done": {
        "en": "{changed} file(s) reformatted, {same} already formatted",
        "fr": "{changed} fichier(s) reformaté(s), {same} déjà formaté(s)",
    },
    "write.fmt.hint": {"en": "run `aip fmt` to fix", "fr": "lancez `aip fmt` pour corriger"},
    # --- init -----------------------------------------------------------------------------
    "write.init.exists": {
        "en": "{count} file(s) already exist in {root}, for example {path}; nothing was written (use --force to overwrite)",
        "fr": "{count} fichier(s) existent déjà dans {root}, par exemple {path} ; rien n'a été écrit (--force pour écraser)",
    },
    "write.init.not_a_folder": {
        "en": "{root}: {path} is a file, not a folder; give the folder of the new register (created if needed)",
        "fr": "{root} : {path} est un fichier, pas un dossier ; donnez le dossier du nouveau registre (créé au besoin)",
    },
    "write.init.bad_package": {
        "en": "--package {spec!r}: give one pip requirement or URL on one line (e.g. aiportfolio==0.1.0)",
        "fr": "--package {spec!r} : donnez une exigence pip ou une URL sur une ligne (ex. aiportfolio==0.1.0)",
    },
    "write.init.done": {
        "en": "created a register in {root} ({count} files)",
        "fr": "registre créé dans {root} ({count} fichiers)",
    },
    "write.init.next": {
        "en": 'next: cd {root} && aip check && aip new "My first use case"',
        "fr": 'ensuite : cd {root} && aip check && aip new "Mon premier cas d\'usage"',
    },
    # --- import / export ------------------------------------------------------------------
    "import.mapping_invalid": {
        "en": "invalid mapping {path}: {detail}",
        "fr": "correspondance invalide {path} : {detail}",
    },
    "import.unknown_field": {
        "en": "unknown register field {field!r}",
        "fr": "champ du registre inconnu {field!r}",
    },
    "import.no_known_column": {
        "en": "{path}: no column of the export mapping (id, title, ...); give a mapping with --mapping",
        "fr": "{path} : aucune colonne du format d'export (id, title, ...) ; donnez une correspondance avec --mapping",
    },
    "import.unknown_column": {
        "en": "field {field}: no column {column!r} in the file (columns: {columns})",
        "fr": "champ {field} : pas de colonne {column!r} dans le fichier (colonnes : {columns})",
    },
    "import.unreadable": {
        "en": "cannot read {path}: {detail}",
        "fr": "impossible de lire {path} : {detail}",
    },
    "import.format": {
        "en": "{path}: unsupported file type (use .csv or .xlsx)",
        "fr": "{path} : type de fichier non pris en charge (utilisez .csv ou .xlsx)",
    },
    "import.cp1252": {
        "en": "{path} is not UTF-8; read it as Windows-1252 (cp1252). Check accents in the result, or save the file as UTF-8",
        "fr": "{path} n'est pas en UTF-8 ; lu en Windows-1252 (cp1252). Vérifiez les accents, ou enregistrez le fichier en UTF-8",
    },
    "import.row": {"en": "row {row}", "fr": "ligne {row}"},
    "import.row_error": {"en": "row {row}: {message}", "fr": "ligne {row} : {message}"},
    "import.row_warning": {"en": "row {row}: {message}", "fr": "ligne {row} : {message}"},
    "import.cell_type": {
        "en": "column {column!r}: {value!r} is not a valid {kind} for {field}",
        "fr": "colonne {column!r} : {value!r} n'est pas un(e) {kind} valide pour {field}",
    },
    "import.kind.number": {"en": "number", "fr": "nombre"},
    "import.kind.integer": {"en": "whole number", "fr": "nombre entier"},
    "import.kind.date": {"en": "date", "fr": "date"},
    "import.kind.bool": {"en": "yes/no value", "fr": "valeur oui/non"},
    "import.kind.json": {"en": "JSON value", "fr": "valeur JSON"},
    "import.invalid": {"en": "{field}: {detail}", "fr": "{field} : {detail}"},
    "import.id_exists": {
        "en": "{id} already exists ({path}); pass --update to update it",
        "fr": "{id} existe déjà ({path}) ; passez --update pour le mettre à jour",
    },
    "import.id_repeated": {
        "en": "{id} was already given on row {other}",
        "fr": "{id} figure déjà à la ligne {other}",
    },
    "import.control_chars": {
        "en": "column {column!r}: control characters removed",
        "fr": "colonne {column!r} : caractères de contrôle retirés",
    },
    "import.duplicate": {
        "en": "looks like {other} ({what} {ratio:.0%} similar): {text!r}",
        "fr": "ressemble à {other} ({what} similaire à {ratio:.0%}) : {text!r}",
    },
    "import.dup.title": {"en": "title", "fr": "titre"},
    "import.dup.problem": {"en": "problem", "fr": "problème"},
    "import.summary": {
        "en": "{rows} row(s) read: {created} to create, {updated} to update, {unchanged} unchanged, {errors} with errors, {duplicates} possible duplicate(s)",
        "fr": "{rows} ligne(s) lue(s) : {created} à créer, {updated} à mettre à jour, {unchanged} inchangée(s), {errors} en erreur, {duplicates} doublon(s) possible(s)",
    },
    "import.nothing_written": {
        "en": "nothing was written: fix the rows above (or the mapping) and run the import again",
        "fr": "rien n'a été écrit : corrigez les lignes ci-dessus (ou la correspondance) et relancez l'import",
    },
    "import.dry_run": {
        "en": "dry run: nothing was written",
        "fr": "simulation : rien n'a été écrit",
    },
    "import.done": {
        "en": "{created} use case(s) created, {updated} updated; run `aip check` for what each one still lacks",
        "fr": "{created} cas d'usage créé(s), {updated} mis à jour ; lancez `aip check` pour voir ce qui manque à chacun",
    },
    "import.progress": {"en": "Importing", "fr": "Import"},
    "import.no_rows": {"en": "{path}: no data rows", "fr": "{path} : aucune ligne de données"},
    "export.written": {
        "en": "exported {count} use case(s) to {path}",
        "fr": "{count} cas d'usage exporté(s) dans {path}",
    },
    "export.xlsx_needs_out": {
        "en": "--format xlsx writes a binary file: give --out FILE.xlsx",
        "fr": "--format xlsx écrit un fichier binaire : indiquez --out FICHIER.xlsx",
    },
    # --- the card of `aip new` (comments in the generated file) ---------------------------
    "card.header": {
        "en": 'One-page card of an AI use case (the aip method, docs/method.md §1).\nFill in what you know; `aip check` lists what is still missing. `~` means "not known yet".',
        "fr": "Fiche d'opportunité d'un cas d'usage IA, une page (la méthode aip, docs/method.md §1).\nRemplissez ce que vous savez ; `aip check` liste ce qui manque encore. `~` signifie « pas encore connu ».",
    },
    "card.status": {
        "en": "idea | scoping | pilot | industrialising | operated | stopped (changed by `aip decide`)",
        "fr": "idea | scoping | pilot | industrialising | operated | stopped (modifié par `aip decide`)",
    },
    "card.category": {
        "en": "quick_win | foundation | differentiator | compliance (the aip method, docs/method.md §3)",
        "fr": "quick_win (gain rapide) | foundation (socle) | differentiator | compliance (la méthode aip, docs/method.md §3)",
    },
    "card.owner": {
        "en": "Business owner: accountable for the result, not just the project.",
        "fr": "Owner métier : responsable du résultat, pas seulement du projet.",
    },
    "card.owner.name": {"en": "first and last name", "fr": "prénom et nom"},
    "card.owner.role": {"en": "role in the business", "fr": "fonction dans le métier"},
    "card.owner.email": {"en": "email address", "fr": "adresse e-mail"},
    "card.sponsor": {
        "en": "Sponsor who arbitrates on value (CEO, CFO, COO, BU head).",
        "fr": "Sponsor qui arbitre sur la valeur (DG, DAF, DO, directeur de BU).",
    },
    "card.sponsor.name": {"en": "first and last name", "fr": "prénom et nom"},
    "card.sponsor.role": {"en": "role", "fr": "fonction"},
    "card.sponsor.email": {"en": "email address", "fr": "adresse e-mail"},
    "card.process": {
        "en": "Targeted process: where, who, volume.",
        "fr": "Processus ciblé : où, qui, volume.",
    },
    "card.process.name": {"en": "name of the process", "fr": "nom du processus"},
    "card.process.where": {"en": "site, department", "fr": "site, service"},
    "card.process.who": {
        "en": "the people doing it today",
        "fr": "les personnes qui le font aujourd'hui",
    },
    "card.process.volume": {"en": "e.g. 900 claims a month", "fr": "ex. 900 réclamations par mois"},
    "card.problem": {
        "en": "Precise problem: friction, delays, errors, cost.",
        "fr": "Problème précis : frictions, délais, erreurs, coût.",
    },
    "card.value": {
        "en": "Value hypothesis: the expected gain in a business unit.",
        "fr": "Hypothèse de valeur : le gain attendu dans une unité métier.",
    },
    "card.value.hypothesis": {"en": "e.g. -50% sorting time", "fr": "ex. -50 % de temps de tri"},
    "card.value.unit": {"en": "e.g. hours a month", "fr": "ex. heures par mois"},
    "card.value.annual_gain_eur": {
        "en": "expected gain in euros a year",
        "fr": "gain attendu en euros par an",
    },
    "card.data": {
        "en": "Data and systems needed: sources, quality, rights, classification.",
        "fr": "Données et systèmes nécessaires : sources, qualité, droits, classification.",
    },
    "card.data.sources": {"en": "where the data comes from", "fr": "d'où viennent les données"},
    "card.data.systems": {
        "en": "systems to connect (CRM, ERP...)",
        "fr": "systèmes à connecter (CRM, ERP...)",
    },
    "card.data.quality": {
        "en": "unknown | poor | fair | good",
        "fr": "unknown | poor | fair | good",
    },
    "card.data.rights": {"en": "rights of use, contracts", "fr": "droits d'usage, contrats"},
    "card.data.classification": {
        "en": "green | orange | red",
        "fr": "green (vert) | orange | red (rouge)",
    },
    "card.risk": {
        "en": 'Risk level (sensitive data, critical decision, compliance). High risk, red data or AI Act\n"high" need the security and legal review dates before the pilot.',
        "fr": "Niveau de risque (données sensibles, décision critique, conformité). Risque élevé, données\nrouges ou AI Act « high » exigent les dates de revue sécurité et juridique avant le pilote.",
    },
    "card.risk.level": {"en": "low | medium | high", "fr": "low | medium | high"},
    "card.risk.personal_data": {
        "en": "true if personal data is processed",
        "fr": "true si des données personnelles sont traitées",
    },
    "card.risk.critical_decision": {
        "en": "true if it takes or drives a critical decision",
        "fr": "true si cela prend ou oriente une décision critique",
    },
    "card.risk.ai_act_tier": {
        "en": "unassessed | minimal | limited | high | prohibited",
        "fr": "unassessed | minimal | limited | high | prohibited",
    },
    "card.risk.security_review": {
        "en": "date of the security review (YYYY-MM-DD)",
        "fr": "date de la revue sécurité (AAAA-MM-JJ)",
    },
    "card.risk.legal_review": {
        "en": "date of the legal review (YYYY-MM-DD)",
        "fr": "date de la revue juridique (AAAA-MM-JJ)",
    },
    "card.risk.notes": {"en": "guardrails, open questions", "fr": "garde-fous, questions ouvertes"},
    "card.integration": {
        "en": "Integration mode: in which everyday tool, for which users.",
        "fr": "Mode d'intégration : dans quel outil du quotidien, pour quels utilisateurs.",
    },
    "card.integration.tool": {"en": "the tool people already use", "fr": "l'outil déjà utilisé"},
    "card.integration.users": {"en": "who uses it", "fr": "qui l'utilise"},
    "card.integration.vendor": {"en": "vendor, if any", "fr": "fournisseur, le cas échéant"},
    "card.kpis": {
        "en": "KPIs with their baseline (before) and target (after); level: impact | adoption | quality.",
        "fr": "KPI avec leur baseline (avant) et leur cible (après) ; level : impact | adoption | quality.",
    },
    "card.kpis.name": {"en": "what is measured", "fr": "ce qui est mesuré"},
    "card.kpis.level": {"en": "impact | adoption | quality", "fr": "impact | adoption | quality"},
    "card.kpis.unit": {"en": "unit", "fr": "unité"},
    "card.kpis.baseline": {
        "en": "value measured before (required from scoping on)",
        "fr": "valeur mesurée avant (exigée dès le cadrage)",
    },
    "card.kpis.target": {"en": "value aimed at", "fr": "valeur visée"},
    "card.kpis.north_star": {
        "en": "true for the one KPI that sums up success",
        "fr": "true pour le KPI qui résume le succès",
    },
    "card.scores": {
        "en": "Scores 1-5 per criterion of config/weights.yaml (or use ratings / estimates).",
        "fr": "Notes de 1 à 5 par critère de config/weights.yaml (ou utilisez ratings / estimates).",
    },
    "card.estimates": {
        "en": "Measured inputs a criterion turns into a score, e.g. weeks_to_pilot: 6.",
        "fr": "Mesures qu'un critère convertit en note, ex. weeks_to_pilot: 6.",
    },
    "card.ratings": {
        "en": "Scores of several raters: - {{by: Name, scores: {{business_value: 4}}}}; the median is used.",
        "fr": "Notes de plusieurs évaluateurs : - {{by: Nom, scores: {{business_value: 4}}}} ; la médiane est retenue.",
    },
    "card.costs": {
        "en": "Total cost of ownership (the aip method, docs/method.md §6): lines {{family, amount_eur, label}}; families:\nintegration, data_preparation, evaluation_monitoring, security_compliance, change_management, vendor, infrastructure.",
        "fr": "Coût total de possession (la méthode aip, docs/method.md §6) : lignes {{family, amount_eur, label}} ; familles :\nintegration, data_preparation, evaluation_monitoring, security_compliance, change_management, vendor, infrastructure.",
    },
    "card.costs.horizon_months": {
        "en": "TCO horizon, 6 to 12 months",
        "fr": "horizon du TCO, 6 à 12 mois",
    },
    "card.costs.one_off": {"en": "one-off costs", "fr": "coûts ponctuels"},
    "card.costs.monthly": {"en": "monthly costs", "fr": "coûts mensuels"},
    "card.plan": {
        "en": "Place in the waves (the aip method, docs/method.md §4).",
        "fr": "Place dans les vagues (la méthode aip, docs/method.md §4).",
    },
    "card.plan.wave": {"en": "wave number", "fr": "numéro de vague"},
    "card.plan.effort_weeks": {
        "en": "team effort in person-weeks",
        "fr": "effort de l'équipe en semaines-personne",
    },
    "card.plan.depends_on": {
        "en": "ids of use cases needed first",
        "fr": "identifiants des cas d'usage requis avant",
    },
    "card.plan.pinned": {
        "en": "true to keep it in its wave when planning",
        "fr": "true pour le garder dans sa vague lors de la planification",
    },
    "card.next_step": {"en": "Next step.", "fr": "Prochaine étape."},
    "card.decision_date": {
        "en": "Date of the next decision (YYYY-MM-DD).",
        "fr": "Date de la prochaine décision (AAAA-MM-JJ).",
    },
    "card.decisions": {
        "en": "Decisions (go, iterate, scale, stop), recorded by `aip decide`.",
        "fr": "Décisions (go, iterate, scale, stop), enregistrées par `aip decide`.",
    },
    "write.fmt.outside": {
        "en": "{path}: not a use-case file of this register; aip fmt only rewrites *.yaml files in {folder}",
        "fr": "{path} : pas un fichier de cas d'usage de ce registre ; aip fmt ne réécrit que les fichiers *.yaml de {folder}",
    },
    "import.too_large": {
        "en": "{path}: the sheet is too large to be a register ({detail}; at most {rows} rows and {columns} columns); delete stray cells far from the table",
        "fr": "{path} : la feuille est trop grande pour un registre ({detail} ; au plus {rows} lignes et {columns} colonnes) ; supprimez les cellules isolées loin du tableau",
    },
}
