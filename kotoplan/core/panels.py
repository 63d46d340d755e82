"""Registries through which higher apps add to lower apps' pages without being imported by them.

Every registry holds entries under a unique key and gives them back in their order. Two kinds:

- Plan panels: each app registers the panels it contributes to the plan page in its
  `AppConfig.ready()` (its panels.py); the plan page loops over `plan_panels(...)` and includes
  each template.
- Page sections: the signed-in user's home page ("My work", `HOME`) and the public front door
  (`FRONT`) are made of sections each app contributes with `register_section(slot, ...)`:
  `context(user=, request=)` gives the section's context or None to leave it out; an optional
  `count(user=)` tells how many things in the section wait for the user (shown in the
  navigation, so it must cost at most one query).
- Links in named slots: the main navigation (`MENU`), the footer of every page (`FOOTER`), the
  user's account page (`PROFILE`), and the
  slots an app opens on its own pages (e.g. planning's other ways to start a plan, monitoring's
  files of a report). An app registers a link with `register_link(slot, ...)`; the page shows
  `links(slot, **context)`: each link's `url(**context)` gives its address, or None to leave the
  link out (e.g. `url(user=...)` for the navigation).

This is the inversion that keeps imports pointing one way: planning names no higher app, and the
navigation in the base template names no app at all (Wagtail's homepage panels and menu hooks).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from .kept import kept_for_reader

MENU = "menu"
FOOTER = "footer"
HOME = "home"
FRONT = "front"
PROFILE = "profile"

PanelContext = Callable[..., dict[str, Any] | None]


@dataclass(frozen=True)
class Panel:
    key: str
    order: int
    template: str
    context: PanelContext  # (plan=, user=, request=) -> dict, or None to leave the panel out
    title: Any = None  # its entry in the plan page's table of contents (a lazy translation)


@dataclass(frozen=True)
class RenderedPanel:
    key: str
    template: str
    context: dict[str, Any]
    title: Any = None
    html: str | None = None  # already rendered (kept): shown as it is

    @property
    def headline(self) -> Any:
        """The one line that stands for the panel while it is folded (its context's
        "headline")."""
        return self.context.get("headline")


@dataclass(frozen=True)
class Section:
    key: str
    order: int
    template: str
    context: PanelContext  # (user=, request=) -> dict, or None to leave the section out
    count: Callable[..., int] | None = None  # (user=) -> things waiting for the user


@dataclass(frozen=True)
class Link:
    key: str
    order: int
    label: Any  # a lazy translation
    url: Callable[..., str | None]  # (**the slot's context) -> URL, or None to leave it out
    count: Callable[..., int] | None = None  # (**the slot's context) -> a number shown with it


@dataclass(frozen=True)
class MenuItem:
    key: str
    label: Any
    url: str
    count: int | None = None


Entry = TypeVar("Entry", Panel, Link, Section)

_panels: dict[str, Panel] = {}
_links: dict[str, dict[str, Link]] = {}  # slot → key → link
_sections: dict[str, dict[str, Section]] = {}  # slot → key → section


def _register(registry: dict[str, Entry], entry: Entry) -> None:
    """Add an entry; registering the same entry again (a module imported twice) is harmless."""
    known = registry.get(entry.key)
    if known is not None and known != entry:
        raise RuntimeError(f"{type(entry).__name__} {entry.key!r} registered twice")
    registry[entry.key] = entry


def _in_order(registry: dict[str, Entry]) -> list[Entry]:
    return sorted(registry.values(), key=lambda entry: (entry.order, entry.key))


def register_plan_panel(
    *, key: str, order: int, template: str, context: PanelContext, title=None
) -> None:
    """A status panel of the plan page. `title` names it in the page's table of contents; a
    "headline" in the context is the one line shown while the panel is folded."""
    entry = Panel(key=key, order=order, template=template, context=context, title=title)
    _register(_panels, entry)


def registered_plan_panels() -> list[Panel]:
    return _in_order(_panels)


def plan_panels(*, plan, user, request=None) -> list[RenderedPanel]:
    """The panels of the plan page for this user, in their order; each with its own context."""
    rendered = []
    for panel in _in_order(_panels):
        context = panel.context(plan=plan, user=user, request=request)
        if context is not None:
            rendered.append(
                RenderedPanel(panel.key, panel.template, {"plan": plan, **context}, panel.title)
            )
    return rendered


def kept_plan_panels(*, plan, user, request) -> list[RenderedPanel]:
    """The plan page's panels for this reader, rendered, and kept while nothing in the service
    changes (`kept_for_reader`: the panels read across every app)."""

    def render() -> list[tuple[str, str, str]]:
        return [
            (p.key, str(p.headline or ""), render_to_string(p.template, p.context, request))
            for p in plan_panels(plan=plan, user=user, request=request)
        ]

    kept = kept_for_reader(
        "plan-panels",
        (plan.pk, plan.version, plan.state, plan.updated_at),
        render,
        user=user,
        request=request,
    )
    return [
        RenderedPanel(key, _panels[key].template, {"headline": headline}, _panels[key].title, html)
        for key, headline, html in kept
        if key in _panels
    ]


def register_link(
    slot: str,
    *,
    key: str,
    order: int,
    label,
    url: Callable[..., str | None],
    count: Callable[..., int] | None = None,
):
    entry = Link(key=key, order=order, label=label, url=url, count=count)
    _register(_links.setdefault(slot, {}), entry)


def links(slot: str, **context) -> list[tuple[str, Any, str]]:
    """(key, label, url) of the slot's links that apply in `context`, in their order."""
    found = []
    for link in _in_order(_links.get(slot, {})):
        url = link.url(**context)
        if url:
            found.append((link.key, link.label, url))
    return found


def register_menu_item(
    *,
    key: str,
    order: int,
    label,
    url: Callable[..., str | None],
    count: Callable[..., int] | None = None,
) -> None:
    """An entry of the main navigation; `url(user=...)` for the signed-in user; `count(user=...)`
    an optional number shown after the label ("My work (3)")."""
    register_link(MENU, key=key, order=order, label=label, url=url, count=count)


def menu_items(user) -> list[MenuItem]:
    """The navigation entries this user has, in order; kept while nothing in the service changes
    (`kept_for_reader`: what the user may open follows their roles, which are audited)."""

    def read() -> list[MenuItem]:
        found = []
        for link in _in_order(_links.get(MENU, {})):
            url = link.url(user=user)
            if url:
                number = link.count(user=user) if link.count else None
                found.append(MenuItem(link.key, str(link.label), url, number))
        return found

    return kept_for_reader("menu", (), read, user=user)


def register_section(
    slot: str,
    *,
    key: str,
    order: int,
    template: str,
    context: PanelContext,
    count: Callable[..., int] | None = None,
) -> None:
    """A section of a page made of sections (`HOME`, `FRONT`)."""
    entry = Section(key=key, order=order, template=template, context=context, count=count)
    _register(_sections.setdefault(slot, {}), entry)


def sections(slot: str, **context) -> list[RenderedPanel]:
    """The sections of the slot that apply in `context` (user=, request=), in their order."""
    rendered = []
    for section in _in_order(_sections.get(slot, {})):
        found = section.context(**context)
        if found is not None:
            rendered.append(RenderedPanel(section.key, section.template, found))
    return rendered


def waiting_count(slot: str, *, user) -> int:
    """How many things the slot's sections say wait for the user; counted once per request (the
    navigation and the page ask alike) and kept while nothing in the service changes."""
    cache = f"_kotoplan_waiting_{slot}"
    known = getattr(user, cache, None)
    if known is None:
        counts = [s.count for s in _in_order(_sections.get(slot, {})) if s.count]
        known = kept_for_reader(
            f"waiting-{slot}", (), lambda: sum(count(user=user) for count in counts), user=user
        )
        setattr(user, cache, known)
    return known


# The service's own statutory pages (accessibility statement, privacy notices, cookies, contact)
# are in the footer of every page, signed in or not.
def _site_page_url(name: str) -> Callable[..., str]:
    def url(**context) -> str:
        from django.urls import reverse

        return reverse(f"core:{name}")

    return url


for _order, _key, _label in (
    (50, "accessibility", _("Accessibility statement")),
    (51, "privacy", _("Privacy notice")),
    (52, "privacy_consultations", _("Privacy notice for consultations")),
    (53, "cookies", _("Cookies")),
    (54, "contact", _("Contact")),
):
    register_link(FOOTER, key=_key, order=_order, label=_label, url=_site_page_url(_key))
