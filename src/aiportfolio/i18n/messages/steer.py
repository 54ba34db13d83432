"""Messages of the steer domain: aip tco, aip dashboard, aip agenda, aip doctor."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- shared --------------------------------------------------------------------------
    "steer.review.security_review": {"en": "security review", "fr": "revue sécurité"},
    "steer.review.legal_review": {"en": "legal review", "fr": "revue juridique"},
    "steer.trend.improving": {"en": "improving", "fr": "en progrès"},
    "steer.trend.worsening": {"en": "worsening", "fr": "en recul"},
    "steer.trend.flat": {"en": "flat", "fr": "stable"},
    "steer.trend.none": {"en": "no trend yet", "fr": "pas encore de tendance"},
    "steer.wave": {"en": "wave {id}", "fr": "vague {id}"},
    "steer.no_wave": {"en": "no wave", "fr": "hors vague"},
    "steer.none": {"en": "none", "fr": "aucun"},
    "steer.col.usecase": {"en": "Use case", "fr": "Cas d'usage"},
    "steer.col.owner": {"en": "Owner", "fr": "Owner"},
    "steer.col.status": {"en": "Status", "fr": "Statut"},
    "steer.col.category": {"en": "Category", "fr": "Catégorie"},
    "steer.col.why": {"en": "Why", "fr": "Pourquoi"},
    "steer.no_owner": {"en": "no owner", "fr": "sans owner"},
    "steer.no_usecases": {
        "en": "no valid use case in the register",
        "fr": "aucun cas d'usage valide dans le registre",
    },
    # --- tco -----------------------------------------------------------------------------
    "tco.title": {"en": "Total cost of ownership", "fr": "Coût total de possession (TCO)"},
    "tco.intro": {
        "en": "One-off costs plus monthly costs over each use case's horizon; gain = annual gain hypothesis prorated; ROI = (gain − TCO) / TCO; payback = first month where cumulative gain covers cumulative cost (one-off paid at month 0).",
        "fr": "Coûts ponctuels plus coûts mensuels sur l'horizon de chaque cas d'usage ; gain = hypothèse de gain annuel au prorata ; ROI = (gain − TCO) / TCO ; délai de retour = premier mois où le gain cumulé couvre le coût cumulé (ponctuel payé au mois 0).",
    },
    "tco.col.horizon": {"en": "Horizon", "fr": "Horizon"},
    "tco.col.tco": {"en": "TCO", "fr": "TCO"},
    "tco.col.non_vendor": {"en": "Not vendor", "fr": "Hors éditeur"},
    "tco.col.gain": {"en": "Gain", "fr": "Gain"},
    "tco.col.roi": {"en": "ROI", "fr": "ROI"},
    "tco.col.payback": {"en": "Payback", "fr": "Délai de retour"},
    "tco.col.count": {"en": "Entries", "fr": "Entrées"},
    "tco.col.family": {"en": "Cost family", "fr": "Famille de coût"},
    "tco.col.one_off": {"en": "One-off", "fr": "Ponctuel"},
    "tco.col.monthly": {"en": "Monthly", "fr": "Mensuel"},
    "tco.col.over": {"en": "Over horizon", "fr": "Sur l'horizon"},
    "tco.months": {"en": "{n} months", "fr": "{n} mois"},
    "tco.payback.month": {"en": "month {n}", "fr": "mois {n}"},
    "tco.payback.never": {"en": "not within {n} months", "fr": "pas en {n} mois"},
    "tco.payback.no_gain": {"en": "no gain", "fr": "pas de gain"},
    "tco.model_only": {
        "en": "model cost only: integration, evaluation, change management missing?",
        "fr": "coût du modèle seul : intégration, évaluation, conduite du changement manquantes ?",
    },
    "tco.flags": {"en": "Budgets to complete", "fr": "Budgets à compléter"},
    "tco.by_category": {"en": "By category", "fr": "Par catégorie"},
    "tco.by_wave": {"en": "By wave", "fr": "Par vague"},
    "tco.total": {"en": "Portfolio", "fr": "Portefeuille"},
    "tco.gain_missing": {
        "en": "{count} entries without a gain hypothesis in euros count as zero gain.",
        "fr": "{count} entrées sans hypothèse de gain en euros comptent pour un gain nul.",
    },
    "tco.detail.costs": {"en": "Costs by family", "fr": "Coûts par famille"},
    "tco.no_cost": {
        "en": "no cost line: add costs.one_off and costs.monthly",
        "fr": "aucune ligne de coût : ajoutez costs.one_off et costs.monthly",
    },
    # --- dashboard -----------------------------------------------------------------------
    "dashboard.title": {"en": "AI portfolio dashboard", "fr": "Tableau de bord du portefeuille IA"},
    "dashboard.asof": {
        "en": "As of {date}. A KPI is stale after {days} days without a measurement.",
        "fr": "Au {date}. Un KPI est périmé après {days} jours sans mesure.",
    },
    "dashboard.portfolio": {"en": "Portfolio indicators", "fr": "Indicateurs du portefeuille"},
    "dashboard.usecases": {"en": "Use cases", "fr": "Cas d'usage"},
    "dashboard.chart": {
        "en": "North Star progress toward target (%)",
        "fr": "Progression des KPI North Star vers la cible (%)",
    },
    "dashboard.col.level": {"en": "Level", "fr": "Niveau"},
    "dashboard.col.indicator": {"en": "Indicator", "fr": "Indicateur"},
    "dashboard.col.value": {"en": "Value", "fr": "Valeur"},
    "dashboard.col.definition": {"en": "Definition", "fr": "Définition"},
    "dashboard.col.kpi": {"en": "KPI", "fr": "KPI"},
    "dashboard.col.baseline": {"en": "Baseline", "fr": "Baseline"},
    "dashboard.col.latest": {"en": "Latest", "fr": "Dernière mesure"},
    "dashboard.col.target": {"en": "Target", "fr": "Cible"},
    "dashboard.col.progress": {"en": "Progress", "fr": "Progression"},
    "dashboard.col.trend": {"en": "Trend", "fr": "Tendance"},
    "dashboard.col.freshness": {"en": "Freshness", "fr": "Fraîcheur"},
    "dashboard.never": {"en": "never measured", "fr": "jamais mesuré"},
    "dashboard.age": {"en": "{days} d ago", "fr": "il y a {days} j"},
    "dashboard.stale": {"en": "STALE", "fr": "PÉRIMÉ"},
    "dashboard.north_star": {"en": "North Star", "fr": "North Star"},
    "dashboard.lower": {"en": "lower is better", "fr": "plus bas = mieux"},
    "dashboard.of": {"en": "{num} of {den}", "fr": "{num} sur {den}"},
    "dashboard.n": {"en": "n = {den}", "fr": "n = {den}"},
    "dashboard.per_month": {"en": "{amount}/month", "fr": "{amount}/mois"},
    "dashboard.none": {
        "en": "No active use case has a KPI yet.",
        "fr": "Aucun cas d'usage actif n'a encore de KPI.",
    },
    "dashboard.ind.north_star_progress": {
        "en": "North Star progress (median)",
        "fr": "Progression North Star (médiane)",
    },
    "dashboard.ind.north_star_progress.def": {
        "en": "Median, over entries in pilot or beyond, of (latest − baseline) / (target − baseline) of the North Star KPI.",
        "fr": "Médiane, sur les entrées en pilote ou au-delà, de (dernière mesure − baseline) / (cible − baseline) du KPI North Star.",
    },
    "dashboard.ind.targets_reached": {
        "en": "Impact targets reached",
        "fr": "Cibles d'impact atteintes",
    },
    "dashboard.ind.targets_reached.def": {
        "en": "Impact KPIs at or beyond their target, among impact KPIs with a baseline, a target and a measurement (pilot or beyond).",
        "fr": "KPI d'impact à la cible ou au-delà, parmi les KPI d'impact avec baseline, cible et mesure (pilote ou au-delà).",
    },
    "dashboard.ind.impact_improving": {"en": "Impact improving", "fr": "Impact en progrès"},
    "dashboard.ind.impact_improving.def": {
        "en": "Impact KPIs whose last measurements move toward the target, among those with two measurements or more.",
        "fr": "KPI d'impact dont les dernières mesures vont vers la cible, parmi ceux qui ont au moins deux mesures.",
    },
    "dashboard.ind.impact_measured": {
        "en": "Pilots with measured impact",
        "fr": "Pilotes à l'impact mesuré",
    },
    "dashboard.ind.impact_measured.def": {
        "en": "Entries in pilot or beyond with an impact KPI that has a baseline and a measurement.",
        "fr": "Entrées en pilote ou au-delà avec un KPI d'impact doté d'une baseline et d'une mesure.",
    },
    "dashboard.ind.adoption_progress": {
        "en": "Adoption progress (median)",
        "fr": "Progression de l'adoption (médiane)",
    },
    "dashboard.ind.adoption_progress.def": {
        "en": "Median progress toward target of the adoption KPIs (useful usage, team coverage) of entries in pilot or beyond.",
        "fr": "Progression médiane vers la cible des KPI d'adoption (usage utile, couverture des équipes) des entrées en pilote ou au-delà.",
    },
    "dashboard.ind.owner_coverage": {
        "en": "Entries with a business owner",
        "fr": "Entrées avec un owner métier",
    },
    "dashboard.ind.owner_coverage.def": {
        "en": "Active entries whose business owner is named.",
        "fr": "Entrées actives dont l'owner métier est nommé.",
    },
    "dashboard.ind.integrated": {
        "en": "Pilots in a daily tool",
        "fr": "Pilotes dans un outil du quotidien",
    },
    "dashboard.ind.integrated.def": {
        "en": "Entries in pilot or beyond whose integration tool (where users work) is given.",
        "fr": "Entrées en pilote ou au-delà dont l'outil d'intégration (où travaillent les utilisateurs) est renseigné.",
    },
    "dashboard.ind.adoption_falling": {
        "en": "Adoption KPIs falling",
        "fr": "KPI d'adoption en recul",
    },
    "dashboard.ind.adoption_falling.def": {
        "en": "Adoption KPIs whose last measurements move away from the target (usage falling, workarounds).",
        "fr": "KPI d'adoption dont les dernières mesures s'éloignent de la cible (usage en baisse, contournements).",
    },
    "dashboard.ind.quality_progress": {
        "en": "Quality & guardrails progress (median)",
        "fr": "Progression qualité & garde-fous (médiane)",
    },
    "dashboard.ind.quality_progress.def": {
        "en": "Median progress toward target of the quality & guardrails KPIs (non-compliant answers, escalations, incidents, variable cost).",
        "fr": "Progression médiane vers la cible des KPI qualité & garde-fous (réponses non conformes, escalades, incidents, coût variable).",
    },
    "dashboard.ind.fresh_kpis": {"en": "KPIs measured on time", "fr": "KPI mesurés à temps"},
    "dashboard.ind.fresh_kpis.def": {
        "en": "KPIs of entries in pilot or beyond measured within the monthly review cadence.",
        "fr": "KPI des entrées en pilote ou au-delà mesurés dans la cadence de la revue mensuelle.",
    },
    "dashboard.ind.reviews_done": {
        "en": "Triggered risk reviews done",
        "fr": "Revues de risque déclenchées faites",
    },
    "dashboard.ind.reviews_done.def": {
        "en": "Entries whose risk level triggers the security and legal reviews (high risk, red data, AI Act high) with both reviews dated.",
        "fr": "Entrées dont le niveau de risque déclenche les revues sécurité et juridique (risque élevé, données rouges, AI Act haut) avec les deux revues datées.",
    },
    "dashboard.ind.variable_cost": {
        "en": "Variable cost of pilots",
        "fr": "Coût variable des pilotes",
    },
    "dashboard.ind.variable_cost.def": {
        "en": "Monthly vendor/API and infrastructure lines of the entries in pilot or beyond.",
        "fr": "Lignes mensuelles éditeur/API et infrastructure des entrées en pilote ou au-delà.",
    },
    # --- agenda --------------------------------------------------------------------------
    "agenda.committee.title": {"en": "Portfolio committee", "fr": "Comité portefeuille"},
    "agenda.monthly.title": {
        "en": "Monthly portfolio review",
        "fr": "Revue mensuelle du portefeuille",
    },
    "agenda.quarterly.title": {
        "en": "Quarterly portfolio review",
        "fr": "Revue trimestrielle du portefeuille",
    },
    "agenda.date": {"en": "Meeting of {date}", "fr": "Séance du {date}"},
    "agenda.committee.window": {
        "en": "Previous meeting {last}, next meeting {next} (every {days} days).",
        "fr": "Séance précédente le {last}, prochaine le {next} (tous les {days} jours).",
    },
    "agenda.decisions_due": {
        "en": "Decisions due before the next meeting",
        "fr": "Décisions à prendre avant la prochaine séance",
    },
    "agenda.col.decision_date": {"en": "Decision date", "fr": "Date de décision"},
    "agenda.col.next_step": {"en": "Next step", "fr": "Prochaine étape"},
    "agenda.blocked": {"en": "Blocked entries", "fr": "Entrées bloquées"},
    "agenda.blocked.intro": {
        "en": "Blocked: fails the gate (aip check errors), decision date passed, in pilot without the reviews its risk level requires, or a dependency missing, stopped or behind.",
        "fr": "Bloquée : bloquée au contrôle (erreurs d'aip check), date de décision dépassée, en pilote sans les revues exigées par son niveau de risque, ou dépendance absente, arrêtée ou en retard.",
    },
    "agenda.blocked.decision_past": {
        "en": "decision date {date} passed {days} days ago",
        "fr": "date de décision {date} dépassée de {days} jours",
    },
    "agenda.blocked.review": {"en": "in pilot without {reviews}", "fr": "en pilote sans {reviews}"},
    "agenda.blocked.dep_missing": {
        "en": "depends on {dep}, not in the register",
        "fr": "dépend de {dep}, absent du registre",
    },
    "agenda.blocked.dep_stopped": {
        "en": "depends on {dep}, stopped",
        "fr": "dépend de {dep}, arrêté",
    },
    "agenda.blocked.dep_behind": {
        "en": "depends on {dep}, still at {status}",
        "fr": "dépend de {dep}, encore en {status}",
    },
    "agenda.new_entries": {
        "en": "New entries since the last meeting",
        "fr": "Nouvelles entrées depuis la dernière séance",
    },
    "agenda.col.added": {"en": "Added", "fr": "Ajouté le"},
    "agenda.col.file": {"en": "File", "fr": "Fichier"},
    "agenda.new.gone": {"en": "(no longer a valid entry)", "fr": "(n'est plus une entrée valide)"},
    "agenda.git.no_git": {
        "en": "git is not installed: new entries cannot be listed.",
        "fr": "git n'est pas installé : les nouvelles entrées ne peuvent pas être listées.",
    },
    "agenda.git.not_a_repo": {
        "en": "The register is not a git repository: new entries cannot be listed.",
        "fr": "Le registre n'est pas un dépôt git : les nouvelles entrées ne peuvent pas être listées.",
    },
    "agenda.git.timeout": {
        "en": "git log took too long: new entries are not listed.",
        "fr": "git log a pris trop de temps : les nouvelles entrées ne sont pas listées.",
    },
    "agenda.reviews_due": {
        "en": "Risk reviews triggered and not done",
        "fr": "Revues de risque déclenchées et non faites",
    },
    "agenda.review.missing": {"en": "missing: {reviews}", "fr": "manquante(s) : {reviews}"},
    "agenda.col.risk": {"en": "Risk", "fr": "Risque"},
    "agenda.nothing": {"en": "Nothing.", "fr": "Rien."},
    "agenda.kpis": {"en": "KPI progress and staleness", "fr": "Progression et fraîcheur des KPI"},
    "agenda.costs": {"en": "Costs against TCO", "fr": "Coûts face au TCO"},
    "agenda.costs.intro": {
        "en": "Planned spend to date = one-off + monthly × months since the pilot started (first go decision); actual spend is not in the register.",
        "fr": "Dépense prévue à date = ponctuel + mensuel × mois depuis le début du pilote (première décision go) ; la dépense réelle n'est pas dans le registre.",
    },
    "agenda.col.started": {"en": "Pilot started", "fr": "Début du pilote"},
    "agenda.col.to_date": {"en": "Planned to date", "fr": "Prévu à date"},
    "agenda.col.consumed": {"en": "Of TCO", "fr": "Part du TCO"},
    "agenda.risks": {"en": "Risks", "fr": "Risques"},
    "agenda.risk.high": {"en": "high risk level", "fr": "niveau de risque élevé"},
    "agenda.risk.red": {"en": "red data", "fr": "données rouges"},
    "agenda.risk.ai_act": {"en": "AI Act tier {tier}", "fr": "AI Act : niveau {tier}"},
    "agenda.risk.personal_data": {"en": "personal data", "fr": "données personnelles"},
    "agenda.risk.critical": {"en": "critical decision", "fr": "décision critique"},
    "agenda.risk.unassessed": {
        "en": "risk level not assessed",
        "fr": "niveau de risque non évalué",
    },
    "agenda.proposals": {"en": "Proposals per pilot", "fr": "Propositions par pilote"},
    "agenda.col.proposal": {"en": "Proposal", "fr": "Proposition"},
    "agenda.why.no_owner": {
        "en": "no business owner: stop or reframe",
        "fr": "pas d'owner métier : arrêter ou recadrer",
    },
    "agenda.why.no_measurement": {
        "en": "no KPI with a baseline and a measurement: stop or reframe",
        "fr": "aucun KPI avec baseline et mesure : arrêter ou recadrer",
    },
    "agenda.why.review": {
        "en": "complete the {reviews} first",
        "fr": "compléter d'abord : {reviews}",
    },
    "agenda.why.stale": {
        "en": "{kpi} not measured for {days} days: measure before deciding",
        "fr": "{kpi} non mesuré depuis {days} jours : mesurer avant de décider",
    },
    "agenda.why.no_target": {
        "en": "{kpi} has no baseline or target",
        "fr": "{kpi} n'a pas de baseline ou de cible",
    },
    "agenda.why.reached": {
        "en": "{kpi} at {progress} of target",
        "fr": "{kpi} à {progress} de la cible",
    },
    "agenda.why.no_gain": {
        "en": "{kpi} at {progress} after {n} measurements: no gain over the baseline",
        "fr": "{kpi} à {progress} après {n} mesures : aucun gain sur la baseline",
    },
    "agenda.why.on_track": {
        "en": "{kpi} at {progress} of target, on track",
        "fr": "{kpi} à {progress} de la cible, en bonne voie",
    },
    "agenda.why.slow": {
        "en": "{kpi} at {progress} of target: adjust and measure again",
        "fr": "{kpi} à {progress} de la cible : ajuster et mesurer à nouveau",
    },
    "agenda.waves": {"en": "Budget and capacity per wave", "fr": "Budget et capacité par vague"},
    "agenda.waves.intro": {
        "en": "One-off budget, effort and pilots of the active entries planned in each wave, against the wave's capacity.",
        "fr": "Budget ponctuel, effort et pilotes des entrées actives planifiées dans chaque vague, face à la capacité de la vague.",
    },
    "agenda.col.wave": {"en": "Wave", "fr": "Vague"},
    "agenda.col.budget": {"en": "One-off budget / capacity", "fr": "Budget ponctuel / capacité"},
    "agenda.col.effort": {
        "en": "Effort / capacity (person-weeks)",
        "fr": "Effort / capacité (semaines-personnes)",
    },
    "agenda.col.pilots": {"en": "Pilots / max", "fr": "Pilotes / max"},
    "agenda.over": {"en": "OVER", "fr": "DÉPASSÉ"},
    "agenda.categories": {"en": "Budget per category", "fr": "Budget par catégorie"},
    "agenda.balance": {"en": "Balance against target", "fr": "Équilibre face à la cible"},
    "agenda.col.group": {"en": "Group", "fr": "Groupe"},
    "agenda.col.target": {"en": "Target", "fr": "Cible"},
    "agenda.col.by_count": {"en": "By count", "fr": "En nombre"},
    "agenda.col.by_budget": {"en": "By budget", "fr": "En budget"},
    "agenda.off_target": {"en": "off target", "fr": "hors cible"},
    "agenda.candidates": {
        "en": "Candidates to reallocate from",
        "fr": "Candidats à la réallocation",
    },
    "agenda.candidates.intro": {
        "en": "Pilots proposed for stop, entries without measurement, negative ROI over the horizon, or not yet started and below the feasibility floor; largest TCO first.",
        "fr": "Pilotes proposés à l'arrêt, entrées sans mesure, ROI négatif sur l'horizon, ou pas encore démarrées et sous le plancher de faisabilité ; TCO le plus élevé d'abord.",
    },
    "agenda.realloc.roi": {"en": "ROI {roi} over the horizon", "fr": "ROI {roi} sur l'horizon"},
    "agenda.realloc.floor": {
        "en": "feasibility {feasibility} below the floor {floor}",
        "fr": "faisabilité {feasibility} sous le plancher {floor}",
    },
    # --- doctor --------------------------------------------------------------------------
    "doctor.title": {"en": "Portfolio diagnostic", "fr": "Diagnostic du portefeuille"},
    "doctor.asof": {
        "en": "As of {date}, {count} active entries.",
        "fr": "Au {date}, {count} entrées actives.",
    },
    "doctor.level.ok": {"en": "ok", "fr": "ok"},
    "doctor.level.warning": {"en": "warning", "fr": "attention"},
    "doctor.level.alert": {"en": "ALERT", "fr": "ALERTE"},
    "doctor.signal.tool_first": {
        "en": "Projects chosen because a tool was bought, not because a KPI is targeted",
        "fr": "Projets choisis parce qu'un outil a été acheté, pas parce qu'un KPI est visé",
    },
    "doctor.signal.no_owner": {
        "en": "Topics without an identified business owner",
        "fr": "Sujets sans owner métier identifié",
    },
    "doctor.signal.no_top3": {
        "en": "Nobody can state the 3 priority use cases and why",
        "fr": "Personne ne peut citer les 3 cas d'usage prioritaires et pourquoi",
    },
    "doctor.signal.not_integrated": {
        "en": "Pilots not integrated in daily tools, usage falling",
        "fr": "Pilotes non intégrés aux outils du quotidien, usage en baisse",
    },
    "doctor.signal.late_compliance": {
        "en": "Compliance arrives at the end of the project",
        "fr": "La conformité arrive en fin de projet",
    },
    "doctor.signal.cost_drift": {
        "en": "Variable costs rise with no clear link to impact",
        "fr": "Les coûts variables montent sans lien clair avec l'impact",
    },
    "doctor.figure.share": {
        "en": "{count} of {total} active entries",
        "fr": "{count} sur {total} entrées actives",
    },
    "doctor.figure.share_piloted": {
        "en": "{count} of {total} entries in pilot or beyond",
        "fr": "{count} sur {total} entrées en pilote ou au-delà",
    },
    "doctor.figure.top": {
        "en": "{count} of {total} active entries not yet delivered, passing the gate, fully scored and above the feasibility floor ({n} needed)",
        "fr": "{count} sur {total} entrées actives pas encore livrées, qui passent le contrôle, entièrement notées et au-dessus du plancher de faisabilité ({n} nécessaires)",
    },
    "doctor.figure.reviews": {
        "en": "{count} of {total} entries that trigger risk reviews",
        "fr": "{count} sur {total} entrées qui déclenchent des revues de risque",
    },
    "doctor.figure.entries": {"en": "{count} entries", "fr": "{count} entrées"},
    "doctor.ev.tool_first": {
        "en": "vendor {vendor} named, no KPI with a baseline and a target",
        "fr": "éditeur {vendor} nommé, aucun KPI avec baseline et cible",
    },
    "doctor.ev.no_owner": {
        "en": "no business owner ({status})",
        "fr": "pas d'owner métier ({status})",
    },
    "doctor.ev.top": {
        "en": "rank {rank}: score {score}, feasibility {feasibility}",
        "fr": "n°{rank} : score {score}, faisabilité {feasibility}",
    },
    "doctor.ev.tie": {
        "en": "ties with the 3rd at {score}: the top 3 is not clear-cut",
        "fr": "à égalité avec le n°3 à {score} : le top 3 n'est pas tranché",
    },
    "doctor.ev.unscored": {
        "en": "not fully scored (missing: {missing})",
        "fr": "notation incomplète (manque : {missing})",
    },
    "doctor.ev.below_floor": {
        "en": "feasibility {feasibility} below the floor {floor}",
        "fr": "faisabilité {feasibility} sous le plancher {floor}",
    },
    "doctor.ev.no_tool": {
        "en": "{status} with no integration tool",
        "fr": "{status} sans outil d'intégration",
    },
    "doctor.ev.adoption_falling": {
        "en": "adoption KPI {kpi} falling: {values}",
        "fr": "KPI d'adoption {kpi} en recul : {values}",
    },
    "doctor.ev.security_review.missing": {
        "en": "{status} without a security review",
        "fr": "{status} sans revue sécurité",
    },
    "doctor.ev.legal_review.missing": {
        "en": "{status} without a legal review",
        "fr": "{status} sans revue juridique",
    },
    "doctor.ev.security_review.late": {
        "en": "security review on {review}, {days} days after the pilot started ({start})",
        "fr": "revue sécurité le {review}, {days} jours après le début du pilote ({start})",
    },
    "doctor.ev.legal_review.late": {
        "en": "legal review on {review}, {days} days after the pilot started ({start})",
        "fr": "revue juridique le {review}, {days} jours après le début du pilote ({start})",
    },
    "doctor.ev.cost_rising": {
        "en": "{kpi} rose from {first} to {last} {unit} while no impact KPI improves",
        "fr": "{kpi} est passé de {first} à {last} {unit} sans qu'aucun KPI d'impact ne progresse",
    },
    "doctor.ev.cost_unmeasured": {
        "en": "{monthly} per month of vendor/infrastructure costs, impact never measured (TCO {tco})",
        "fr": "{monthly} par mois de coûts éditeur/infrastructure, impact jamais mesuré (TCO {tco})",
    },
    "doctor.triage": {"en": "Triage of pilots (METHOD §9)", "fr": "Tri des pilotes (méthode §9)"},
    "doctor.triage.none": {
        "en": "No entry in pilot or industrialising.",
        "fr": "Aucune entrée en pilote ou en industrialisation.",
    },
    "doctor.verdict.stop_or_reframe": {"en": "stop or reframe", "fr": "arrêter ou recadrer"},
    "doctor.verdict.continue": {"en": "continue", "fr": "continuer"},
    "doctor.verdict.industrialise": {"en": "industrialise", "fr": "industrialiser"},
    "doctor.triage.no_owner": {"en": "no business owner", "fr": "pas d'owner métier"},
    "doctor.triage.no_measurement": {
        "en": "no KPI with a baseline and a measurement",
        "fr": "aucun KPI avec baseline et mesure",
    },
    "doctor.triage.reached": {
        "en": "{kpi} reached its target ({progress})",
        "fr": "{kpi} a atteint sa cible ({progress})",
    },
    "doctor.triage.no_progress": {
        "en": "{kpi} measured, no target to compare with",
        "fr": "{kpi} mesuré, sans cible de comparaison",
    },
    "doctor.triage.progress": {
        "en": "{kpi} at {progress} of target, {trend}",
        "fr": "{kpi} à {progress} de la cible, {trend}",
    },
    "doctor.summary": {
        "en": "{alerts} alert(s), {warnings} warning(s) over 6 signals",
        "fr": "{alerts} alerte(s), {warnings} avertissement(s) sur 6 signaux",
    },
    "doctor.col.signal": {"en": "Signal", "fr": "Signal"},
    "doctor.col.level": {"en": "Level", "fr": "Niveau"},
    "doctor.col.figure": {"en": "Measure", "fr": "Mesure"},
    "doctor.col.verdict": {"en": "Verdict", "fr": "Verdict"},
    "doctor.evidence": {"en": "Evidence", "fr": "Éléments"},
}
