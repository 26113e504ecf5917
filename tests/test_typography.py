"""French typography: spaces, guillemets and apostrophes, in text nodes only."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import markdown
import pytest
from alternateur.french.typography import NBSP, NNBSP, french_html, french_text
from alternateur.views.filters import plain_french
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from typographeur import typographeur

from .sites import ROOT, Site
from .theme_site import build_theme_site

N, S = NNBSP, NBSP


@pytest.mark.parametrize(
    ("source", "typeset"),
    [
        # Narrow no-break space before ; ! ?, replacing a space or added.
        ("Bonjour ! Ça va ? Oui ; bien.", f"Bonjour{N}! Ça va{N}? Oui{N}; bien."),
        ("Bonjour! Ça va?", f"Bonjour{N}! Ça va{N}?"),
        ("Quoi ?!", f"Quoi{N}?!"),
        # No-break space before a colon.
        ("Lieu : Champigny", f"Lieu{S}: Champigny"),
        ("Lieu: Champigny", f"Lieu{S}: Champigny"),
        # Narrow no-break spaces inside guillemets, typewriter quotes made French.
        ("la « promo » de mai", f"la «{N}promo{N}» de mai"),
        ("la «promo» de mai", f"la «{N}promo{N}» de mai"),
        ('la "promo" de mai', f"la «{N}promo{N}» de mai"),
        # Apostrophes, percentages, times and prices.
        ("l'idée d'aujourd'hui", "l’idée d’aujourd’hui"),
        ("40 % des travaux, 40% du reste", f"40{N}% des travaux, 40{N}% du reste"),
        ("de 18 h 30 à 21 h, 5 €", f"de 18{S}h{S}30 à 21{S}h, 5{S}€"),
        # What is not French punctuation stays: times, URLs, code-like text.
        ("Rendez-vous à 18:30.", "Rendez-vous à 18:30."),
        ("Voir https://example.org/a?b=c;d !", f"Voir https://example.org/a?b=c;d{N}!"),
        (
            "Écrire à mailto:contact@example.org ?",
            f"Écrire à mailto:contact@example.org{N}?",
        ),
        ("a;b a?b a:b", "a;b a?b a:b"),
        # Already typeset text is left as it is.
        (f"Bonjour{N}! Lieu{S}: «{N}ici{N}»", f"Bonjour{N}! Lieu{S}: «{N}ici{N}»"),
    ],
)
def test_french_spacing_in_a_paragraph(source: str, typeset: str) -> None:
    assert french_html(f"<p>{source}</p>") == f"<p>{typeset}</p>"
    assert french_text(source) == typeset


@pytest.mark.parametrize(
    ("source", "typeset"),
    [
        # Across inline elements, the neighbours are seen.
        ("<p>«<em>mot</em>»</p>", f"<p>«{N}<em>mot</em>{N}»</p>"),
        ("<p>« <a href='/'>mot</a> »</p>", f"<p>«{N}<a href='/'>mot</a>{N}»</p>"),
        (
            "<p><strong>Attention</strong>!</p>",
            f"<p><strong>Attention</strong>{N}!</p>",
        ),
        ("<p><b>Lieu </b>: ici</p>", f"<p><b>Lieu{S}</b>: ici</p>"),
        # A block's edge ends the line: nothing joins two paragraphs.
        ("<p>Lieu</p><p>: ici</p>", "<p>Lieu</p><p>: ici</p>"),
        ("<li>Oui</li><li>!</li>", "<li>Oui</li><li>!</li>"),
        # Entities are read as the characters they are.
        (
            "<p>A &amp; B : &laquo;&nbsp;ok&nbsp;&raquo;</p>",
            f"<p>A &amp; B{S}: «{N}ok{N}»</p>",
        ),
        ("<p>jusqu&#39;ici</p>", "<p>jusqu’ici</p>"),
        # Never inside attributes, code, pre, kbd, samp, script, style.
        (
            '<a title="Lieu : ici !" href="/?a=b;c">Lieu : ici</a>',
            f'<a title="Lieu : ici !" href="/?a=b;c">Lieu{S}: ici</a>',
        ),
        (
            "<p>Tapez <code>a : b ; c !</code> : fini</p>",
            f"<p>Tapez <code>a : b ; c !</code>{S}: fini</p>",
        ),
        ("<pre>pre : « x » ; y !</pre>", "<pre>pre : « x » ; y !</pre>"),
        (
            "<p><kbd>Ctrl ;</kbd> <samp>ok !</samp></p>",
            "<p><kbd>Ctrl ;</kbd> <samp>ok !</samp></p>",
        ),
        (
            '<script>if (a !b) { c = "d" ; }</script>',
            '<script>if (a !b) { c = "d" ; }</script>',
        ),
        (
            "<style>a:hover { color: red ; }</style>",
            "<style>a:hover { color: red ; }</style>",
        ),
        # Nor in another language.
        (
            '<p lang="en">Hello: "world"!</p><p>Fin!</p>',
            f'<p lang="en">Hello: "world"!</p><p>Fin{N}!</p>',
        ),
        # However deeply the other language's element nests its own kind.
        (
            '<p><span lang="en">Hi <span>there</span> you!</span> Oui!</p>',
            f'<p><span lang="en">Hi <span>there</span> you!</span> Oui{N}!</p>',
        ),
        # Comments and the doctype are markup.
        (
            "<!doctype html><!-- a : b ! --><p>c!</p>",
            f"<!doctype html><!-- a : b ! --><p>c{N}!</p>",
        ),
    ],
)
def test_only_text_nodes_are_typeset(source: str, typeset: str) -> None:
    assert french_html(source) == typeset


def test_a_page_without_french_punctuation_is_untouched_byte_for_byte() -> None:
    page = '<!DOCTYPE html>\n<p class="x">Un &nbsp; texte &eacute;crit, sans rien</p>\n'
    assert french_html(page) == page


# Text made of French-ish pieces and the signs the rules look at.
_PIECES = st.sampled_from(
    [
        *["mot", "l'", "été", " ", "  ", ";", ":", "!", "?", "«", "»", '"', "'"],
        *["%", "18", "h", "30", "€", "https://ex.org/?a=b", "\u00a0", "\u202f", "."],
    ]
)
_TEXT = st.lists(_PIECES, max_size=20).map("".join)
_TAGS = st.sampled_from(["", "<em>", "</em>", "<code>x : y</code>", "<br>"])


@given(st.lists(st.tuples(_TEXT, _TAGS), max_size=6))
def test_typesetting_keeps_the_markup_and_the_words_and_is_idempotent(
    parts: list[tuple[str, str]],
) -> None:
    source = "<p>" + "".join(html.escape(text) + tag for text, tag in parts) + "</p>"
    typeset = french_html(source)
    assert french_html(typeset) == typeset
    tags = re.compile(r"<[^>]*>")
    assert tags.findall(typeset) == tags.findall(source)

    def words(page: str) -> str:
        text = html.unescape(tags.sub("", page))
        return re.sub(r"[\s\u00a0\u202f]", "", text.translate(_PLAIN_QUOTES))

    assert words(typeset) == words(source)


_PLAIN_QUOTES = str.maketrans({"«": '"', "»": '"', "’": "'"})


def _markdown_bodies() -> list[tuple[str, str]]:
    """The HTML of every real content file's body."""
    bodies = []
    for path in sorted((ROOT / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8").split("\n\n", 1)[-1]
        bodies.append((str(path.relative_to(ROOT)), markdown.markdown(text)))
    return bodies


@pytest.mark.parametrize(("name", "body"), _markdown_bodies())
def test_french_spacing_agrees_with_typographeur_on_the_real_content(
    name: str, body: str
) -> None:
    # typographeur is the reference for the rules, not the filter: it puts a
    # no-break space inside « » where we put the narrow one, and would break
    # times and URLs (there are none in these texts, checked above).
    expected = typographeur(
        body,
        fix_parenthesis=False,
        fix_ellipsis=False,
        fix_point_space=False,
        fix_comma_space=False,
        fix_nuples=False,
        fix_title_points=False,
        fix_oe=False,
        fix_ae=False,
        fix_nbsp=False,
    )
    expected = expected.replace(f"«{NBSP}", f"«{NNBSP}").replace(
        f"{NBSP}»", f"{NNBSP}»"
    )
    # Percentages, times and prices are ours alone: typographeur has no rule.
    ours = re.sub(r"(?<=\d)[\u00a0\u202f](?=%|h\b|€)", " ", french_html(body))
    ours = re.sub(r"(?<=\dh)\u00a0(?=\d)", " ", ours)
    assert html.unescape(ours) == html.unescape(expected), name


def test_plain_text_has_no_markup_and_keeps_french_spacing() -> None:
    title = (
        'Une aide de l\'<span class="caps">ESS</span> <span class="amp">&amp;</span>'
        " co : enfin !"
    )
    assert plain_french(title) == f"Une aide de l’ESS & co{S}: enfin{N}!"
    assert plain_french("<p>Un\n résumé</p>\n<p>en deux.</p>") == "Un résumé en deux."
    assert plain_french(None) == ""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_theme_site(tmp_path_factory.mktemp("typo") / "output")


def test_titles_keep_typogrify_in_the_page_and_are_plain_text_elsewhere(
    site: Site,
) -> None:
    home = site.file("index.html")
    # The visible title: typogrify's « & », French spaces.
    h1 = HTMLParser(home).css_first("h1")
    assert '<span class="amp">&amp;</span>' in h1.html
    assert f"voisins{S}: bienvenue{N}!" in h1.text()
    # <title>, meta tags: the same words as plain text.
    title = f"Un tiers-lieu &amp; ses voisins{S}: bienvenue{N}!"
    assert f"<title>{title}</title>" in home
    assert f'<meta property="og:title" content="{title}">' in home
    description = re.search(r'<meta name="description" content="([^"]*)">', home)
    assert description
    assert description.group(1) == (
        f"Un lieu de l’ESS pour «{N}faire ensemble{N}»{S}: ateliers{N}; et vous{N}?"
    )
    assert "<span" not in HTMLParser(home).css_first("head").html


def test_json_ld_gets_plain_text_and_is_never_typeset(site: Site) -> None:
    event = HTMLParser(site.file("agenda/apero/index.html"))
    data = json.loads(event.css_first('script[type="application/ld+json"]').text())
    assert data["name"] == f"Apéro du tiers-lieu & de l’ESS{S}: venez nombreux{N}!"


def test_bodies_and_the_templates_own_words_are_typeset(site: Site) -> None:
    agenda = site.file("agenda/index.html")
    # Words written in a template, not in the content.
    assert f"Abonnez votre calendrier à l’agenda{S}: les événements" in agenda
    assert f"18{S}h{S}30{S}–\u2060{S}21{S}h" in agenda  # A time range: one line.
    # A body.
    assert f"«{N}venez comme vous êtes{N}»{N}!" in site.file("agenda/apero/index.html")


def test_code_urls_and_times_are_left_alone(site: Site) -> None:
    page = site.page("le-projet/")
    assert page.css_first("p code").text() == "a : b ; c ! d ?"
    assert page.css_first("pre").text() == "pre : « intact » ; ici !\n"
    text = page.css_first("main").text()
    assert "https://example.org/a?b=c;d" in text
    assert "à 18:30" in text


def test_no_english_quotes_anywhere(site: Site) -> None:
    for path in sorted(site.output.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert not re.findall(r"“|”|&#822[01];|&[lr]dquo;", text), path


def test_only_text_changes_never_markup(site: Site, tmp_path: Path) -> None:
    untyped = build_theme_site(tmp_path / "output", extra={"FRENCH_TYPOGRAPHY": False})
    tags = re.compile(r"<[^>]*>")
    for path in sorted(site.output.rglob("*.html")):
        relative = path.relative_to(site.output)
        typed_html = path.read_text(encoding="utf-8")
        plain_html = (untyped.output / relative).read_text(encoding="utf-8")
        assert tags.findall(typed_html) == tags.findall(plain_html), relative
        assert typed_html != plain_html, relative
