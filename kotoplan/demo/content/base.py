"""Helpers shared by the demo content modules."""

from datetime import date

DEMO_PASSWORD = "kotoplan-demo"  # noqa: S105
SITE_URL = "http://127.0.0.1:8000/"


def text(value: str) -> str:
    """Join a wrapped, indented text into paragraphs; a blank line starts a new paragraph."""
    paragraphs = (" ".join(part.split()) for part in value.strip().split("\n\n"))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def role(
    name: str, organisation: str, valid_from: date | None = None, valid_to: date | None = None
) -> dict:
    """A role of a demo user; `organisation` is a reference as described in references.py."""
    return {
        "role": name,
        "organisation": organisation,
        "valid_from": valid_from,
        "valid_to": valid_to,
    }
