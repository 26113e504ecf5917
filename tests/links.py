"""Follow every internal link of a built site, as a visitor's browser would.

A link is resolved against the address its page is served at, then mapped to
the file a static host (GitHub Pages) would serve: ``dir/`` to
``dir/index.html``, ``dir`` to ``dir/index.html`` too (the host redirects).
A ``#fragment`` must name an ``id`` of the page it points to.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from icalendar import Calendar
from selectolax.lexbor import LexborHTMLParser

# Attributes that name another resource, by element.
URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "object": ("data",),
    "form": ("action",),
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")
NOT_FETCHED = {"mailto", "tel", "sms", "data", "javascript", "geo"}


def srcset_urls(value: str) -> list[str]:
    """Return the URLs of a ``srcset`` (``a.png 1x, b.png 2x``)."""
    return [part.split()[0] for part in value.split(",") if part.strip()]


def css_urls(text: str) -> list[str]:
    """Return the URLs a stylesheet (or a ``style`` attribute) loads."""
    return [match[1] or match[3] for match in CSS_URL.findall(text)]


class SiteLinks:
    """The built site in ``output``, served at ``base`` (ending with ``/``)."""

    def __init__(self, output: Path, base: str) -> None:
        self.output = output
        self.base = base if base.endswith("/") else base + "/"
        self._base = urlsplit(self.base)

    def url_of(self, path: Path) -> str:
        """Return the address a file of the site is served at."""
        relative = path.relative_to(self.output).as_posix()
        if relative == "index.html" or relative.endswith("/index.html"):
            relative = relative.removesuffix("index.html")
        return self.base + relative

    def file_of(self, url: str) -> Path | None:
        """Return the file served at an address of the site, or None."""
        rest = unquote(urlsplit(url).path).removeprefix(self._base.path)
        path = self.output / rest
        if not rest or rest.endswith("/") or path.is_dir():
            path /= "index.html"
        return path if path.is_file() else None

    def resolve(self, value: str, page_url: str) -> tuple[str, str] | None:
        """Return ``(address, fragment)`` of a link to this host, else None."""
        scheme = urlsplit(value).scheme.lower()
        if scheme in NOT_FETCHED:
            return None
        if scheme == "webcal":  # A calendar subscription to one of our files.
            value = self._base.scheme + value[len("webcal") :]
        target, fragment = urldefrag(urljoin(page_url, value))
        if urlsplit(target).netloc != self._base.netloc:
            return None  # Another site: not ours to check, and not fetched here.
        return target, unquote(fragment)

    def check(self, value: str, page_url: str, page: Path) -> str | None:
        """Return what is wrong with one link of a page, or None."""
        value = value.strip()
        if not value:
            return "empty link"
        resolved = self.resolve(value, page_url)
        if resolved is None:
            return None
        target, fragment = resolved
        if not target.startswith(self.base):
            return f"{value}: outside the site ({self.base})"
        path = page if target == urldefrag(page_url)[0] else self.file_of(target)
        if path is None:
            return f"{value}: no file at {target}"
        if fragment and path.suffix == ".html" and fragment not in ids_of(path):
            return f"{value}: no id « {fragment} » in {target}"
        return None

    def html_links(self, page: Path) -> list[str]:
        """Return every URL an HTML page links to or loads."""
        document = LexborHTMLParser(page.read_text(encoding="utf-8"))
        urls = []
        for tag, attributes in URL_ATTRIBUTES.items():
            for node in document.css(tag):
                for attribute in attributes:
                    value = node.attributes.get(attribute)
                    if value is None:
                        continue
                    urls += srcset_urls(value) if attribute == "srcset" else [value]
        for node in document.css("[style]"):
            urls += css_urls(node.attributes["style"] or "")
        for node in document.css("style"):
            urls += css_urls(node.text())
        for node in document.css("meta[content]"):
            content = node.attributes["content"] or ""
            if content.startswith(("http://", "https://")):
                urls.append(content)  # og:url, og:image…
        return urls

    def page_problems(self, page: Path, served_at: str | None = None) -> list[str]:
        """Return the broken links of one HTML page, served at its address.

        ``served_at`` serves the page at another address, as a host serves
        ``404.html`` at whatever address was asked for.
        """
        page_url = served_at or self.url_of(page)
        return [
            f"{page_url}: {problem}"
            for value in self.html_links(page)
            if (problem := self.check(value, page_url, page))
        ]

    def other_links(self, path: Path) -> list[str]:
        """Return the URLs of a stylesheet, XML file, calendar or robots.txt."""
        if path.suffix == ".css":
            return css_urls(path.read_text(encoding="utf-8"))
        if path.suffix == ".xml":
            urls = []
            for element in ET.parse(path).iter():
                tag = element.tag.rsplit("}", 1)[-1]
                if "href" in element.attrib:
                    urls.append(element.attrib["href"])
                elif tag in {"loc", "link"} and (element.text or "").strip():
                    urls.append(element.text.strip())
            return urls
        if path.suffix == ".ics":
            calendar = Calendar.from_ical(path.read_bytes())
            return [str(item["URL"]) for item in calendar.walk() if "URL" in item]
        if path.name == "robots.txt":
            return [
                line.partition(":")[2].strip()
                for line in path.read_text(encoding="utf-8").splitlines()
                if line.lower().startswith("sitemap:")
            ]
        return []

    def problems(self) -> list[str]:
        """Return every broken internal link of the site."""
        found = []
        for path in sorted(self.output.rglob("*")):
            if path.suffix == ".html":
                found += self.page_problems(path)
            elif path.is_file():
                url = self.url_of(path)
                found += [
                    f"{url}: {problem}"
                    for value in self.other_links(path)
                    if (problem := self.check(value, url, path))
                ]
        return found


@cache
def ids_of(page: Path) -> frozenset[str]:
    """Return the fragment targets of an HTML page: its ids and anchor names."""
    document = LexborHTMLParser(page.read_text(encoding="utf-8"))
    ids = {node.attributes["id"] for node in document.css("[id]")}
    ids |= {node.attributes["name"] for node in document.css("a[name]")}
    return frozenset(ids)
