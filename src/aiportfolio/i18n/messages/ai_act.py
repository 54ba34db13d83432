"""Messages of the EU AI Act features: obligation rules, ``aip classify``, ``aip compliance``."""

MESSAGES: dict[str, dict[str, str]] = {
    # labels
    "ai_act.role.provider": {"en": "provider", "fr": "fournisseur"},
    "ai_act.role.deployer": {"en": "deployer", "fr": "déployeur"},
    "ai_act.role.importer": {"en": "importer", "fr": "importateur"},
    "ai_act.role.distributor": {"en": "distributor", "fr": "distributeur"},
    "ai_act.state.todo": {"en": "to do", "fr": "à faire"},
    "ai_act.state.in_progress": {"en": "in progress", "fr": "en cours"},
    "ai_act.state.done": {"en": "done", "fr": "fait"},
    "ai_act.state.not_applicable": {"en": "not applicable", "fr": "sans objet"},
    # configuration
    "ai_act.config.clash": {
        "en": "obligation id {id} is already in aip's catalog",
        "fr": "l'identifiant d'obligation {id} existe déjà dans le catalogue d'aip",
    },
    "ai_act.config.clash.hint": {
        "en": "give your own obligation a new id (e.g. prefix it with your organisation); re-date a catalog group under ai_act.dates",
        "fr": "donnez un nouvel identifiant à votre obligation (par ex. préfixé par votre organisation) ; changez la date d'un groupe du catalogue dans ai_act.dates",
    },
    # rules
    "ai_act.rule.overdue.summary": {
        "en": "from pilot on, AI Act obligations past their application date are done or not applicable",
        "fr": "dès le pilote, les obligations AI Act dont la date d'application est passée sont faites ou sans objet",
    },
    "ai_act.rule.overdue": {
        "en": "{articles} ({title}, {id}) applies since {date} and is {state} while the status is {status}",
        "fr": "{articles} ({title}, {id}) s'applique depuis le {date} et est « {state} » alors que le statut est « {status} »",
    },
    "ai_act.rule.overdue.due": {
        "en": "{articles} ({title}, {id}) was due on {date} and is {state} while the status is {status}",
        "fr": "{articles} ({title}, {id}) était dû le {date} et est « {state} » alors que le statut est « {status} »",
    },
    "ai_act.rule.overdue.hint": {
        "en": "record it under ai_act.obligations (id: {id}) with status done and its evidence, or not_applicable with a reason; `aip compliance` lists what is open",
        "fr": "renseignez-la dans ai_act.obligations (id: {id}) avec le statut done et sa preuve, ou not_applicable avec une raison ; `aip compliance` liste ce qui reste ouvert",
    },
    "ai_act.rule.unknown.summary": {
        "en": "every obligation listed in ai_act.obligations is in the catalog",
        "fr": "chaque obligation listée dans ai_act.obligations existe dans le catalogue",
    },
    "ai_act.rule.unknown": {
        "en": "unknown AI Act obligation {id}",
        "fr": "obligation AI Act inconnue : {id}",
    },
    "ai_act.rule.see_list": {
        "en": "`aip compliance --catalog` lists the obligation ids",
        "fr": "`aip compliance --catalog` liste les identifiants d'obligation",
    },
    "ai_act.rule.extra.summary": {
        "en": "obligations tracked that the classification does not make applicable",
        "fr": "obligations suivies que la classification ne rend pas applicables",
    },
    "ai_act.rule.extra": {
        "en": "{id} does not apply to a {role} of a {tier} system",
        "fr": "{id} ne s'applique pas à un {role} d'un système de niveau {tier}",
    },
    "ai_act.rule.extra.hint": {
        "en": "remove it, or check the role and tier (`aip classify`)",
        "fr": "retirez-la, ou vérifiez le rôle et le niveau (`aip classify`)",
    },
    "ai_act.rule.evidence.summary": {
        "en": "evidence paths exist in the register",
        "fr": "les chemins des preuves existent dans le registre",
    },
    "ai_act.rule.evidence.missing": {
        "en": "evidence {ref} of {id} does not exist",
        "fr": "la preuve {ref} de {id} n'existe pas",
    },
    "ai_act.rule.evidence.outside": {
        "en": "evidence {ref} of {id} is outside the register",
        "fr": "la preuve {ref} de {id} est hors du registre",
    },
    "ai_act.rule.evidence.hint": {
        "en": "give a path relative to the register root (committed with it) or an https:// URL",
        "fr": "indiquez un chemin relatif à la racine du registre (versionné avec lui) ou une URL https://",
    },
    "ai_act.rule.no_evidence.summary": {
        "en": "a done obligation has evidence",
        "fr": "une obligation faite a une preuve",
    },
    "ai_act.rule.no_evidence": {
        "en": "{id} is done but has no evidence",
        "fr": "{id} est faite mais sans preuve",
    },
    "ai_act.rule.no_evidence.hint": {
        "en": "add evidence: a ref (path or URL), reviewed_by and reviewed_on",
        "fr": "ajoutez une preuve : ref (chemin ou URL), reviewed_by et reviewed_on",
    },
    # aip classify
    "ai_act.q.role": {
        "en": "What is your organisation for this system? provider (develops it, or has it developed, and puts it into service or on the market under its own name), deployer (uses a system under its authority), importer or distributor",
        "fr": "Quel est le rôle de votre organisation pour ce système ? fournisseur (le développe ou le fait développer et le met en service ou sur le marché sous son nom), déployeur (utilise un système sous son autorité), importateur ou distributeur",
    },
    "ai_act.q.own_name": {
        "en": "Do you build the system yourselves (even on a bought model) and put it into service under your own name, modify a high-risk system substantially, or change a system's purpose so that it becomes high-risk? (Art. 3(3), Art. 25)",
        "fr": "Construisez-vous le système vous-mêmes (même sur un modèle acheté) pour le mettre en service sous votre nom, modifiez-vous substantiellement un système à haut risque, ou changez-vous la finalité d'un système au point qu'il devienne à haut risque ? (art. 3(3), art. 25)",
    },
    "ai_act.q.prohibited": {
        "en": "Does the system do any of these prohibited practices (Art. 5)? List them, or leave empty",
        "fr": "Le système relève-t-il d'une de ces pratiques interdites (art. 5) ? Listez-les, ou laissez vide",
    },
    "ai_act.q.annex_i": {
        "en": "Is the system a product, or the safety component of a product, covered by Annex I legislation (machinery, toys, lifts, medical devices, vehicles...) that requires a third-party conformity assessment? (Art. 6(1))",
        "fr": "Le système est-il un produit, ou le composant de sécurité d'un produit, couvert par la législation de l'annexe I (machines, jouets, ascenseurs, dispositifs médicaux, véhicules...) soumis à une évaluation de conformité par un tiers ? (art. 6(1))",
    },
    "ai_act.q.annex_iii": {
        "en": "Is the system used in one of the Annex III areas (Art. 6(2))? Give the point, or none",
        "fr": "Le système est-il utilisé dans un domaine de l'annexe III (art. 6(2)) ? Donnez le point, ou none",
    },
    "ai_act.q.profiling": {
        "en": "Does the system profile natural persons (evaluate personal aspects: work performance, reliability, behaviour...)? (Art. 6(3), last subparagraph)",
        "fr": "Le système fait-il du profilage de personnes physiques (évaluer des aspects personnels : rendement au travail, fiabilité, comportement...) ? (art. 6(3), dernier alinéa)",
    },
    "ai_act.q.exception": {
        "en": "Does the system pose no significant risk because it only does one of these (Art. 6(3))? Give it, or none",
        "fr": "Le système ne présente-t-il pas de risque important parce qu'il fait seulement l'une de ces tâches (art. 6(3)) ? Indiquez-la, ou none",
    },
    "ai_act.q.transparency": {
        "en": "Which transparency cases apply (Art. 50)? List them, or leave empty",
        "fr": "Quels cas de transparence s'appliquent (art. 50) ? Listez-les, ou laissez vide",
    },
    "ai_act.q.gpai": {
        "en": "Does your organisation provide a general-purpose AI model with this system (train or fine-tune and release it, not merely use one)? none, general, or systemic (systemic risk, Art. 51)",
        "fr": "Votre organisation fournit-elle un modèle d'IA à usage général avec ce système (l'entraîne ou l'affine et le diffuse, pas seulement l'utilise) ? none, general, ou systemic (risque systémique, art. 51)",
    },
    "ai_act.gpai.none": {"en": "no", "fr": "non"},
    "ai_act.gpai.general": {"en": "general-purpose AI model", "fr": "modèle d'IA à usage général"},
    "ai_act.gpai.systemic": {"en": "model with systemic risk", "fr": "modèle à risque systémique"},
    "ai_act.classify.unknown_key": {
        "en": "{where}: unknown question {key} (questions: {keys})",
        "fr": "{where} : question inconnue {key} (questions : {keys})",
    },
    "ai_act.classify.missing": {
        "en": "{where}: question {key} is not answered",
        "fr": "{where} : la question {key} n'a pas de réponse",
    },
    "ai_act.classify.bad_value": {
        "en": "{where}: {value!r} is not an answer to {key}",
        "fr": "{where} : {value!r} n'est pas une réponse à {key}",
    },
    "ai_act.classify.expected": {
        "en": "expected: {expected}",
        "fr": "attendu : {expected}",
    },
    "ai_act.classify.not_a_mapping": {
        "en": "{where}: the answers file holds one mapping question -> answer",
        "fr": "{where} : le fichier de réponses contient un seul mapping question -> réponse",
    },
    "ai_act.classify.unreadable": {
        "en": "{where}: cannot read the answers ({detail})",
        "fr": "{where} : réponses illisibles ({detail})",
    },
    "ai_act.classify.no_terminal": {
        "en": "no terminal to ask the questions: give the answers with --answers FILE",
        "fr": "pas de terminal pour poser les questions : donnez les réponses avec --answers FICHIER",
    },
    "ai_act.classify.retry": {
        "en": "not an answer; expected: {expected}",
        "fr": "réponse non valable ; attendu : {expected}",
    },
    "ai_act.classify.yes_no": {"en": "yes/no", "fr": "oui/non"},
    "ai_act.classify.result": {
        "en": "{id}: tier {tier}, role {role}",
        "fr": "{id} : niveau {tier}, rôle {role}",
    },
    "ai_act.classify.changed": {
        "en": "(was: tier {tier}, role {role})",
        "fr": "(avant : niveau {tier}, rôle {role})",
    },
    "ai_act.classify.basis": {"en": "legal basis: {basis}", "fr": "base juridique : {basis}"},
    "ai_act.classify.annex_iii": {
        "en": "Annex III {point}: {label}",
        "fr": "Annexe III {point} : {label}",
    },
    "ai_act.classify.obligations": {
        "en": "obligations that apply ({count}):",
        "fr": "obligations applicables ({count}) :",
    },
    "ai_act.classify.obligation": {
        "en": "  {articles}  {title} [{id}], from {date}: {state}",
        "fr": "  {articles}  {title} [{id}], à partir du {date} : {state}",
    },
    "ai_act.classify.none": {"en": "  none", "fr": "  aucune"},
    "ai_act.classify.written": {"en": "written: {path}", "fr": "écrit : {path}"},
    "ai_act.classify.dry_run": {
        "en": "--dry-run: nothing written",
        "fr": "--dry-run : rien n'a été écrit",
    },
    "ai_act.classify.disclaimer": {
        "en": "a proposal to confirm with your legal counsel, not legal advice (docs/compliance.md)",
        "fr": "une proposition à confirmer avec votre juriste, pas un avis juridique (docs/compliance.md)",
    },
    # aip compliance
    "ai_act.report.title": {
        "en": "EU AI Act compliance on {date}",
        "fr": "Conformité AI Act au {date}",
    },
    "ai_act.report.coverage": {
        "en": "Portfolio: {closed}/{total} obligations done or not applicable ({coverage}); {overdue} overdue",
        "fr": "Portefeuille : {closed}/{total} obligations faites ou sans objet ({coverage}) ; {overdue} en retard",
    },
    "ai_act.report.unassessed": {
        "en": "Not classified yet (no obligation derived): {ids}",
        "fr": "Pas encore classés (aucune obligation déduite) : {ids}",
    },
    "ai_act.report.role_assumed": {
        "en": "* role not recorded: deployer assumed (`aip classify` records it)",
        "fr": "* rôle non renseigné : déployeur supposé (`aip classify` le renseigne)",
    },
    "ai_act.report.usecases": {"en": "Coverage per use case", "fr": "Couverture par cas d'usage"},
    "ai_act.report.deadlines": {
        "en": "Open obligations due within {days} days (⚠: passed)",
        "fr": "Obligations ouvertes dues sous {days} jours (⚠ : échéance passée)",
    },
    "ai_act.report.gaps": {"en": "Gaps by role and tier", "fr": "Écarts par rôle et niveau"},
    "ai_act.report.dates": {"en": "Application dates", "fr": "Dates d'application"},
    "ai_act.report.empty": {"en": "(none)", "fr": "(aucun)"},
    "ai_act.report.summary": {
        "en": "{closed}/{total} obligations closed, {overdue} overdue",
        "fr": "{closed}/{total} obligations closes, {overdue} en retard",
    },
    "ai_act.col.usecase": {"en": "Use case", "fr": "Cas d'usage"},
    "ai_act.col.status": {"en": "Status", "fr": "Statut"},
    "ai_act.col.tier": {"en": "Tier", "fr": "Niveau"},
    "ai_act.col.role": {"en": "Role", "fr": "Rôle"},
    "ai_act.col.annex_iii": {"en": "Annex III", "fr": "Annexe III"},
    "ai_act.col.closed": {"en": "Closed", "fr": "Closes"},
    "ai_act.col.coverage": {"en": "Coverage", "fr": "Couverture"},
    "ai_act.col.overdue": {"en": "Overdue", "fr": "En retard"},
    "ai_act.col.deadline": {"en": "Deadline", "fr": "Échéance"},
    "ai_act.col.articles": {"en": "Articles", "fr": "Articles"},
    "ai_act.col.obligation": {"en": "Obligation", "fr": "Obligation"},
    "ai_act.col.state": {"en": "State", "fr": "État"},
    "ai_act.col.owner": {"en": "Owner", "fr": "Responsable"},
    "ai_act.col.usecases": {"en": "Use cases", "fr": "Cas d'usage"},
    "ai_act.col.open": {"en": "Open", "fr": "Ouvertes"},
    "ai_act.col.total": {"en": "Total", "fr": "Total"},
    "ai_act.col.group": {"en": "Group", "fr": "Groupe"},
    "ai_act.col.applies": {"en": "Applies from", "fr": "S'applique à partir du"},
    "ai_act.col.as_of": {"en": "As of", "fr": "Connu au"},
    "ai_act.col.source": {"en": "Source", "fr": "Source"},
    "ai_act.col.when": {"en": "When", "fr": "Quand"},
    "ai_act.group.prohibited": {
        "en": "Art. 5 prohibited practices",
        "fr": "Art. 5 pratiques interdites",
    },
    "ai_act.group.literacy": {"en": "Art. 4 AI literacy", "fr": "Art. 4 maîtrise de l'IA"},
    "ai_act.group.gpai": {
        "en": "GPAI models (Art. 51-55)",
        "fr": "Modèles d'IA à usage général (art. 51-55)",
    },
    "ai_act.group.transparency": {"en": "Art. 50 transparency", "fr": "Art. 50 transparence"},
    "ai_act.group.annex_iii": {"en": "High-risk, Annex III", "fr": "Haut risque, annexe III"},
    "ai_act.group.annex_i": {"en": "High-risk, Annex I", "fr": "Haut risque, annexe I"},
    # aip diff
    "ai_act.diff.role": {"en": "role {old} → {new}", "fr": "rôle {old} → {new}"},
    "ai_act.diff.tier": {"en": "AI Act tier {old} → {new}", "fr": "niveau AI Act {old} → {new}"},
    "ai_act.diff.classification": {
        "en": "AI Act classification changed",
        "fr": "classification AI Act modifiée",
    },
    "ai_act.diff.added": {
        "en": "{cause}: {articles} now apply",
        "fr": "{cause} : {articles} s'appliquent désormais",
    },
    "ai_act.diff.removed": {
        "en": "{cause}: {articles} no longer apply",
        "fr": "{cause} : {articles} ne s'appliquent plus",
    },
    # aip dashboard
    "dashboard.ind.ai_act_coverage": {
        "en": "AI Act obligations covered",
        "fr": "Obligations AI Act couvertes",
    },
    "dashboard.ind.ai_act_coverage.def": {
        "en": "Share of the AI Act obligations that apply to the active entries (by role, tier and classification) that are done or not applicable (`aip compliance` details them).",
        "fr": "Part des obligations AI Act applicables aux entrées actives (selon rôle, niveau et classification) qui sont faites ou sans objet (`aip compliance` les détaille).",
    },
    # aip plan
    "plan.warning.compliance_deadline": {
        "en": "{id} is planned in a wave that ends after one of its open AI Act obligations falls due: plan that work first (`aip compliance`)",
        "fr": "{id} est prévu dans une vague qui finit après l'échéance d'une de ses obligations AI Act ouvertes : planifiez ce travail d'abord (`aip compliance`)",
    },
}
