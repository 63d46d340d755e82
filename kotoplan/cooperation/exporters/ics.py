"""The calendar (.ics) attachment of a meeting invitation, written by hand per RFC 5545:
CRLF line endings, lines folded at 75 octets, text values escaped, times in UTC."""

from datetime import UTC, datetime

from django.utils import timezone

from ..models import Meeting

PRODID = "-//Kotoplan//Cooperation group meetings//EN"


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line so no physical line is longer than 75 octets (RFC 5545 3.1)."""
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not parts else 74  # continuation lines start with one space
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def meeting_ics(meeting: Meeting, *, now: datetime | None = None) -> str:
    location = meeting.place or meeting.online_url
    agenda = "\n".join(
        f"{number}. {item.title}" for number, item in enumerate(meeting.agenda_items.all(), start=1)
    )
    description = "\n\n".join(part for part in (agenda, meeting.online_url) if part)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{meeting.uid}@kotoplan",
        f"DTSTAMP:{utc_stamp(now or timezone.now())}",
        f"DTSTART:{utc_stamp(meeting.starts_at)}",
        f"DTEND:{utc_stamp(meeting.ends_at)}",
        f"SEQUENCE:{max(meeting.version - 1, 0)}",
        f"SUMMARY:{escape_text(f'{meeting.group.name}: {meeting.title}')}",
    ]
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if meeting.online_url:
        lines.append(f"URL:{meeting.online_url}")
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(f"{fold(line)}\r\n" for line in lines)
