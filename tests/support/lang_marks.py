"""Finding text written in one language on a page in another without a `lang` mark: the text
nodes (and the title) whose nearest `lang` is the page's language but that contain one of the
given strings written in another language."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []  # (tag, lang)
        self.texts: list[tuple[str, str]] = []  # (effective lang, text)
        self.skip = 0

    def _lang(self) -> str:
        return self.stack[-1][1] if self.stack else ""

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        lang = dict(attrs).get("lang") or self._lang()
        self.stack.append((tag, lang))
        if tag in ("script", "style", "title"):  # a title cannot mark a part of itself
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag in ("script", "style", "title"):
                self.skip -= 1
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.texts.append((self._lang()[:2], data))


def text_nodes(html: str) -> list[tuple[str, str]]:
    """(language, text) of every visible text node, the language from its nearest `lang`."""
    reader = _Reader()
    reader.feed(html)
    return reader.texts


def unmarked(html: str, strings: dict[str, str]) -> list[tuple[str, str]]:
    """(string, its language) for every occurrence of a known string inside a text node whose
    language differs from the string's. `strings` maps text → the language it is written in."""
    found = []
    for lang, text in text_nodes(html):
        for value, written_in in strings.items():
            if value in text and lang != written_in:
                found.append((value, written_in))
    return found
