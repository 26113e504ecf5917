"""The association's settings: footer, /contact/, /mentions-legales/, JSON-LD.

With every setting filled in (the theme's fixture site) each fact shows; with
none (the real site) nothing empty shows anywhere, and ``invoke check`` and
the strict build list the legal notice's facts still « à compléter ».
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from alternateur.model.association import Link, read_association

from .sites import PRODUCTION_URL, ROOT, Site, plain, run_invoke, run_pelican
from .theme_site import ASSOCIATION_SETTINGS, build_theme_site

TO_FILL = (
    "pelicanconf.py: ASSOCIATION_RNA à compléter",
    "pelicanconf.py: ASSOCIATION_SEAT à compléter",
    "pelicanconf.py: ASSOCIATION_PUBLICATION_DIRECTOR à compléter",
)


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The fixture site, every setting filled in, at its production address."""
    return build_theme_site(
        tmp_path_factory.mktemp("full") / "output",
        settings="publishconf.py",
        siteurl=PRODUCTION_URL,
    )


def _jsonld(site: Site) -> dict[str, Any]:
    script = site.page("").css_first('script[type="application/ld+json"]')
    assert script is not None
    return json.loads(script.text())


def test_the_footer_shows_every_fact_on_every_page(full: Site) -> None:
    for url in ("", "le-projet/", "agenda/apero/", "contact/", "mentions-legales/"):
        footer = full.page(url).css_first("footer")
        text = plain(footer.text())
        for fact in (
            "12 rue de l'Exemple",
            "contact@example.org",
            "01 23 45 67 89",
            "Mercredi : 14 h – 19 h",
            "Adhérer à l'association",
            "Faire un don",
            "S'inscrire à la lettre d'information",
            "Mentions légales",
            "Contact",
            "Modifier cette page",
        ):
            assert fact in text, (url, fact)
        links = {a.attributes["href"]: a.attributes.get("rel") for a in footer.css("a")}
        assert links["mailto:contact@example.org"] is None
        assert links["tel:0123456789"] is None
        assert links["https://mastodon.example/@alternateur"] == "me"
        assert links["https://instagram.example/alternateur"] is None
        assert not footer.css("script, iframe, img")


def test_the_contact_page_and_its_menu_link(full: Site) -> None:
    page = full.page("contact/")
    headings = [plain(h.text()) for h in page.css("main h2")]
    assert headings == ["Nous joindre", "Participer", "Nous suivre"]
    text = full.text("contact/")
    assert "Samedi : 10 h – 13 h" in text
    assert "LinkedIn" in text
    menu = [a.attributes["href"] for a in full.page("le-projet/").css(".site-nav a")]
    assert menu[-1] == f"{PRODUCTION_URL}/contact/"


def test_the_legal_notice_names_publisher_director_and_host(full: Site) -> None:
    text = full.text("mentions-legales/")
    for fact in (
        "Association L'Alternateur & voisins",
        "Numéro RNA : W941234567",
        "SIREN : 732829320",
        "Siège :",
        "Directeur de la publication Camille Exemple",
        "Hébergeur GitHub, Inc. (GitHub Pages) 88 Colin P. Kelly Jr. Street",
        "San Francisco, CA 94107",
        "ne dépose aucun cookie",
    ):
        assert fact in text, fact
    seat = full.page("mentions-legales/").css("main address")[0]
    assert seat.html == (
        "<address>12 rue de l’Exemple<br>94500 Champigny-sur-Marne</address>"
    )
    assert full.result.returncode == 0
    assert "à compléter" not in full.log


def test_the_home_page_says_who_the_organization_is(full: Site) -> None:
    assert _jsonld(full) == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Association L'Alternateur & voisins",
        "url": f"{PRODUCTION_URL}/",
        "logo": f"{PRODUCTION_URL}/theme/icon.svg",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "12 rue de l'Exemple, 94500 Champigny-sur-Marne",
        },
        "email": "contact@example.org",
        "telephone": "0123456789",
        "sameAs": [url for _, url in ASSOCIATION_SETTINGS["ASSOCIATION_SOCIAL"]],
    }
    assert "\\u0026" in full.file("index.html"), "« & » escaped inside <script>"


def test_the_edit_link_opens_the_file_on_github(full: Site) -> None:
    base = "https://github.com/example/site/edit/main/content"
    for url, source in (
        ("le-projet/", "pages/le-projet.md"),
        ("agenda/apero/", "events/apero.md"),
        ("", "pages/accueil.md"),
    ):
        link = full.page(url).css_first("footer a.edit-link")
        assert link.attributes["href"] == f"{base}/{source}"


def test_with_nothing_set_nothing_empty_shows(real_site: Site) -> None:
    for url in ("", "le-projet/", "agenda/", "contact/", "mentions-legales/"):
        page = real_site.page(url)
        footer = page.css_first("footer")
        assert footer.css_first(".footer-contact") is None
        assert [plain(a.text()) for a in footer.css("a")] == ["Mentions légales"]
        assert "Contact" not in [plain(a.text()) for a in page.css(".site-nav a")]
        for heading in page.css("main h2"):
            following = heading.next
            while following is not None and not following.text(strip=True):
                following = following.next
            assert following is not None, (url, heading.text())
    headings = [plain(h.text()) for h in real_site.page("mentions-legales/").css("h2")]
    assert headings == ["Éditeur du site", "Hébergeur", "Données personnelles"]
    assert "Numéro RNA" not in real_site.text("mentions-legales/")
    assert "Siège" not in real_site.text("mentions-legales/")
    contact = real_site.page("contact/")
    assert contact.css("main h2") == []
    assert "venir à l'un de nos événements" in real_site.text("contact/")
    script = real_site.page("").css_first('script[type="application/ld+json"]')
    assert json.loads(script.text()) == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "L'Alternateur",
    }


def test_missing_publisher_facts_are_warnings_to_complete(real_site: Site) -> None:
    assert real_site.result.returncode == 0
    for line in TO_FILL:
        assert line in real_site.log, line
    check = run_invoke("check")
    assert check.returncode == 0, check.stdout + check.stderr
    for line in TO_FILL:
        assert line in check.stdout, line
    assert "aucun problème" in check.stdout


# Each mistaken setting, and the French line that names it.
SETTING_MISTAKES = {
    "ASSOCIATION_EMAIL": (
        "contact@",
        (
            "pelicanconf.py: Réglage ASSOCIATION_EMAIL « mailto:contact@ » n'est pas "
            "une adresse mailto: complète"
        ),
    ),
    "ASSOCIATION_JOIN_URL": (
        "http://example.org/adhesion",
        (
            "pelicanconf.py: Réglage ASSOCIATION_JOIN_URL "
            "« http://example.org/adhesion » n'est pas une adresse de page web sûre "
            "(attendu une adresse https://…)"
        ),
    ),
    "ASSOCIATION_DONATE_URL": (
        "javascript:alert(1)",
        (
            "pelicanconf.py: Réglage ASSOCIATION_DONATE_URL « javascript:alert(1) » "
            "n'est pas une adresse de lien autorisée"
        ),
    ),
    "ASSOCIATION_NEWSLETTER_URL": (
        "example.org/lettre",
        (
            "pelicanconf.py: Réglage ASSOCIATION_NEWSLETTER_URL « example.org/lettre » "
            "n'est pas une adresse de lien autorisée : écrivez https://example.org/lettre"
        ),
    ),
    "ASSOCIATION_PHONE": (
        "appelez-nous",
        (
            "pelicanconf.py: Réglage ASSOCIATION_PHONE « tel:appelez-nous » n'est pas "
            "une adresse tel: complète"
        ),
    ),
    "ASSOCIATION_SOCIAL": (
        [["Mastodon"]],
        (
            "pelicanconf.py: Réglage ASSOCIATION_SOCIAL « ['Mastodon'] » doit être une "
            "liste de paires"
        ),
    ),
    "ASSOCIATION_RNA": (
        "941234567",
        (
            "pelicanconf.py: Réglage ASSOCIATION_RNA « 941234567 » n'est pas valide "
            "(attendu W suivi de 9 chiffres)"
        ),
    ),
    "ASSOCIATION_SIREN": (
        "732 829 321",
        (
            "pelicanconf.py: Réglage ASSOCIATION_SIREN « 732829321 » a une erreur de "
            "chiffre"
        ),
    ),
    "SOURCE_REPOSITORY": (
        "https://gitlab.com/example/site",
        (
            "pelicanconf.py: Réglage SOURCE_REPOSITORY "
            "« https://gitlab.com/example/site » "
            "n'est pas l'adresse d'un dépôt GitHub"
        ),
    ),
}


def test_each_mistaken_setting_stops_the_strict_build(tmp_path: Path) -> None:
    extra = [
        "-e",
        *(
            f"{name}={json.dumps(value)}"
            for name, (value, _) in SETTING_MISTAKES.items()
        ),
    ]
    result = run_pelican(ROOT / "content", tmp_path / "output", extra=extra)
    log = " ".join((result.stdout + result.stderr).split())
    assert result.returncode == 1
    missing = [line for _, line in SETTING_MISTAKES.values() if line not in log]
    assert missing == []
    assert "Traceback" not in log


def test_settings_are_read_with_the_links_rules() -> None:
    association, problems = read_association(
        {
            "SITENAME": "L'Alternateur",
            "ASSOCIATION_EMAIL": "MAILTO:contact@example.org",
            "ASSOCIATION_PHONE": "+33 1 23 45 67 89",
            "ASSOCIATION_SOCIAL": {"mastodon": "HTTPS://m.example/@a"},
            "ASSOCIATION_RNA": "w94 123 4567",
            "ASSOCIATION_ADDRESS": "1 rue A\n\n94500 Champigny",
            "SOURCE_REPOSITORY": "https://github.com/o/r.git",
            "SOURCE_BRANCH": "",
            "SOURCE_CONTENT_FOLDER": "content",
        }
    )
    assert problems == []
    assert association.name == "L'Alternateur"
    assert association.email_url == "mailto:contact@example.org"
    assert association.phone_url == "tel:+33123456789"
    assert association.social == (Link("mastodon", "https://m.example/@a", me=True),)
    assert association.rna == "W941234567"
    assert association.address == ("1 rue A", "94500 Champigny")
    assert association.edit_url("pages/a.md") == (
        "https://github.com/o/r/edit/main/content/pages/a.md"
    )
    assert association.has_contact
    empty, problems = read_association({"SITENAME": "X"})
    assert problems == []
    assert not empty.has_contact
    assert empty.edit_url("pages/a.md") == ""
