"""Every app has the same floor plan (pyproject.toml, [tool.kotoplan.floor-plan]).

An app is a single context or a set of sub-context packages; each uses only the module names of
the plan; no module passes the size limit; templates live in their app, and a lower app's
templates name no higher app (no `{% load %}` of its tags, no `{% url 'higher:…' %}`).
"""

import ast
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "kotoplan"
PLAN = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["kotoplan"]["floor-plan"]
ORDER: list[str] = PLAN["order"]
SUB_CONTEXTS: dict[str, list[str]] = PLAN["sub-contexts"]
LAYERS = set(PLAN["layers"])
SUPPORT = set(PLAN["support"])
ROOT_ONLY = set(PLAN["app-root-only"])
PACKAGES = set(PLAN["packages"])
IGNORED = {"__pycache__", "__init__.py"}


def _apps() -> list[str]:
    return sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())


def _name(entry: Path) -> str:
    return entry.stem if entry.is_file() else entry.name


def _misplaced(folder: Path, allowed: set[str]) -> list[str]:
    wrong = []
    for entry in sorted(folder.iterdir()):
        if entry.name in IGNORED or entry.name.endswith((".pyc", ".mo", ".po")):
            continue
        if entry.is_file() and entry.suffix != ".py":
            wrong.append(f"{entry.relative_to(ROOT)} (not a module)")
        elif _name(entry) not in allowed:
            wrong.append(str(entry.relative_to(ROOT)))
    return wrong


def test_every_app_is_in_the_floor_plan():
    assert _apps() == sorted(ORDER), "Add the app to [tool.kotoplan.floor-plan] order"
    assert set(PLAN["kernel"]) <= set(ORDER)


@pytest.mark.parametrize("app", [a for a in PLAN["order"] if a not in PLAN["kernel"]])
def test_app_uses_only_floor_plan_names(app):
    folder = PACKAGE / app
    subs = set(SUB_CONTEXTS.get(app, []))
    wrong = _misplaced(folder, LAYERS | SUPPORT | ROOT_ONLY | PACKAGES | subs)
    for sub in subs:
        assert (folder / sub / "__init__.py").exists(), f"{app}/{sub} is declared but missing"
        wrong += _misplaced(folder / sub, LAYERS | SUPPORT | PACKAGES | {"templates"})
    assert not wrong, (
        "Not in the floor plan (rename into a layer or support module):\n" + "\n".join(wrong)
    )


def test_kernel_uses_only_floor_plan_names():
    allowed = LAYERS | SUPPORT | ROOT_ONLY | PACKAGES | set(PLAN["kernel-modules"])
    wrong = [w for app in PLAN["kernel"] for w in _misplaced(PACKAGE / app, allowed)]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("app", sorted(SUB_CONTEXTS))
def test_split_app_root_models_only_re_export(app):
    """Django loads <app>.models; the models themselves live in their sub-contexts."""
    tree = ast.parse((PACKAGE / app / "models.py").read_text())
    defined = [n.name for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))]
    assert not defined


def test_no_module_over_the_size_limit():
    limit = PLAN["max-lines"]
    too_long = [
        f"{path.relative_to(ROOT)}: {count} lines"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "migrations" not in path.parts and (count := len(path.read_text().splitlines())) > limit
    ]
    assert not too_long, f"Split these modules (limit {limit} lines):\n" + "\n".join(too_long)


def test_templates_live_in_their_app():
    assert not (PACKAGE / "templates").exists(), "Project-wide templates belong to core"
    wrong = []
    for app in ORDER:
        for folder in (PACKAGE / app).rglob("templates"):
            for child in folder.iterdir():
                if app in PLAN["kernel"]:
                    continue  # the kernel's base templates and components are shared by all
                if child.name != app:
                    wrong.append(str(child.relative_to(ROOT)))
    assert not wrong, "Templates outside templates/<app>/:\n" + "\n".join(wrong)


def _tag_libraries() -> dict[str, str]:
    return {
        lib.stem: app
        for app in ORDER
        for lib in (PACKAGE / app).rglob("templatetags/*.py")
        if lib.stem != "__init__"
    }


LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
URL = re.compile(r"{%\s*url\s+['\"](\w+):")


@pytest.mark.parametrize("app", ORDER)
def test_templates_name_no_higher_app(app):
    rank = {name: i for i, name in enumerate(ORDER)}
    libraries = _tag_libraries()
    wrong = []
    for template in sorted((PACKAGE / app).rglob("templates/**/*.html")):
        text = template.read_text()
        used = {lib for group in LOAD.findall(text) for lib in group.split()}
        owners = {libraries[lib] for lib in used if lib in libraries}
        owners |= {ns for ns in URL.findall(text) if ns in rank}
        wrong += [
            f"{template.relative_to(ROOT)} uses {owner}"
            for owner in sorted(owners)
            if rank[owner] > rank[app]
        ]
    assert not wrong, "A lower app's template names a higher app:\n" + "\n".join(wrong)


def test_readme_shows_the_floor_plan():
    readme = (ROOT / "README.md").read_text()
    design = readme[readme.index("## Design") :]
    missing = [f"`{app}`" for app in ORDER if f"`{app}`" not in design]
    missing += [
        f"`{app}/{sub}/`"
        for app, subs in SUB_CONTEXTS.items()
        for sub in subs
        if f"`{app}/{sub}/`" not in design
    ]
    assert not missing, "README's design section does not show: " + ", ".join(missing)
