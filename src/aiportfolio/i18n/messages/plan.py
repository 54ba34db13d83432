"""Messages of the plan domain: ``aip plan`` and ``aip roadmap``. Category and status names
are the shared ``label.*`` keys of ``core``."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- aip plan --------------------------------------------------------------------------
    "plan.title": {"en": "Wave plan", "fr": "Plan de vagues"},
    "plan.strategy.exact": {"en": "exact (HiGHS)", "fr": "exacte (HiGHS)"},
    "plan.strategy.greedy": {"en": "greedy", "fr": "gloutonne"},
    "plan.status.optimal": {"en": "proven optimal", "fr": "optimum prouvé"},
    "plan.status.time_limit": {
        "en": "time limit reached (best plan found)",
        "fr": "limite de temps atteinte (meilleur plan trouvé)",
    },
    "plan.status.feasible": {"en": "feasible", "fr": "réalisable"},
    "plan.status.infeasible": {
        "en": "no plan: constraints conflict",
        "fr": "aucun plan : contraintes en conflit",
    },
    "plan.status.empty": {"en": "nothing to plan", "fr": "rien à planifier"},
    "plan.header": {
        "en": "Strategy: {strategy} · status: {status} · objective {objective} · bound {bound} · gap {gap} · {seconds}",
        "fr": "Stratégie : {strategy} · statut : {status} · objectif {objective} · borne {bound} · écart {gap} · {seconds}",
    },
    "plan.objective_rule": {
        "en": "Objective: sum of {weight} x {discount}^(wave - 1) over scheduled entries; greedy baseline {greedy}",
        "fr": "Objectif : somme de {weight} x {discount}^(vague - 1) sur les entrées planifiées ; référence gloutonne {greedy}",
    },
    "plan.weight.total": {"en": "total score", "fr": "score total"},
    "plan.weight.value": {"en": "value score", "fr": "score de valeur"},
    "plan.balance_off": {"en": "balance not enforced", "fr": "équilibre non imposé"},
    "plan.wave.header": {
        "en": "Wave {wave} — {name}{closed}: effort {effort} · budget {budget} · pilots {pilots} / {max_pilots}",
        "fr": "Vague {wave} — {name}{closed} : effort {effort} · budget {budget} · pilotes {pilots} / {max_pilots}",
    },
    "plan.wave.closed": {"en": " (ended)", "fr": " (terminée)"},
    "plan.unit.person_week": {"en": "{value} person-week", "fr": "{value} semaine-personne"},
    "plan.unit.person_weeks": {"en": "{value} person-weeks", "fr": "{value} semaines-personnes"},
    "plan.used.unlimited": {"en": "{used} (no limit)", "fr": "{used} (sans limite)"},
    "plan.wave.empty": {"en": "(nothing planned)", "fr": "(rien de planifié)"},
    "plan.unlimited": {"en": "no limit", "fr": "sans limite"},
    "plan.pinned": {"en": "pinned", "fr": "épinglé"},
    "plan.moved_from": {"en": "was wave {wave}", "fr": "était en vague {wave}"},
    "plan.new": {"en": "new", "fr": "nouveau"},
    "plan.unscheduled": {"en": "Unscheduled", "fr": "Non planifiés"},
    "plan.conflicts": {"en": "Conflicting constraints", "fr": "Contraintes en conflit"},
    "plan.warnings": {"en": "Warnings", "fr": "Avertissements"},
    "plan.balance": {
        "en": "Balance of the scheduled entries",
        "fr": "Équilibre des entrées planifiées",
    },
    "plan.balance.line": {
        "en": "{group}: {count} ({share}) — target {target} ± {tolerance} pts",
        "fr": "{group} : {count} ({share}) — cible {target} ± {tolerance} pts",
    },
    "plan.balance.line.off": {
        "en": "{group}: {count} ({share}) — target {target}, balance not enforced",
        "fr": "{group} : {count} ({share}) — cible {target}, équilibre non imposé",
    },
    "plan.by_wave": {"en": "wave {wave}: {reasons}", "fr": "vague {wave} : {reasons}"},
    "plan.by_wave.separator": {"en": "; ", "fr": " ; "},
    "plan.col.wave": {"en": "Wave", "fr": "Vague"},
    "plan.col.id": {"en": "ID", "fr": "ID"},
    "plan.col.usecase": {"en": "Use case", "fr": "Cas d'usage"},
    "plan.col.category": {"en": "Category", "fr": "Catégorie"},
    "plan.col.status": {"en": "Status", "fr": "Statut"},
    "plan.col.score": {"en": "Score", "fr": "Score"},
    "plan.col.effort": {"en": "Effort (person-weeks)", "fr": "Effort (semaines-personnes)"},
    "plan.col.one_off": {"en": "One-off cost", "fr": "Coût ponctuel"},
    "plan.col.note": {"en": "Note", "fr": "Remarque"},
    "plan.col.reason": {"en": "Reason", "fr": "Raison"},
    "plan.col.detail": {"en": "Detail", "fr": "Détail"},
    "plan.col.before": {"en": "Register", "fr": "Registre"},
    "plan.col.after": {"en": "Proposal", "fr": "Proposition"},
    "plan.col.change": {"en": "Change", "fr": "Changement"},
    "plan.summary.ok": {
        "en": "{scheduled} scheduled of {candidates} candidates, {unscheduled} left out; objective {objective} ({status})",
        "fr": "{scheduled} planifiés sur {candidates} candidats, {unscheduled} écartés ; objectif {objective} ({status})",
    },
    "plan.summary.conflict": {
        "en": "no plan: {count} conflict(s) between hard constraints; fix the register or the configuration",
        "fr": "aucun plan : {count} conflit(s) entre contraintes dures ; corrigez le registre ou la configuration",
    },
    "plan.no_waves": {
        "en": "no waves configured: aip plan needs waves in config/portfolio.yaml",
        "fr": "aucune vague configurée : aip plan a besoin de vagues dans config/portfolio.yaml",
    },
    "plan.no_waves.hint": {
        "en": "add a waves: list (id, name, dates, capacity); see docs/planning.md",
        "fr": "ajoutez une liste waves: (id, name, dates, capacity) ; voir docs/planning.md",
    },
    "plan.bad_discount": {
        "en": "--discount must be greater than 0 and at most 1, got {value}",
        "fr": "--discount doit être strictement positif et au plus 1, reçu {value}",
    },
    "plan.bad_time_limit": {
        "en": "--time-limit must be a positive number of seconds, got {value}",
        "fr": "--time-limit doit être un nombre de secondes positif, reçu {value}",
    },
    "plan.applied": {
        "en": "wrote plan.wave in {count} file(s)",
        "fr": "plan.wave écrit dans {count} fichier(s)",
    },
    "plan.applied.none": {
        "en": "the register already matches the proposal: nothing written",
        "fr": "le registre correspond déjà à la proposition : rien n'a été écrit",
    },
    "plan.apply_refused": {
        "en": "nothing written: there is no valid plan to apply",
        "fr": "rien n'a été écrit : aucun plan valide à appliquer",
    },
    # --- reasons an entry is left out ------------------------------------------------------
    "plan.reason.missing_scores": {"en": "missing scores", "fr": "notes manquantes"},
    "plan.reason.dependency": {"en": "dependency", "fr": "dépendance"},
    "plan.reason.closed_wave": {"en": "wave ended", "fr": "vague terminée"},
    "plan.reason.risk_gate": {"en": "risk gate", "fr": "porte de conformité"},
    "plan.reason.pilots": {"en": "parallel pilots", "fr": "pilotes en parallèle"},
    "plan.reason.capacity": {"en": "team capacity", "fr": "capacité de l'équipe"},
    "plan.reason.budget": {"en": "budget", "fr": "budget"},
    "plan.reason.balance": {"en": "category balance", "fr": "équilibre des catégories"},
    "plan.reason.solver_limit": {
        "en": "time limit (would fit)",
        "fr": "limite de temps (tiendrait)",
    },
    "plan.detail.missing": {"en": "missing: {items}", "fr": "manquant : {items}"},
    "plan.detail.blocked_by": {
        "en": "prerequisite not schedulable: {items}",
        "fr": "prérequis non planifiable : {items}",
    },
    # --- conflicts and violations ----------------------------------------------------------
    "plan.conflict.unknown_wave": {
        "en": "{ids} is pinned to wave {wave}, which is not configured",
        "fr": "{ids} est épinglé en vague {wave}, qui n'est pas configurée",
    },
    "plan.conflict.pinned_risk_gate": {
        "en": "{ids} is pinned to wave {wave} but needs a risk review: the risk gate opens at wave {limit} (planning.compliance_wave)",
        "fr": "{ids} est épinglé en vague {wave} mais exige une revue de risque : la porte de conformité ouvre en vague {limit} (planning.compliance_wave)",
    },
    "plan.conflict.pinned_dependency": {
        "en": "{ids} is pinned to wave {wave} but its prerequisite {detail} cannot sit in an earlier wave",
        "fr": "{ids} est épinglé en vague {wave} mais son prérequis {detail} ne peut pas être placé dans une vague antérieure",
    },
    "plan.conflict.capacity": {
        "en": "wave {wave}: pinned entries need {amount} person-weeks, capacity is {limit} ({ids})",
        "fr": "vague {wave} : les entrées épinglées demandent {amount} semaines-personnes, la capacité est de {limit} ({ids})",
    },
    "plan.conflict.budget": {
        "en": "wave {wave}: pinned entries cost {amount} one-off, budget is {limit} ({ids})",
        "fr": "vague {wave} : les entrées épinglées coûtent {amount} en ponctuel, le budget est de {limit} ({ids})",
    },
    "plan.conflict.pilots": {
        "en": "wave {wave}: {amount} pinned pilots, at most {limit} in parallel ({ids})",
        "fr": "vague {wave} : {amount} pilotes épinglés, au plus {limit} en parallèle ({ids})",
    },
    "plan.conflict.balance": {
        "en": "the category balance cannot be met with the pinned entries ({ids}); adjust balance.tolerance or use --no-balance",
        "fr": "l'équilibre des catégories ne peut pas être tenu avec les entrées épinglées ({ids}) ; ajustez balance.tolerance ou utilisez --no-balance",
    },
    "plan.conflict.balance_empty": {
        "en": "the category balance cannot be met: no plan with at least one entry keeps every group within its target ± balance.tolerance, so nothing would be scheduled ({ids}); add candidates to the other groups, widen balance.tolerance, or run aip plan --no-balance",
        "fr": "l'équilibre des catégories ne peut pas être tenu : aucun plan d'au moins une entrée ne garde chaque groupe dans sa cible ± balance.tolerance, rien ne serait planifié ({ids}) ; ajoutez des candidats dans les autres groupes, élargissez balance.tolerance ou lancez aip plan --no-balance",
    },
    "plan.conflict.balance_empty.groups": {
        "en": "the category balance cannot be met: no candidate can fill {detail}, so no plan with at least one entry keeps every group within its target ± balance.tolerance and nothing would be scheduled ({ids}); add candidates to {detail}, widen balance.tolerance, or run aip plan --no-balance",
        "fr": "l'équilibre des catégories ne peut pas être tenu : aucun candidat ne peut remplir {detail}, donc aucun plan d'au moins une entrée ne garde chaque groupe dans sa cible ± balance.tolerance et rien ne serait planifié ({ids}) ; ajoutez des candidats dans {detail}, élargissez balance.tolerance ou lancez aip plan --no-balance",
    },
    "plan.apply.removed": {
        "en": "{id}: plan.wave {wave} removed ({reason})",
        "fr": "{id} : plan.wave {wave} retiré ({reason})",
    },
    "plan.conflict.infeasible": {
        "en": "the pinned entries, dependencies and limits cannot all hold together",
        "fr": "les entrées épinglées, les dépendances et les limites ne peuvent pas tenir ensemble",
    },
    "plan.violation.capacity": {
        "en": "wave {wave}: {amount} person-weeks planned, capacity {limit}",
        "fr": "vague {wave} : {amount} semaines-personnes prévues, capacité {limit}",
    },
    "plan.violation.budget": {
        "en": "wave {wave}: {amount} one-off planned, budget {limit}",
        "fr": "vague {wave} : {amount} de ponctuel prévu, budget {limit}",
    },
    "plan.violation.pilots": {
        "en": "wave {wave}: {amount} pilots planned, at most {limit}",
        "fr": "vague {wave} : {amount} pilotes prévus, au plus {limit}",
    },
    "plan.violation.dependency": {
        "en": "{ids} (wave {wave}) depends on {detail}, not in an earlier wave",
        "fr": "{ids} (vague {wave}) dépend de {detail}, absent d'une vague antérieure",
    },
    "plan.violation.risk_gate": {
        "en": "{ids} needs a risk review and sits in wave {wave}, before wave {limit}",
        "fr": "{ids} exige une revue de risque et se trouve en vague {wave}, avant la vague {limit}",
    },
    "plan.violation.closed_wave": {
        "en": "{ids} is planned in wave {wave}, which has ended",
        "fr": "{ids} est prévu en vague {wave}, qui est terminée",
    },
    "plan.violation.balance": {
        "en": "{detail}: {amount} of the planned entries, target {limit}",
        "fr": "{detail} : {amount} des entrées planifiées, cible {limit}",
    },
    "plan.violation.unknown_wave": {
        "en": "{ids} is planned in wave {wave}, which is not configured",
        "fr": "{ids} est prévu en vague {wave}, qui n'est pas configurée",
    },
    "plan.warning.no_effort": {
        "en": "{id} has no plan.effort_weeks: counted as 0 person-weeks",
        "fr": "{id} n'a pas de plan.effort_weeks : compté pour 0 semaine-personne",
    },
    "plan.warning.pinned_missing_scores": {
        "en": "{id} is pinned but not fully scored: it keeps its wave and adds nothing to the objective",
        "fr": "{id} est épinglé mais incomplètement noté : il garde sa vague et n'apporte rien à l'objectif",
    },
    # --- --compare -------------------------------------------------------------------------
    "plan.compare.title": {
        "en": "Proposal against the register",
        "fr": "Proposition comparée au registre",
    },
    "plan.compare.objectives": {
        "en": "Objective of the register's waves: {register} · of the proposal: {proposal} ({delta})",
        "fr": "Objectif des vagues du registre : {register} · de la proposition : {proposal} ({delta})",
    },
    "plan.compare.none": {
        "en": "The register already matches the proposal.",
        "fr": "Le registre correspond déjà à la proposition.",
    },
    "plan.compare.violations": {
        "en": "The register's waves break these constraints:",
        "fr": "Les vagues du registre enfreignent ces contraintes :",
    },
    "plan.change.moved": {"en": "moved", "fr": "déplacé"},
    "plan.change.added": {"en": "added", "fr": "ajouté"},
    "plan.change.dropped": {"en": "dropped", "fr": "retiré"},
    # --- aip roadmap -----------------------------------------------------------------------
    "roadmap.title": {"en": "AI roadmap", "fr": "Feuille de route IA"},
    "roadmap.title.org": {
        "en": "AI roadmap — {organisation}",
        "fr": "Feuille de route IA — {organisation}",
    },
    "roadmap.intro.register": {
        "en": "Waves as written in the register (plan.wave), as of {date}.",
        "fr": "Vagues telles qu'écrites dans le registre (plan.wave), au {date}.",
    },
    "roadmap.intro.proposed": {
        "en": "Waves proposed by aip plan ({strategy}, {status}), as of {date}.",
        "fr": "Vagues proposées par aip plan ({strategy}, {status}), au {date}.",
    },
    "roadmap.overview": {"en": "Overview", "fr": "Vue d'ensemble"},
    "roadmap.wave": {"en": "Wave {wave} — {name}", "fr": "Vague {wave} — {name}"},
    "roadmap.goal": {"en": "Goal", "fr": "Objectif"},
    "roadmap.dates": {"en": "Dates", "fr": "Dates"},
    "roadmap.dates.range": {"en": "{start} to {end}", "fr": "du {start} au {end}"},
    "roadmap.dates.weeks": {"en": "{weeks} weeks", "fr": "{weeks} semaines"},
    "roadmap.dates.none": {"en": "not set", "fr": "non définies"},
    "roadmap.deliverables": {"en": "Deliverables", "fr": "Livrables"},
    "roadmap.usecases": {"en": "Use cases", "fr": "Cas d'usage"},
    "roadmap.no_usecases": {
        "en": "No use case in this wave.",
        "fr": "Aucun cas d'usage dans cette vague.",
    },
    "roadmap.capacity": {"en": "Capacity", "fr": "Capacité"},
    "roadmap.capacity.effort": {
        "en": "Team effort (person-weeks)",
        "fr": "Effort de l'équipe (semaines-personnes)",
    },
    "roadmap.capacity.budget": {"en": "One-off budget", "fr": "Budget ponctuel"},
    "roadmap.capacity.pilots": {"en": "Parallel pilots", "fr": "Pilotes en parallèle"},
    "roadmap.col.measure": {"en": "Measure", "fr": "Mesure"},
    "roadmap.col.used": {"en": "Used", "fr": "Utilisé"},
    "roadmap.col.available": {"en": "Available", "fr": "Disponible"},
    "roadmap.col.owner": {"en": "Owner", "fr": "Owner métier"},
    "roadmap.col.kpi": {"en": "KPI North Star", "fr": "KPI North Star"},
    "roadmap.col.baseline": {"en": "Baseline", "fr": "Baseline"},
    "roadmap.col.next_step": {"en": "Next step", "fr": "Prochaine étape"},
    "roadmap.col.decision_date": {"en": "Decision date", "fr": "Date de décision"},
    "roadmap.over": {"en": "over", "fr": "dépassé"},
    "roadmap.risks": {"en": "Risks needing review", "fr": "Risques à revoir"},
    "roadmap.risks.none": {"en": "None.", "fr": "Aucun."},
    "roadmap.risk.line": {
        "en": "{id} {title}: {why}; missing: {missing}",
        "fr": "{id} {title} : {why} ; manquant : {missing}",
    },
    "roadmap.risk.reviewed": {
        "en": "{id} {title}: {why}; reviews done",
        "fr": "{id} {title} : {why} ; revues faites",
    },
    "roadmap.risk.reasons": {"en": "{id} {title}: {why}", "fr": "{id} {title} : {why}"},
    "roadmap.risk.security_review": {"en": "security review", "fr": "revue sécurité"},
    "roadmap.risk.legal_review": {"en": "legal review", "fr": "revue juridique"},
    "roadmap.balance": {"en": "Balance of the wave", "fr": "Équilibre de la vague"},
    "roadmap.col.group": {"en": "Group", "fr": "Groupe"},
    "roadmap.col.count": {"en": "Use cases", "fr": "Cas d'usage"},
    "roadmap.col.share": {"en": "Share", "fr": "Part"},
    "roadmap.col.target": {"en": "Target", "fr": "Cible"},
    "roadmap.target": {"en": "{target} ± {tolerance} pts", "fr": "{target} ± {tolerance} pts"},
    "roadmap.gantt": {"en": "Timeline", "fr": "Calendrier"},
    "roadmap.unscheduled": {"en": "Not in any wave", "fr": "Hors vagues"},
    "roadmap.unscheduled.none": {
        "en": "Every active use case not yet operated is in a wave.",
        "fr": "Tous les cas d'usage actifs non encore exploités sont dans une vague.",
    },
    "roadmap.footer": {
        "en": "Generated by aip roadmap. Edit the register, not this file.",
        "fr": "Généré par aip roadmap. Modifiez le registre, pas ce fichier.",
    },
    "roadmap.written": {
        "en": "roadmap written to {path}",
        "fr": "feuille de route écrite dans {path}",
    },
    "roadmap.proposal_conflict": {
        "en": "no proposal to render: the planning constraints conflict (see aip plan)",
        "fr": "aucune proposition à rendre : les contraintes de planification sont en conflit (voir aip plan)",
    },
}
