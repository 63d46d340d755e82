"""Registries through which higher apps add to lower apps' pages without being imported by them.

- Plan panels: each app registers the panels it contributes to the plan page in its
  `AppConfig.ready()`; the plan page loops over `plan_panels(...)` and includes each template.
- Menu items: each app registers its entries of the main navigation the same way.

This is the inversion that keeps imports pointing one way: planning names no higher app, and the
navigation in the base template names no app at all (Wagtail's homepage panels and menu hooks).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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
class MenuItem:
    key: str
    order: int
    label: Any  # a lazy translation
    url: Callable[[Any], str | None]  # user -> URL, or None to leave the item out


_panels: dict[str, Panel] = {}
_menu: dict[str, MenuItem] = {}


def register_plan_panel(*, key: str, order: int, template: str, context: PanelContext) -> None:
    if key in _panels and _panels[key].context is not context:
        raise RuntimeError(f"Plan panel {key!r} registered twice")
    _panels[key] = Panel(key=key, order=order, template=template, context=context)


def plan_panels(*, plan, user, request=None) -> list[RenderedPanel]:
    """The panels of the plan page for this user, in their order; each with its own context."""
    rendered = []
    for panel in sorted(_panels.values(), key=lambda p: (p.order, p.key)):
        context = panel.context(plan=plan, user=user, request=request)
        if context is not None:
            rendered.append(RenderedPanel(panel.key, panel.template, {"plan": plan, **context}))
    return rendered


def registered_plan_panels() -> list[Panel]:
    return sorted(_panels.values(), key=lambda p: (p.order, p.key))


def register_menu_item(*, key: str, order: int, label, url: Callable[[Any], str | None]) -> None:
    if key in _menu and _menu[key].url is not url:
        raise RuntimeError(f"Menu item {key!r} registered twice")
    _menu[key] = MenuItem(key=key, order=order, label=label, url=url)


def menu_items(user) -> list[tuple[str, Any, str]]:
    """(key, label, url) of the navigation entries this user has, in order."""
    items = []
    for item in sorted(_menu.values(), key=lambda i: (i.order, i.key)):
        url = item.url(user)
        if url:
            items.append((item.key, item.label, url))
    return items
