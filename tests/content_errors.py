"""One small site per kind of content mistake, and the line that must name it.

The strict build (``test_validation_build.py``) and ``invoke check``
(``test_validation_check.py``) must both find each mistake and say it the
same way: one line naming the file (relative to the content folder), the
field, the value and what was expected.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from PIL import Image

# A correct site around each mistake: the mistake alone must fail the build.
GOOD_SITE = {
    "pages/agenda.md": "Title: Agenda\nTemplate: agenda\n\nLes rendez-vous.\n",
    "pages/le-projet.md": "Title: Le projet\n\nUn tiers-lieu.\n",
    "pages/etat.md": "Title: État\nTemplate: timeline\n",
    "events/bon.md": "Title: Bon\nStart: 2019-07-26 14:00\n\nUn bon moment.\n",
    "milestones/bon.md": "Title: Un bon jalon\nDate: 2019-07\n\nTexte.\n",
}


@dataclass(frozen=True)
class Mistake:
    """Files with one mistake, and the line that must report it."""

    files: dict[str, str | bytes]
    line: str


def _photo(size: tuple[int, int] = (40, 30), form: str = "JPEG") -> bytes:
    """A small picture made with Pillow (the real content has none)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(buffer, form)
    return buffer.getvalue()


def _event(header: str, text: str = "Texte.") -> str:
    return f"{header}\n\n{text}\n"


MISTAKES = {
    "title-missing": Mistake(
        {"events/sans-titre.md": _event("Start: 2019-12-06 19:00")},
        "events/sans-titre.md: Title est obligatoire (attendu un titre)",
    ),
    "title-empty-on-a-page": Mistake(
        {"pages/vide.md": "Title:\n\nDu texte.\n"},
        "pages/vide.md, ligne 1: Title est obligatoire (attendu un titre)",
    ),
    "title-on-two-lines": Mistake(
        {
            "events/long.md": _event(
                "Title: Une soirée\n    qui continue\nStart: 2019-12"
            )
        },
        "events/long.md, ligne 1: "
        "Title « Une soirée qui continue » continue sur la ligne 2 "
        "(attendu tout sur la ligne 1, après Title:)",
    ),
    "start-missing": Mistake(
        {"events/sans-date.md": _event("Title: Sans date")},
        "events/sans-date.md: Start est obligatoire (attendu AAAA-MM-JJ HH:MM, "
        "AAAA-MM-JJ, AAAA-MM)",
    ),
    "start-impossible-month": Mistake(
        {"events/soupe.md": _event("Title: Soupe\nStart: 2019-13-01 19:00")},
        "events/soupe.md, ligne 2: "
        "Start « 2019-13-01 19:00 » n'est pas une date valide "
        "(attendu AAAA-MM-JJ HH:MM, AAAA-MM-JJ, AAAA-MM)",
    ),
    "start-day-that-does-not-exist": Mistake(
        {"events/fevrier.md": _event("Title: Février\nStart: 2019-02-30")},
        "events/fevrier.md, ligne 2: Start « 2019-02-30 » n'est pas une date valide",
    ),
    "start-in-the-hour-summer-time-skips": Mistake(
        {"events/nuit.md": _event("Title: Nuit\nStart: 2019-03-31 02:30")},
        "events/nuit.md, ligne 2: Start « 2019-03-31 02:30 » n'existe pas à l'heure de "
        "Europe/Paris : les horloges avancent ce jour-là (attendu une heure avant "
        "ou après le changement d'heure)",
    ),
    "start-in-words": Mistake(
        {"events/mots.md": _event("Title: Mots\nStart: 20 mars 2020")},
        "events/mots.md, ligne 2: Start « 20 mars 2020 » n'est pas une date valide",
    ),
    "end-before-start": Mistake(
        {
            "events/a-l-envers.md": _event(
                "Title: À l'envers\nStart: 2019-12-06 19:00\nEnd: 2019-12-06 18:00"
            )
        },
        "events/a-l-envers.md, ligne 3: End « 2019-12-06T18:00:00+01:00 » est avant le "
        "début « 2019-12-06T19:00:00+01:00 » (attendu après Start)",
    ),
    "end-before-start-across-the-autumn-change": Mistake(
        {
            "events/nuit-d-octobre.md": _event(
                "Title: Nuit\nStart: 2019-10-27T02:30:00+01:00\n"
                "End: 2019-10-27T02:45:00+02:00"
            )
        },
        "events/nuit-d-octobre.md, ligne 3: "
        "End « 2019-10-27T02:45:00+02:00 » est avant le "
        "début « 2019-10-27T02:30:00+01:00 » (attendu après Start)",
    ),
    # The agenda's own checks (contents.Event) go through the same path.
    "recurrence-invalid": Mistake(
        {
            "events/regle.md": _event(
                "Title: R\nStart: 2019-07-26 14:00\nRecurrence: FREQ=MONTHLI;BYDAY=-1FR"
            )
        },
        "events/regle.md, ligne 3: "
        "Recurrence « FREQ=MONTHLI;BYDAY=-1FR » n'est pas une "
        "règle valide",
    ),
    "cancelled-date-not-an-occurrence": Mistake(
        {
            "events/annule.md": _event(
                "Title: C\nStart: 2019-07-26 14:00\n"
                "Recurrence: FREQ=MONTHLY;BYDAY=-1FR\nCancelled: 2019-12-20"
            )
        },
        "events/annule.md, ligne 4: "
        "Cancelled « 2019-12-20 » n'est pas une date de la série",
    ),
    "date-missing": Mistake(
        {"milestones/sans-date.md": "Title: Sans date\n\nTexte.\n"},
        "milestones/sans-date.md: Date est obligatoire",
    ),
    "date-impossible": Mistake(
        {"milestones/faute.md": "Title: Faute\nDate: 2019-13\n\nTexte.\n"},
        "milestones/faute.md, ligne 2: Date « 2019-13 » n'est pas une date valide",
    ),
    "unknown-key-with-a-near-one": Mistake(
        {"events/strat.md": _event("Title: Strat\nStrat: 2019-12-06 19:00")},
        "events/strat.md, ligne 2: Strat « 2019-12-06 19:00 » n'est pas un champ des "
        "événements : vouliez-vous dire Start ? (attendu un de ces champs : Title, "
        "Start, End, Venue, Location, Address, Online, Recurrence, Dates, "
        "Cancelled, Postponed, Rescheduled, Full, Reason, Registration, Price, "
        "Accessibility, Age, Tags, Summary, Status, Image, ImageAlt, ImageCredit)",
    ),
    "unknown-key-in-french": Mistake(
        {"events/lieu.md": _event("Title: Lieu\nStart: 2019-12\nLieu: La salle")},
        "events/lieu.md, ligne 3: "
        "Lieu « La salle » n'est pas un champ des événements : "
        "vouliez-vous dire Location ?",
    ),
    "unknown-key-with-no-near-one": Mistake(
        {"milestones/couleur.md": "Title: C\nDate: 2019\nCouleur: vert\n\nTexte.\n"},
        "milestones/couleur.md, ligne 3: "
        "Couleur « vert » n'est pas un champ des jalons "
        "(attendu un de ces champs : Title, Date, Summary, Status, Image, "
        "ImageAlt, ImageCredit)",
    ),
    "unknown-key-on-a-page": Mistake(
        {"pages/gabarit.md": "Title: G\nTemplat: agenda\n\nTexte.\n"},
        "pages/gabarit.md, ligne 2: Templat « agenda » n'est pas un champ des pages : "
        "vouliez-vous dire Template ?",
    ),
    "key-with-an-accent-ends-the-header": Mistake(
        {"events/debut.md": _event("Title: Début\nDébut: 2019-12-06 19:00")},
        "events/debut.md: La ligne 2 « Début: 2019-12-06 19:00 » n'est pas lue "
        "comme un champ : vouliez-vous dire Start ? (attendu Clé: valeur, la clé "
        "sans accent ni espace, collée aux deux-points ; puis une ligne vide "
        "avant le texte)",
    ),
    "key-with-a-space-before-the-colon": Mistake(
        {"events/espace.md": _event("Title: Espace\nStart: 2019-12\nLieu : La salle")},
        "events/espace.md: La ligne 3 « Lieu : La salle » n'est pas lue comme un "
        "champ : vouliez-vous dire Location ?",
    ),
    "key-without-its-colon": Mistake(
        {"events/sans-deux-points.md": _event("Title: S\nStart 2019-12-06 19:00")},
        "events/sans-deux-points.md: La ligne 2 « Start 2019-12-06 19:00 » n'est pas "
        "lue comme un champ (attendu Clé: valeur",
    ),
    "key-written-twice": Mistake(
        {
            "events/deux-fois.md": _event(
                "Title: Deux fois\nStart: 2019-12-06 19:00\nStart: 2019-12-13 19:00"
            )
        },
        "events/deux-fois.md, ligne 2: Start « 2019-12-13 19:00 » est écrit deux fois, "
        "lignes 2 et 3 (attendu une seule ligne Start:)",
    ),
    "status-unknown": Mistake(
        {"events/statut.md": _event("Title: S\nStart: 2019-12\nStatus: brouillon")},
        "events/statut.md, ligne 3: Status « brouillon » n'est pas un statut connu : "
        "vouliez-vous dire draft ? (attendu draft, ou pas de Status pour publier)",
    ),
    "template-unknown": Mistake(
        {"pages/agendaa.md": "Title: A\nTemplate: agendaa\n\nTexte.\n"},
        "pages/agendaa.md, ligne 2: "
        "Template « agendaa » n'est pas un gabarit du thème : "
        "vouliez-vous dire agenda ?",
    ),
    "modified-unreadable": Mistake(
        {"pages/modifie.md": "Title: M\nModified: hier\n\nTexte.\n"},
        "pages/modifie.md, ligne 2: "
        "Modified « hier » n'est pas lisible (attendu AAAA-MM-JJ)",
    ),
    "same-slug-for-two-events": Mistake(
        {
            "events/fete.md": _event("Title: Fête\nStart: 2019-12"),
            "events/fête.md": _event("Title: Fête encore\nStart: 2019-12"),
        },
        "events/fête.md: Le nom de fichier « fête » donne l'adresse agenda/fete/, "
        "déjà celle de events/fete.md (attendu un nom de fichier propre à chacun "
        "des événements)",
    ),
    "same-slug-for-two-milestones": Mistake(
        {
            "milestones/2019/ouverture.md": "Title: O\nDate: 2019\n\nTexte.\n",
            "milestones/ouverture.md": "Title: O\nDate: 2020\n\nTexte.\n",
        },
        "milestones/ouverture.md: Le nom de fichier « ouverture » donne l'adresse "
        "#ouverture, déjà celle de milestones/2019/ouverture.md (attendu un nom de "
        "fichier propre à chacun des jalons)",
    ),
    "same-url-for-two-pages": Mistake(
        {
            "pages/accueil.md": "Title: Accueil\nSave_as: index.html\n\nIci.\n",
            "pages/bienvenue.md": "Title: Bienvenue\nSave_as: index.html\n\nLà.\n",
        },
        "pages/bienvenue.md, ligne 2: Save_as « index.html » donne la page index.html, "
        "déjà écrite pour pages/accueil.md (attendu une adresse propre à chaque "
        "page)",
    ),
    "not-utf8": Mistake(
        {"events/latin1.md": "Title: Été\nStart: 2019-07\n\nTexte.\n".encode("cp1252")},
        "events/latin1.md: Le fichier n'est pas en UTF-8 : octet 0xC9 illisible à "
        "la ligne 1, il semble enregistré en Windows-1252 (Latin-1) (attendu un "
        "fichier texte enregistré en UTF-8)",
    ),
    "not-utf8-page": Mistake(
        {"pages/latin1.md": "Title: Page\n\nÉté.\n".encode("latin-1")},
        "pages/latin1.md: Le fichier n'est pas en UTF-8 : octet 0xC9 illisible à "
        "la ligne 3",
    ),
    "event-without-description": Mistake(
        {"events/muet.md": "Title: Muet\nStart: 2019-12\n\n<!-- À écrire -->\n"},
        "events/muet.md: Le texte est vide (attendu une description de "
        "l'événement, après une ligne vide sous les champs)",
    ),
    # The contract's findings: values that would run, break or replace.
    "registration-javascript": Mistake(
        {
            "events/piege.md": _event(
                "Title: Piège\nStart: 2019-12\n"
                "Registration: javascript:alert(document.cookie)"
            )
        },
        "events/piege.md, ligne 3: "
        "Registration « javascript:alert(document.cookie) » n'est "
        "pas une adresse de lien autorisée (attendu une adresse https://…, mailto:… "
        "ou tel:…)",
    ),
    "registration-in-words": Mistake(
        {
            "events/tel.md": _event(
                "Title: Tel\nStart: 2019-12\nRegistration: par téléphone au 01 02"
            )
        },
        "events/tel.md, ligne 3: Registration « par téléphone au 01 02 » n'est pas une "
        "adresse de lien autorisée",
    ),
    "registration-email-without-mailto": Mistake(
        {
            "events/courriel.md": _event(
                "Title: Courriel\nStart: 2019-12\nRegistration: contact@exemple.org"
            )
        },
        "events/courriel.md, ligne 3: "
        "Registration « contact@exemple.org » n'est pas une "
        "adresse de lien autorisée : pour une adresse électronique, écrivez "
        "mailto:contact@exemple.org",
    ),
    "save-as-over-an-event-page": Mistake(
        {"pages/ecrase.md": "Title: É\nSave_as: agenda/bon/index.html\n\nT.\n"},
        "pages/ecrase.md, ligne 2: Save_as « agenda/bon/index.html » donne la page "
        "agenda/bon/index.html, déjà écrite pour events/bon.md",
    ),
    "save-as-over-the-calendar": Mistake(
        {"pages/ics.md": "Title: I\nSave_as: agenda.ics\n\nT.\n"},
        "pages/ics.md, ligne 2: Save_as « agenda.ics » donne la page agenda.ics, déjà "
        "écrite pour le calendrier de l'agenda",
    ),
    "save-as-over-an-events-calendar": Mistake(
        {"pages/bon-ics.md": "Title: I\nSave_as: agenda/bon.ics\n\nT.\n"},
        "pages/bon-ics.md, ligne 2: Save_as « agenda/bon.ics » donne la page "
        "agenda/bon.ics, déjà écrite pour events/bon.md",
    ),
    "save-as-over-a-venue-page": Mistake(
        {
            "venues/piscine.md": "Title: Piscine\n",
            "pages/piscine.md": "Title: P\nSave_as: lieux/piscine/index.html\n\nT.\n",
        },
        "pages/piscine.md, ligne 2: Save_as « lieux/piscine/index.html » donne la page "
        "lieux/piscine/index.html, déjà écrite pour venues/piscine.md",
    ),
    "save-as-over-a-venue-calendar": Mistake(
        {
            "venues/stade.md": "Title: Stade\n",
            "pages/stade.md": "Title: S\nSave_as: lieux/stade.ics\n\nT.\n",
        },
        "pages/stade.md, ligne 2: Save_as « lieux/stade.ics » donne la page "
        "lieux/stade.ics, déjà écrite pour venues/stade.md",
    ),
    "save-as-over-a-theme-page": Mistake(
        {
            "events/velo.md": _event("Title: V\nStart: 2019-12-06 19:00\nTags: Vélo"),
            "pages/theme.md": (
                "Title: T\nSave_as: agenda/themes/velo/index.html\n\nT.\n"
            ),
        },
        "pages/theme.md, ligne 2: "
        "Save_as « agenda/themes/velo/index.html » donne la page "
        "agenda/themes/velo/index.html, déjà écrite pour la page du thème "
        "d'agenda « Vélo »",
    ),
    "save-as-over-a-theme-calendar": Mistake(
        {
            "events/velo.md": _event("Title: V\nStart: 2019-12-06 19:00\nTags: Vélo"),
            "pages/theme-ics.md": "Title: T\nSave_as: agenda/themes/velo.ics\n\nT.\n",
        },
        "pages/theme-ics.md, ligne 2: Save_as « agenda/themes/velo.ics » donne la page "
        "agenda/themes/velo.ics, déjà écrite pour le calendrier du thème "
        "d'agenda « Vélo »",
    ),
    "save-as-over-the-stylesheet": Mistake(
        {"pages/style.md": "Title: S\nSave_as: theme/site.css\n\nT.\n"},
        "pages/style.md, ligne 2: Save_as « theme/site.css » donne la page "
        "theme/site.css, déjà écrite pour le thème",
    ),
    "save-as-outside-the-site": Mistake(
        {"pages/dehors.md": "Title: D\nSave_as: ../../dehors.html\n\nT.\n"},
        "pages/dehors.md, ligne 2: "
        "Save_as « ../../dehors.html » sort du dossier du site "
        "(attendu un chemin dans le site, comme index.html)",
    ),
    "link-to-no-file": Mistake(
        {
            "pages/lien.md": (
                "Title: Lien\n\nVoir [ici]({filename}../events/nexiste-pas.md).\n"
            )
        },
        "pages/lien.md, ligne 3: "
        "Le lien « {filename}../events/nexiste-pas.md » ne mène à "
        "aucun fichier du contenu",
    ),
    "html-event-without-start": Mistake(
        {
            "events/page-html.html": (
                "<html><head><title>HTML</title></head><body><p>T.</p></body></html>"
            )
        },
        "events/page-html.html: Start est obligatoire",
    ),
    "yaml-front-matter": Mistake(
        {"events/yaml.md": '---\ntitle: "Soirée"\nstart: 2019-12\n---\n\nTexte.\n'},
        "events/yaml.md: L'en-tête « --- » ressemble à un en-tête YAML (Jekyll, "
        "Hugo) : ici, l'en-tête n'a ni --- ni guillemets ni crochets",
    ),
    "control-character-in-a-title": Mistake(
        {"events/bidi.md": _event("Title: Soirée \u202egnp.exe\nStart: 2019-12")},
        "events/bidi.md, ligne 1: "
        "Title « Soirée <U+202E>gnp.exe » contient un caractère "
        "invisible U+202E (RIGHT-TO-LEFT OVERRIDE), ligne 1",
    ),
    "nul-in-the-text": Mistake(
        {"events/nul.md": _event("Title: Nul\nStart: 2019-12", "Du\x00texte.")},
        "events/nul.md: Le texte « Du<U+0000>texte. » contient un caractère "
        "invisible U+0000",
    ),
    "cancelled-with-a-comma-too-many": Mistake(
        {
            "events/virgule.md": _event(
                "Title: V\nStart: 2019-11-22 17:00\nRecurrence: FREQ=WEEKLY\n"
                "Cancelled: 2019-11-29,"
            )
        },
        "events/virgule.md, ligne 4: "
        "Cancelled « 2019-11-29, » a une virgule en trop à la fin",
    ),
    "dates-before-start": Mistake(
        {
            "events/avant.md": _event(
                "Title: Avant\nStart: 2027-03-10 14:00\nDates: 2027-03-03 14:00"
            )
        },
        "events/avant.md, ligne 3: "
        "Dates « 2027-03-03 14:00 » est avant Start « 2027-03-10 "
        "14:00 » (attendu des dates après Start : Start est la première occurrence)",
    ),
    "dates-twice-the-same": Mistake(
        {
            "events/double.md": _event(
                "Title: Double\nStart: 2027-03-03 14:00\n"
                "Dates: 2027-03-10 14:00, 2027-03-10 14:00"
            )
        },
        "events/double.md, ligne 3: "
        "Dates « 2027-03-10 14:00, 2027-03-10 14:00 » donne deux "
        "fois la même date (attendu chaque date une fois)",
    ),
    "dates-repeat-start": Mistake(
        {
            "events/premiere.md": _event(
                "Title: Première\nStart: 2027-03-03 14:00\nDates: 2027-03-03 14:00"
            )
        },
        "events/premiere.md, ligne 3: "
        "Dates « 2027-03-03 14:00 » est déjà Start, la première "
        "occurrence (attendu les autres dates seulement)",
    ),
    "dates-at-another-precision": Mistake(
        {
            "events/precision.md": _event(
                "Title: Précision\nStart: 2027-03-03 14:00\nDates: 2027-03-10"
            )
        },
        "events/precision.md, ligne 3: "
        "Dates « 2027-03-10 » n'a pas la précision de Start "
        "« 2027-03-03 14:00 » (attendu AAAA-MM-JJ HH:MM, comme Start)",
    ),
    "dates-with-a-month-start": Mistake(
        {"events/mois.md": _event("Title: Mois\nStart: 2027-03\nDates: 2027-04")},
        "events/mois.md, ligne 3: Dates « 2027-04 » n'est pas une date valide (attendu "
        "AAAA-MM-JJ HH:MM, AAAA-MM-JJ)",
    ),
    "dates-month-start-with-days": Mistake(
        {
            "events/mois-jour.md": _event(
                "Title: Mois\nStart: 2027-03\nDates: 2027-04-02"
            )
        },
        "events/mois-jour.md, ligne 3: "
        "Dates « 2027-04-02 » demande un Start au jour près, "
        "pas « 2027-03 » (attendu Start AAAA-MM-JJ ou AAAA-MM-JJ HH:MM)",
    ),
    "dates-already-in-the-rule": Mistake(
        {
            "events/regle-dates.md": _event(
                "Title: R\nStart: 2027-03-03 14:00\nRecurrence: FREQ=WEEKLY;COUNT=4\n"
                "Dates: 2027-03-10 14:00"
            )
        },
        "events/regle-dates.md, ligne 4: "
        "Dates « 2027-03-10 14:00 » est déjà une date de la "
        "série « FREQ=WEEKLY;COUNT=4 » (attendu une date que la règle ne donne pas)",
    ),
    "dates-comma-at-the-end": Mistake(
        {
            "events/virgule-dates.md": _event(
                "Title: V\nStart: 2027-03-03 14:00\nDates: 2027-03-10 14:00,"
            )
        },
        "events/virgule-dates.md, ligne 3: "
        "Dates « 2027-03-10 14:00, » a une virgule en trop "
        "à la fin (attendu des dates AAAA-MM-JJ HH:MM ou AAAA-MM-JJ séparées par "
        "une virgule)",
    ),
    "dates-overlapping": Mistake(
        {
            "events/chevauche.md": _event(
                "Title: C\nStart: 2027-03-03 14:00\nEnd: 2027-03-03 18:00\n"
                "Dates: 2027-03-10 14:00, 2027-03-10 16:00"
            )
        },
        "events/chevauche.md, ligne 4: Dates « 2027-03-10 14:00 » dure jusqu'après "
        "l'occurrence suivante, le 2027-03-10 (attendu des occurrences qui ne se "
        "chevauchent pas : chacune dure autant que la première, de Start à End)",
    ),
    "dates-in-the-hour-that-repeats": Mistake(
        {
            "events/automne.md": _event(
                "Title: A\nStart: 2027-10-24 02:30\nDates: 2027-10-31 02:30"
            )
        },
        "events/automne.md, ligne 3: "
        "Dates « 2027-10-31 02:30 » tombe dans l'heure que le "
        "changement d'heure fait passer deux fois",
    ),
    "cancelled-not-one-of-the-dates": Mistake(
        {
            "events/annule-dates.md": _event(
                "Title: A\nStart: 2027-03-03 14:00\nDates: 2027-03-10 14:00\n"
                "Cancelled: 2027-03-17"
            )
        },
        "events/annule-dates.md, ligne 4: "
        "Cancelled « 2027-03-17 » n'est pas une date de "
        "Start ni de Dates (attendu la date d'une occurrence)",
    ),
    "cancelled-yes-with-dates": Mistake(
        {
            "events/tout-annule.md": _event(
                "Title: A\nStart: 2027-03-03 14:00\nDates: 2027-03-10 14:00\n"
                "Cancelled: yes"
            )
        },
        "events/tout-annule.md, ligne 4: Cancelled « yes » annulerait toute la série "
        "(attendu les dates annulées, AAAA-MM-JJ séparées par des virgules, ou "
        "retirer Dates)",
    ),
    "two-statuses": Mistake(
        {
            "events/deux.md": _event(
                "Title: Deux\nStart: 2027-03-03 14:00\nCancelled: yes\nFull: yes"
            )
        },
        "events/deux.md, ligne 4: "
        "Full « yes » s'ajoute à Cancelled (attendu un seul statut "
        "parmi Cancelled, Postponed, Rescheduled et Full)",
    ),
    "postponed-not-yes": Mistake(
        {
            "events/peut-etre.md": _event(
                "Title: P\nStart: 2027-03-03 14:00\nPostponed: peut-être"
            )
        },
        "events/peut-etre.md, ligne 3: "
        "Postponed « peut-être » n'est ni yes ni no (attendu yes)",
    ),
    "reason-without-a-status": Mistake(
        {
            "events/motif.md": _event(
                "Title: M\nStart: 2027-03-03 14:00\nReason: Travaux"
            )
        },
        "events/motif.md, ligne 3: "
        "Reason « Travaux » n'accompagne aucun statut (attendu "
        "avec Cancelled, Postponed, Rescheduled ou Full)",
    ),
    "rescheduled-to-start": Mistake(
        {
            "events/meme.md": _event(
                "Title: M\nStart: 2027-03-03 14:00\nRescheduled: 2027-03-03 14:00"
            )
        },
        "events/meme.md, ligne 3: "
        "Rescheduled « 2027-03-03 14:00 » est le même moment que "
        "Start (attendu l'ancien début ; Start donne la nouvelle date)",
    ),
    "rescheduled-not-a-date": Mistake(
        {
            "events/pas-date.md": _event(
                "Title: M\nStart: 2027-03-10 14:00\nRescheduled: mercredi"
            )
        },
        "events/pas-date.md, ligne 3: "
        "Rescheduled « mercredi » n'est pas une date valide",
    ),
    "postponed-series": Mistake(
        {
            "events/serie.md": _event(
                "Title: S\nStart: 2027-03-03 14:00\nRecurrence: FREQ=WEEKLY\n"
                "Postponed: yes"
            )
        },
        "events/serie.md, ligne 4: "
        "Postponed « yes » ne s'applique qu'à un événement à une "
        "seule date (attendu, pour une série, les dates annulées dans Cancelled et "
        "les nouvelles dans Dates)",
    ),
    "text-without-the-blank-line": Mistake(
        {
            "events/collee.md": (
                "Title: Collée\nStart: 2019-12\nAttention: places limitées.\n"
                "Venez tôt.\n"
            )
        },
        "events/collee.md, ligne 3: Attention « places limitées. » n'est pas "
        "un champ des "
        "événements (attendu un de ces champs : Title, Start, End, Venue, "
        "Location, Address, Online, Recurrence, Dates, Cancelled, Postponed, "
        "Rescheduled, Full, Reason, Registration, Price, Accessibility, Age, Tags, "
        "Summary, Status, Image, ImageAlt, ImageCredit) ; si c'est la "
        "première ligne du texte, laissez une ligne vide entre les champs et le "
        "texte",
    ),
    "file-name-without-letters": Mistake(
        {"events/!!!.md": _event("Title: Points\nStart: 2019-12")},
        "events/!!!.md: Le nom de fichier « !!! » ne donne aucune adresse (attendu "
        "un nom de fichier avec des lettres ou des chiffres)",
    ),
    "image-without-alt": Mistake(
        {
            "events/affiche.md": _event(
                "Title: Affiche\nStart: 2019-12-06 19:00\nImage: affiche.jpg"
            ),
            "images/affiche.jpg": _photo(),
        },
        "events/affiche.md: ImageAlt est obligatoire avec Image « affiche.jpg » "
        "(attendu ce que l'image montre, en une phrase, pour qui ne la voit pas)",
    ),
    "image-missing-file": Mistake(
        {
            "pages/galerie.md": "Title: Galerie\nImage: absente.jpg\n"
            "ImageAlt: Une salle\n\nTexte.\n"
        },
        "pages/galerie.md, ligne 2: "
        "Image « absente.jpg » n'existe pas dans content/images/ "
        "(attendu un fichier JPEG, PNG ou WebP du dossier content/images/)",
    ),
    "image-unreadable": Mistake(
        {
            "milestones/photo.md": "Title: Photo\nDate: 2019-07\nImage: casse.jpg"
            "\nImageAlt: Le chantier\n\nTexte.\n",
            "images/casse.jpg": b"\xff\xd8 pas une image",
        },
        "milestones/photo.md, ligne 3: Image « casse.jpg » n'est pas une image lisible "
        "(attendu un fichier JPEG, PNG ou WebP du dossier content/images/)",
    ),
    "image-cut-short": Mistake(
        {
            "events/coupee.md": _event(
                "Title: Coupée\nStart: 2019-12-06 19:00\nImage: coupee.jpg\n"
                "ImageAlt: Une affiche"
            ),
            # An upload stopped halfway: a whole header, half the pixels.
            "images/coupee.jpg": _photo((400, 300))[:1200],
        },
        "events/coupee.md, ligne 3: Image « coupee.jpg » n'est pas une image lisible "
        "(attendu un fichier JPEG, PNG ou WebP du dossier content/images/)",
    ),
    "image-unsupported-format": Mistake(
        {
            "events/gif.md": _event(
                "Title: Gif\nStart: 2019-12-06 19:00\nImage: anime.gif\n"
                "ImageAlt: Un dessin"
            ),
            "images/anime.gif": _photo(form="GIF"),
        },
        "events/gif.md, ligne 3: "
        "Image « anime.gif » est au format GIF (attendu un fichier "
        "JPEG, PNG ou WebP du dossier content/images/)",
    ),
    "image-in-a-folder": Mistake(
        {
            "events/chemin.md": _event(
                "Title: Chemin\nStart: 2019-12-06 19:00\nImage: ../secret.jpg\n"
                "ImageAlt: Un dessin"
            ),
        },
        "events/chemin.md, ligne 3: "
        "Image « ../secret.jpg » n'est pas un nom de fichier "
        "(attendu un fichier JPEG, PNG ou WebP du dossier content/images/, sans "
        "dossier)",
    ),
    "body-image-without-alt": Mistake(
        {
            "pages/jardin.md": "Title: Jardin\n\nLe jardin :\n\n![](jardin.jpg)\n",
            "images/jardin.jpg": _photo(),
        },
        "pages/jardin.md: L'image du texte « jardin.jpg » n'a pas de texte "
        "alternatif (attendu ![ce que l'image montre](jardin.jpg), en une phrase, "
        "pour qui ne la voit pas)",
    ),
    "body-image-missing-file": Mistake(
        {
            "events/photos.md": _event(
                "Title: Photos\nStart: 2019-12-06 19:00",
                "![La salle]({static}/images/salle.jpg)",
            ),
        },
        "events/photos.md: L'image du texte « {static}/images/salle.jpg » n'existe "
        "pas dans content/images/ (attendu un fichier JPEG, PNG ou WebP du dossier "
        "content/images/)",
    ),
    "body-image-on-another-site": Mistake(
        {
            "milestones/ailleurs.md": "Title: Ailleurs\nDate: 2019-07\n\n"
            "![Une photo](https://example.org/photo.jpg)\n",
        },
        "milestones/ailleurs.md: L'image du texte « https://example.org/photo.jpg » "
        "est sur un autre site (attendu un fichier du dossier content/images/ : le "
        "site ne charge rien d'ailleurs)",
    ),
    "body-image-unreadable": Mistake(
        {
            "pages/casse.md": "Title: Cassée\n\n![Un plan](plan.png)\n",
            "images/plan.png": b"\x89PNG pas une image",
        },
        "pages/casse.md: L'image du texte « plan.png » n'est pas une image lisible "
        "(attendu un fichier JPEG, PNG ou WebP du dossier content/images/)",
    ),
    "page-without-text": Mistake(
        {"pages/muette.md": "Title: Muette\n"},
        "pages/muette.md: Le texte est vide (attendu le texte de la page, en "
        "Markdown, après une ligne vide sous les champs)",
    ),
    # Venues, online events, accessibility, age (issue 16).
    "venue-unknown-with-a-near-one": Mistake(
        {
            "venues/salle-jean-morlet.md": "Title: Salle Jean Morlet\n",
            "events/unknown-with-a-near-one.md": _event(
                "Title: Soupe\nStart: 2019-12\nVenue: salle-jean-morle"
            ),
        },
        "events/unknown-with-a-near-one.md, ligne 3: Venue « salle-jean-morle » ne "
        "nomme aucun "
        "fichier de "
        "content/venues/ : vouliez-vous dire « salle-jean-morlet » ? (attendu le "
        "nom d'un fichier de content/venues/, sans .md)",
    ),
    "venue-unknown-far-from-any": Mistake(
        {
            "events/unknown-far-from-any.md": _event(
                "Title: Soupe\nStart: 2019-12\nVenue: gymnase"
            )
        },
        "events/unknown-far-from-any.md, ligne 3: Venue « gymnase » ne nomme aucun "
        "fichier de "
        "content/venues/ (attendu le nom d'un fichier de content/venues/, sans .md)",
    ),
    "venue-with-location": Mistake(
        {
            "venues/with-location.md": "Title: Salle\n",
            "events/with-location.md": _event(
                "Title: Soupe\nStart: 2019-12\nVenue: salle\nLocation: Salle"
            ),
        },
        "events/with-location.md, ligne 3: Venue « salle » s'ajoute à Location "
        "(attendu l'un ou "
        "l'autre : Venue pour un lieu de content/venues/, Location et Address sinon)",
    ),
    "venue-outside-the-folder": Mistake(
        {
            "events/outside-the-folder.md": _event(
                "Title: Soupe\nStart: 2019-12\nVenue: ../pages/x"
            )
        },
        "events/outside-the-folder.md, ligne 3: Venue « ../pages/x » n'est pas un nom "
        "de "
        "fichier de "
        "content/venues/ (attendu son nom sans dossier ni .md, comme "
        "salle-jean-morlet)",
    ),
    "venue-without-title": Mistake(
        {"venues/without-title.md": "Locality: Champigny-sur-Marne\n"},
        "venues/without-title.md: Title est obligatoire (attendu un titre)",
    ),
    "venue-postal-code-too-short": Mistake(
        {
            "venues/postal-code-too-short.md": (
                "Title: Salle\nLocality: Champigny\nPostalCode: 9450\n"
            )
        },
        "venues/postal-code-too-short.md, ligne 3: PostalCode « 9450 » n'est pas un "
        "code "
        "postal français "
        "(attendu un code postal de cinq chiffres, comme 94500)",
    ),
    "venue-postal-code-without-locality": Mistake(
        {"venues/postal-code-without-locality.md": "Title: Salle\nPostalCode: 94500\n"},
        "venues/postal-code-without-locality.md, ligne 2: PostalCode « 94500 » "
        "demande la "
        "commune (attendu "
        "Locality avec PostalCode)",
    ),
    "venue-with-an-event-field": Mistake(
        {"venues/with-an-event-field.md": "Title: Salle\nStart: 2019-12\n"},
        "venues/with-an-event-field.md, ligne 2: Start « 2019-12 » n'est pas un champ "
        "des lieux",
    ),
    "online-javascript": Mistake(
        {
            "events/en-ligne-javascript.md": _event(
                "Title: Visio\nStart: 2019-12\nOnline: javascript:alert(1)"
            )
        },
        "events/en-ligne-javascript.md, ligne 3: Online « javascript:alert(1) » n'est "
        "pas "
        "l'adresse d'une "
        "page web (attendu une adresse https://…)",
    ),
    "online-mailto": Mistake(
        {
            "events/en-ligne-mailto.md": _event(
                "Title: Visio\nStart: 2019-12\nOnline: mailto:a@b.fr"
            )
        },
        "events/en-ligne-mailto.md, ligne 3: Online « mailto:a@b.fr » n'est pas "
        "l'adresse "
        "d'une page "
        "web (attendu une adresse https://… ; un courriel ou un téléphone pour "
        "s'inscrire va dans Registration)",
    ),
    "online-without-scheme": Mistake(
        {
            "events/en-ligne-without-scheme.md": _event(
                "Title: Visio\nStart: 2019-12\nOnline: visio.example.org/salle"
            )
        },
        "events/en-ligne-without-scheme.md, ligne 3: Online « visio.example.org/salle "
        "» n'a "
        "pas de https:// "
        "(attendu https://visio.example.org/salle)",
    ),
    "accessibility-misspelt": Mistake(
        {
            "events/acces-misspelt.md": _event(
                "Title: Atelier\nStart: 2019-12\nAccessibility: moteur, visul"
            )
        },
        "events/acces-misspelt.md, ligne 3: Accessibility « visul » n'est pas un "
        "handicap "
        "connu : "
        "vouliez-vous dire « visuel » ? (attendu moteur, auditif, visuel, "
        "psychique, mental, ou aucune)",
    ),
    "accessibility-none-and-some": Mistake(
        {
            "venues/acces-none-and-some.md": (
                "Title: Salle\nAccessibility: aucune, moteur\n"
            )
        },
        "venues/acces-none-and-some.md, ligne 2: Accessibility « aucune, moteur » dit "
        "à la "
        "fois « aucune » "
        "et un handicap (attendu aucune seul, ou la liste des handicaps pour "
        "lesquels le lieu est adapté)",
    ),
    "accessibility-twice": Mistake(
        {
            "events/acces-twice.md": _event(
                "Title: Atelier\nStart: 2019-12\nAccessibility: moteur, motrice"
            )
        },
        "events/acces-twice.md, ligne 3: Accessibility « moteur, motrice » est écrit "
        "deux fois "
        "(attendu chaque handicap une fois)",
    ),
    "age-reversed": Mistake(
        {"events/age-reversed.md": _event("Title: Atelier\nStart: 2019-12\nAge: 12-6")},
        "events/age-reversed.md, ligne 3: Age « 12-6 » va de 12 à 6 ans (attendu le "
        "plus petit "
        "âge d'abord)",
    ),
    "age-in-words": Mistake(
        {
            "events/age-in-words.md": _event(
                "Title: Atelier\nStart: 2019-12\nAge: enfants"
            )
        },
        "events/age-in-words.md, ligne 3: Age « enfants » n'est pas un âge (attendu "
        "6-12, 16+ "
        "ou "
        "tout public)",
    ),
    "age-beyond-any": Mistake(
        {
            "events/age-beyond-any.md": _event(
                "Title: Atelier\nStart: 2019-12\nAge: 6-200"
            )
        },
        "events/age-beyond-any.md, ligne 3: Age « 6-200 » dépasse 120 ans (attendu "
        "6-12, 16+ ou "
        "tout public)",
    ),
    "tag-without-letters": Mistake(
        {
            "events/tag-without-letters.md": _event(
                "Title: Atelier\nStart: 2019-12\nTags: Vélo, ---"
            )
        },
        "events/tag-without-letters.md, ligne 3: Tags « --- » ne donne aucune adresse "
        "de thème "
        "(attendu "
        "des mots avec des lettres ou des chiffres, séparés par des virgules)",
    ),
}


def mistakes() -> list[object]:
    """The cases, as pytest parameters named after the mistake."""
    return [pytest.param(mistake, id=name) for name, mistake in MISTAKES.items()]


def lines(log: str) -> list[str]:
    """The log's lines, whitespace collapsed."""
    return [" ".join(line.split()) for line in log.splitlines()]


def reported(log: str, line: str) -> bool:
    """Whether one line of ``log`` starts with ``line``."""
    return any(logged.startswith(line) for logged in lines(log))
