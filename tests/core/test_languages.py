"""Names and writing direction of any language come from CLDR (through Babel), with CLDR's own
aliases, so no hand-kept list of right-to-left languages is needed."""

import pytest

from kotoplan.core.languages import babel_locale, direction, language_name


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("ar", "rtl"),
        ("fa", "rtl"),
        ("prs", "rtl"),  # Dari: CLDR's alias of fa_AF
        ("fa-AF", "rtl"),
        ("ckb", "rtl"),  # Sorani
        ("ps", "rtl"),  # Pashto
        ("ur", "rtl"),
        ("so", "ltr"),
        ("ru", "ltr"),
        ("fi", "ltr"),
        ("xx", "ltr"),  # unknown: left to right
    ],
)
def test_direction__from_cldr(code, expected):
    assert direction(code) == expected


def test_language_name__in_itself_and_in_another_language():
    assert language_name("so") == "Soomaali"
    assert language_name("en", in_language="ar") == "الإنجليزية"
    assert language_name("fi", in_language="sv") == "finska"


def test_babel_locale__a_private_use_variant_formats_as_its_language():
    assert str(babel_locale("fi-x-selko")) == "fi"
    assert str(babel_locale("prs")) == "fa_AF"
    assert babel_locale("xx") is None
