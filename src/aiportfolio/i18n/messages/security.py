"""Messages about hostile or damaged input: nesting, numbers, links, internal errors."""

MESSAGES: dict[str, dict[str, str]] = {
    "yaml.too-deep": {
        "en": "nested deeper than {detail} levels",
        "fr": "imbrication de plus de {detail} niveaux",
    },
    "yaml.too-deep.hint": {
        "en": "a use case nests a few levels at most: remove the extra brackets or indentation",
        "fr": "un cas d'usage n'a que quelques niveaux : retirez les crochets ou l'indentation en trop",
    },
    "yaml.number-too-large": {
        "en": "number too large ({detail} digits)",
        "fr": "nombre trop grand ({detail} chiffres)",
    },
    "yaml.number-too-large.hint": {
        "en": "write an amount of at most 30 digits, or quote the value if it is a text",
        "fr": "écrivez un montant de 30 chiffres au plus, ou mettez la valeur entre guillemets si c'est un texte",
    },
    "error.internal": {
        "en": "internal error, please report it with the command you ran (exit 3): {detail}",
        "fr": "erreur interne, merci de la signaler avec la commande lancée (code 3) : {detail}",
    },
    "error.ids_exhausted": {
        "en": "no free id for {count} new use case(s): {highest} is taken and ids stop at UC-999999; give the new rows free ids of your own",
        "fr": "aucun identifiant libre pour {count} nouveau(x) cas d'usage : {highest} est pris et les identifiants s'arrêtent à UC-999999 ; donnez vous-même des identifiants libres aux nouvelles lignes",
    },
    "yaml.outside-register": {
        "en": "a symbolic link that leads outside the register: not read",
        "fr": "un lien symbolique qui mène hors du registre : non lu",
    },
    "yaml.outside-register.hint": {
        "en": "put the file itself in the register instead of a link to it",
        "fr": "mettez le fichier lui-même dans le registre plutôt qu'un lien vers lui",
    },
    "write.link_outside": {
        "en": "{path} is a symbolic link that leads outside the register: aip does not write through it",
        "fr": "{path} est un lien symbolique qui mène hors du registre : aip n'écrit pas à travers lui",
    },
    "template.linked_folder": {
        "en": "templates/ is a symbolic link: aip only reads templates from the register's own templates/ folder",
        "fr": "templates/ est un lien symbolique : aip ne lit les modèles que dans le dossier templates/ du registre",
    },
    "template.linked_folder.hint": {
        "en": "replace the link with a real templates/ folder holding only templates",
        "fr": "remplacez le lien par un vrai dossier templates/ ne contenant que des modèles",
    },
    "template.too_long": {
        "en": "the template ran longer than {seconds} s",
        "fr": "le modèle a tourné plus de {seconds} s",
    },
    "template.too_large": {
        "en": "the template wrote more than {limit} characters",
        "fr": "le modèle a écrit plus de {limit} caractères",
    },
    "template.too_big_value": {
        "en": "the template built a value that is too large ({detail})",
        "fr": "le modèle a construit une valeur trop grande ({detail})",
    },
    "write.recovered.completed": {
        "en": "an interrupted aip write was completed (usecases/.aip-journal.json): every file of that change is now written",
        "fr": "une écriture d'aip interrompue a été terminée (usecases/.aip-journal.json) : tous les fichiers de ce changement sont écrits",
    },
    "write.recovered.rolled-back": {
        "en": "temporary files of an interrupted aip write were removed: none of that change was applied",
        "fr": "les fichiers temporaires d'une écriture d'aip interrompue ont été supprimés : rien de ce changement n'a été appliqué",
    },
}
