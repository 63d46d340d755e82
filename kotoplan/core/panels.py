"""Registries through which higher apps add to lower apps' pages without being imported by them.

Every registry holds entries under a unique key and gives them back in their order. Two kinds:

- Plan panels: each app registers the panels it contributes to the plan page in its
  `AppConfig.ready()` (its panels.py); the plan page loops over `plan_panels(...)` and includes
  each template.
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

MENU = "menu"
FOOTER = "footer"
PROFILE = "profile"

PanelContext = Callable[..., dict[str, Any] | None]


@dataclass(frozen=True)
class Panel:
    key: str
    order: int
    template: str
    context: PanelContext  # (plan=, user=, request=) -> dict, or None to leave the panel out


@dataclass(frozen=True)
class RenderedPanel:
    key: str
    template: str
    context: dict[str, Any]


@dataclass(frozen=True)
class Link:
    key: str
    order: int
    label: Any  # a lazy translation
    url: Callable[..., str | None]  # (**the slot's context) -> URL, or None to leave it out


Entry = TypeVar("Entry", Panel, Link)

_panels: dict[str, Panel] = {}
_links: dict[str, dict[str, Link]] = {}  # slot → key → link


def _register(registry: dict[str, Entry], entry: Entry) -> None:
    """Add an entry; registering the same entry again (a module imported twice) is harmless."""
    known = registry.get(entry.key)
    if known is not None and known != entry:
        raise RuntimeError(f"{type(entry).__name__} {entry.key!r} registered twice")
    registry[entry.key] = entry


def _in_order(registry: dict[str, Entry]) -> list[Entry]:
    return sorted(registry.values(), key=lambda entry: (entry.order, entry.key))


def register_plan_panel(*, key: str, order: int, template: str, context: PanelContext) -> None:
    _register(_panels, Panel(key=key, order=order, template=template, context=context))


def registered_plan_panels() -> list[Panel]:
    return _in_order(_panels)


def plan_panels(*, plan, user, request=None) -> list[RenderedPanel]:
    """The panels of the plan page for this user, in their order; each with its own context."""
    rendered = []
    for panel in _in_order(_panels):
        context = panel.context(plan=plan, user=user, request=request)
        if context is not None:
            rendered.append(RenderedPanel(panel.key, panel.template, {"plan": plan, **context}))
    return rendered


def register_link(slot: str, *, key: str, order: int, label, url: Callable[..., str | None]):
    _register(_links.setdefault(slot, {}), Link(key=key, order=order, label=label, url=url))


def links(slot: str, **context) -> list[tuple[str, Any, str]]:
    """(key, label, url) of the slot's links that apply in `context`, in their order."""
    found = []
    for link in _in_order(_links.get(slot, {})):
        url = link.url(**context)
        if url:
            found.append((link.key, link.label, url))
    return found


def register_menu_item(*, key: str, order: int, label, url: Callable[..., str | None]) -> None:
    """An entry of the main navigation; `url(user=...)` for the signed-in user."""
    register_link(MENU, key=key, order=order, label=label, url=url)


def menu_items(user) -> list[tuple[str, Any, str]]:
    """(key, label, url) of the navigation entries this user has, in order."""
    return links(MENU, user=user)
