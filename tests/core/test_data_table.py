"""The `data_table` tag: caption, column headings, the focusable scrolling region, empty text."""

from django.template import engines
from django.utils import translation


def _render(source: str, **context) -> str:
    with translation.override("en"):
        return engines["django"].from_string(source).render(context)


def test_data_table__caption_and_column_headings_with_scope():
    html = _render(
        '{% data_table _("Plan") label caption=_("Plans you can see") caption_hidden=True %}'
        "<tbody><tr><td>x</td></tr></tbody>{% enddata_table %}",
        label="Period & place",
    )
    assert '<table class="table">' in html
    assert '<caption class="visually-hidden">Plans you can see</caption>' in html
    assert (
        '<thead><tr><th scope="col">Plan</th><th scope="col">Period &amp; place</th></tr></thead>'
        in html
    )
    assert "<tbody><tr><td>x</td></tr></tbody>" in html
    # a wide table scrolls in its own region, named by the caption, instead of widening the page
    assert (
        '<div class="table-scroll" tabindex="0" role="region" aria-label="Plans you can see">'
        in html
    )
    assert "table-scroll" not in _render(
        '{% data_table _("Plan") %}<tbody><tr><td>x</td></tr></tbody>{% enddata_table %}'
    )


def test_data_table__labelled_region_scrolls_and_takes_focus():
    named = _render(
        '{% data_table _("Plan") region_label=_("Scrollable table") %}{% enddata_table %}'
    )
    assert (
        '<div class="table-scroll" tabindex="0" role="region" aria-label="Scrollable table">'
        in named
    )
    by_heading = _render(
        '{% data_table _("Plan") region_labelledby="plans-title" %}{% enddata_table %}'
    )
    assert (
        '<div class="table-scroll" tabindex="0" role="region" aria-labelledby="plans-title">'
        in by_heading
    )
    assert by_heading.rstrip().endswith("</table>\n</div>")


def test_data_table__empty_heading_left_out_and_actions_heading_for_screen_readers():
    html = _render(
        '{% data_table _("Date") optional actions_column=True table_class="" %}{% enddata_table %}',
        optional="",
    )
    assert "<table>" in html
    assert html.count("<th ") == 2
    assert '<th scope="col"><span class="visually-hidden">Actions</span></th>' in html


def test_data_table__empty_text_instead_of_the_table__no_rows():
    source = (
        '{% data_table _("Plan") rows=plans empty=_("No meetings yet.") %}'
        "<tbody>{% for p in plans %}<tr><td>{{ p }}</td></tr>{% endfor %}</tbody>"
        "{% enddata_table %}"
    )
    assert _render(source, plans=[]).strip() == "<p>No meetings yet.</p>"
    assert "<td>A</td>" in _render(source, plans=["A"])
