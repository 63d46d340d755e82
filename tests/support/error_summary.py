"""Reading a page's error summary as a user does: each link's text and the input it leads to."""

import re
from html import unescape

SUMMARY = re.compile(r'<div class="error-summary".*?</div>', re.S)
LINK = re.compile(r'<a href="#([^"]+)">(.*?)</a>', re.S)
INPUT_IDS = re.compile(r'<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"')
TAGS = re.compile(r"<[^>]+>")
# Labels Django makes up from a field's name when none is given: "Email", "Q 6", "Target".
GENERATED = re.compile(r"^(Email|Target|Comment|Category|Website|Organisation name|Q \d+)$")


def _label_of(page: str, target: str) -> str | None:
    match = re.search(rf'<label for="{re.escape(target)}">(.*?)</label>', page, re.S)
    if not match:
        return None
    return unescape(TAGS.sub("", match.group(1))).replace("*", "").strip()


def summary_links(page: str) -> dict[str, str]:
    """Target id → (label, error) of every link in the error summary. Fails when a link leads to
    no input, when its label is a generated English name, or when it differs from the label the
    form shows for that input."""
    summary = SUMMARY.search(page)
    assert summary, "no error summary on the page"
    inputs = set(INPUT_IDS.findall(page))
    links = {}
    for target, html in LINK.findall(summary.group(0)):
        text = unescape(TAGS.sub("", html)).strip()
        label, _, error = text.partition(": ")
        assert target in inputs, f"{text!r} links to #{target}, which is no input"
        assert not GENERATED.match(label), f"generated label {label!r}"
        shown = _label_of(page, target)
        if shown is not None and not target.endswith("_0"):
            assert label == shown, f"summary says {label!r}, the form {shown!r}"
        links[target] = (label, error)
    return links
