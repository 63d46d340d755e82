"""The fields of a page's form as a browser would send them, read from its HTML."""

from html.parser import HTMLParser

TEXT_TYPES = {"text", "search", "email", "url", "tel", "number", "date", ""}


class _Form(HTMLParser):
    def __init__(self, action: str):
        super().__init__()
        self.action = action
        self.inside = False
        self.done = False
        self.values: dict[str, list[str]] = {}
        self.texts: list[str] = []
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and not self.done and a.get("method", "").lower() == "post":
            self.inside = a.get("action", "").split("?")[0] in ("", self.action)
        if not self.inside or "disabled" in a:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.values.setdefault(name, []).append(a.get("value", "on"))
            elif kind not in ("submit", "button", "file", "reset"):
                self.values.setdefault(name, []).append(a.get("value", ""))
                if kind in TEXT_TYPES:
                    self.texts.append(name)
        elif tag == "textarea" and name:
            self.textarea = name
            self.values[name] = [""]
            self.texts.append(name)
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select:
            chosen = self.values.get(self.select)
            if "selected" in a or not chosen or chosen == [""]:
                self.values[self.select] = [a.get("value", "")]

    def handle_data(self, data):
        if self.textarea:
            self.values[self.textarea] = [self.values[self.textarea][0] + data]

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


def form_of(html: str, action: str = "") -> tuple[dict[str, list[str]], list[str]]:
    """The first POST form (posting to `action` or to its own page): its values and the names
    of its free-text fields."""
    parser = _Form(action)
    parser.feed(html)
    return parser.values, list(dict.fromkeys(parser.texts))
