"""Helpers shared by the demo content modules."""

DEMO_PASSWORD = "kotoplan-demo"  # noqa: S105
SITE_URL = "http://127.0.0.1:8000/"


def text(value: str) -> str:
    """Join a wrapped, indented text into paragraphs; a blank line starts a new paragraph."""
    paragraphs = (" ".join(part.split()) for part in value.strip().split("\n\n"))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
