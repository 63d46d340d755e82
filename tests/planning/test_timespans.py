"""Schedules and periods as plans write them: read without inventing dates, sorted sensibly."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from kotoplan.planning.models.timespans import (
    AUTUMN,
    SPRING,
    SUMMER,
    WHOLE_YEAR,
    Schedule,
    parse_period,
    parse_schedule,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "start", "part", "end"),
    [
        ("2025", 2025, WHOLE_YEAR, None),
        ("2025–2027", 2025, WHOLE_YEAR, 2027),
        ("2025-2027", 2025, WHOLE_YEAR, 2027),
        (f"2025{NBSP}–{NBSP}2027", 2025, WHOLE_YEAR, 2027),
        ("2025 — 2027", 2025, WHOLE_YEAR, 2027),
        ("syksy 2025", 2025, AUTUMN, None),
        ("Syksyllä 2025", 2025, AUTUMN, None),
        ("kevät 2026", 2026, SPRING, None),
        ("kesä 2026", 2026, SUMMER, None),
        ("hösten 2025", 2025, AUTUMN, None),
        ("våren 2026", 2026, SPRING, None),
        ("2025 autumn", 2025, AUTUMN, None),
        ("autumn 2025", 2025, AUTUMN, None),
        ("spring of 2026", 2026, SPRING, None),
        ("syksy 2025 – kevät 2026", 2025, AUTUMN, 2026),
        ("1.9.2025–31.5.2026", 2025, AUTUMN, 2026),
        ("2025-09-01 – 2026-05-31", 2025, AUTUMN, 2026),
        ("3/2026", 2026, SPRING, None),
    ],
)
def test_schedule_is_read_as_written__year_range_term_or_dates(text, start, part, end):
    """Years, ranges, terms (fi/sv/en) and dates give their first year, part and last year."""
    read = parse_schedule(text)

    assert read.recognised
    assert (read.start_year, read.part, read.end_year) == (start, part, end)
    assert not read.ongoing


@pytest.mark.parametrize(
    "text", ["jatkuva", "Jatkuvaa.", "vuosittain", "fortlöpande", "löpande", "ongoing", "Ongoing"]
)
def test_schedule_is_ongoing__word_in_any_language(text):
    """ "jatkuva", "fortlöpande", "ongoing" are ongoing, with no year invented."""
    read = parse_schedule(text)

    assert read.recognised
    assert read.ongoing
    assert read.start_year is None
    assert read.end_year is None


@pytest.mark.parametrize("text", ["2025 alkaen", "från 2025", "from 2025", "2025–"])
def test_schedule_from_a_year_on__is_ongoing_from_that_year(text):
    read = parse_schedule(text)

    assert (read.start_year, read.end_year, read.ongoing) == (2025, None, True)


@pytest.mark.parametrize(
    "text", ["pian", "talvi 2025", "25–27", "2027–2025", "31.2.2025", "vuosina 2025 ja 2027", ""]
)
def test_schedule_not_understood__kept_unrecognised_without_a_year(text):
    """Nothing is guessed: an unreadable text gives no year and sorts last."""
    read = parse_schedule(text)

    assert not read.recognised
    assert read.start_year is None
    assert read.sort_key > parse_schedule("jatkuva").sort_key > parse_schedule("2099").sort_key


def test_schedules_sort__years_then_terms_then_ongoing_then_unrecognised():
    texts = ["jatkuva", "pian", "2026", "syksy 2025", "2025–2027", "kevät 2025", "2025"]

    ordered = sorted(texts, key=lambda t: parse_schedule(t).sort_key)

    assert ordered == ["2025", "2025–2027", "kevät 2025", "syksy 2025", "2026", "jatkuva", "pian"]


def test_schedule_ended_before__never_for_ongoing_or_unrecognised():
    day = date(2027, 3, 1)

    assert parse_schedule("2025–2026").ended_before(day)
    assert parse_schedule("syksy 2026").ended_before(day)
    assert not parse_schedule("2025–2027").ended_before(day)
    assert not parse_schedule("jatkuva").ended_before(day)
    assert not parse_schedule("2020 alkaen").ended_before(day)
    assert not parse_schedule("pian").ended_before(day)
    assert not Schedule().ended_before(day)


@pytest.mark.parametrize(
    "text",
    [
        "2022–2025",
        "2022-2025",
        "2022 — 2025",
        f"2022{NBSP}–{NBSP}2025",
        " 2022 –2025 ",
        "2022−2025",
    ],
)
def test_period_is_read__any_dash_any_spaces(text):
    assert parse_period(text) == (2022, 2025)


def test_period_single_year__gives_no_end():
    assert parse_period("2025") == (2025, None)


@pytest.mark.parametrize("text", ["22–25", "2022–25", "22"])
def test_period_two_digit_years_refused__message_quotes_the_input(text):
    with pytest.raises(ValidationError) as error:
        parse_period(text)

    (message,) = error.value.messages
    assert f"“{text}”" in message
    assert "four digits" in message


def test_period_backwards_refused__message_quotes_the_input():
    with pytest.raises(ValidationError) as error:
        parse_period("2025–2022")

    assert error.value.messages == ["“2025–2022”: the period ends before it starts."]
