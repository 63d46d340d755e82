"""The interface catalogues of the public consultation pages in residents' languages.

The pages (header, footer, language switch, form, error summary, thank-you and not-found pages)
use the messages of the files in FLOW_SOURCES, the public form's labels and errors, the choices
they show and the footer links. This command keeps one catalogue per language listed in
data/languages/consultation-languages.toml (kotoplan/participation/locale/<locale>/) in step
with them: new messages are added untranslated, translations are kept, and the .mo is compiled.

    manage.py consultation_messages           # update the catalogues and compile them
    manage.py consultation_messages --check   # only list untranslated messages (exit 1 if any)

The messages are found in the Finnish catalogue (kotoplan/locale/fi), which `makemessages
--add-location file` writes with the file every message comes from: run makemessages first.
"""

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kotoplan.core.languages import babel_locale
from kotoplan.core.panels import FOOTER, links

from ...forms import NOT_AN_OPTION, TOO_LONG, FeedbackForm
from ...models import ResponseItem, Submission
from ...selectors.languages import interface_languages

# Files whose every message is shown on the consultation pages (paths as in the catalogue).
FLOW_SOURCES = (
    "core/templates/base.html",
    "core/templates/components/form_errors.html",
    "participation/templates/participation/public_base.html",
    "participation/templates/participation/_language_switch.html",
    "participation/templates/participation/public_consultation.html",
    "participation/templates/participation/public_thanks.html",
    "participation/templates/participation/public_not_found.html",
    "participation/templates/participation/_response_report.html",
    "participation/templatetags/participation.py",
    "participation/views/public.py",
)
# Messages the services give the public form, and the service's footer pages.
FLOW_MESSAGES = (
    "Write a comment or answer at least one question.",
    "This consultation is closed. Feedback can no longer be sent.",
    "Accessibility statement",
    "Privacy notice",
    "Privacy notice for consultations",
    "Cookies",
    "Contact",
)
# The product's own catalogues serve these languages.
OWN_CATALOGUES = ("fi", "sv", "en")


def _msgid(lazy) -> str:
    """The message id of a lazily translated string."""
    return lazy._args[0] if hasattr(lazy, "_args") else str(lazy)


def flow_messages() -> list[str | tuple[str, str]]:
    """Every message of the consultation pages, singular ids or (singular, plural) pairs."""
    main = Path(settings.BASE_DIR) / "kotoplan" / "locale" / "fi" / "LC_MESSAGES" / "django.po"
    with main.open("rb") as file:
        catalogue = read_po(file)
    found: dict[str, str | tuple[str, str]] = {}
    for message in catalogue:
        if message.id and any(path in FLOW_SOURCES for path, _line in message.locations):
            found[message.id if isinstance(message.id, str) else message.id[0]] = message.id
    form = FeedbackForm.base_fields
    lazies = [
        *(field.label for field in form.values() if field.label),
        *TOO_LONG.values(),
        *NOT_AN_OPTION.values(),
        form["email"].error_messages["invalid"],
        *Submission.Category.labels,
        *ResponseItem.Outcome.labels,
        *(label for _key, label, _url in links(FOOTER, user=None)),
    ]
    for text in [*(_msgid(lazy) for lazy in lazies), *FLOW_MESSAGES]:
        found.setdefault(text, text)
    return list(found.values())


def catalogue_dir() -> Path:
    return Path(settings.BASE_DIR) / "kotoplan" / "participation" / "locale"


def po_path(locale: str) -> Path:
    folder = locale.split("-")[0] + (("_" + locale.split("-", 1)[1]) if "-" in locale else "")
    if "-x-" in locale:  # Django's to_locale: fi-x-selko → fi_X-selko
        head, _x, tail = locale.partition("-x-")
        folder = f"{head}_X-{tail}"
    return catalogue_dir() / folder / "LC_MESSAGES" / "django.po"


def untranslated(catalogue: Catalog) -> list[str]:
    missing = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or message.fuzzy:
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


class Command(BaseCommand):
    help = "Updates and compiles the consultation pages' catalogues in residents' languages."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="only list what is missing")

    def handle(self, *args, check=False, **options):
        wanted = flow_messages()
        problems = 0
        for language in interface_languages().values():
            if language.locale in OWN_CATALOGUES:
                continue
            path = po_path(language.locale)
            old = None
            if path.exists():
                with path.open("rb") as file:
                    old = read_po(file)
            catalogue = Catalog(
                locale=babel_locale(language.locale), project="Kotoplan", charset="utf-8"
            )
            for message_id in wanted:
                key = message_id if isinstance(message_id, str) else message_id[0]
                kept = old.get(key) if old is not None else None
                string = (
                    kept.string
                    if kept is not None
                    else ("" if isinstance(message_id, str) else ("",) * catalogue.num_plurals)
                )
                catalogue.add(message_id, string)
            missing = untranslated(catalogue)
            problems += len(missing)
            for text in missing:
                self.stdout.write(f"{language.locale}: untranslated: {text}")
            if check:
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as file:
                write_po(file, catalogue, width=100, omit_header=False, sort_output=False)
            with path.with_suffix(".mo").open("wb") as file:
                write_mo(file, catalogue)
        if check and problems:
            raise CommandError(f"{problems} untranslated messages")
