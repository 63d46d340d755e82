from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from kotoplan.accounts.models import RoleAssignment
from kotoplan.demo.services import content
from kotoplan.demo.services.references import OrganisationResolver

HEADERS = ("Username", "Password", "Role", "Organisation", "Valid")


def _validity(role: dict) -> str:
    start, end = role["valid_from"], role["valid_to"]
    if start and end:
        return f"{start.isoformat()} – {end.isoformat()}"
    if start:
        return f"from {start.isoformat()}"
    return f"until {end.isoformat()}" if end else ""


class Command(BaseCommand):
    help = "Print the demo logins created by load_demo_data."

    def handle(self, *args, **options):
        with translation.override("en"):
            self._print()

    def _print(self) -> None:
        organisations = OrganisationResolver()
        rows = []
        for user in content.users():
            roles = user["roles"] or [None]
            for number, role in enumerate(roles):
                first = number == 0
                if role is None:
                    label, organisation, valid = "Administrator (superuser)", "", ""
                else:
                    label = str(RoleAssignment.Role(role["role"]).label)
                    organisation = organisations.describe(role["organisation"])
                    valid = _validity(role)
                rows.append(
                    (
                        user["username"] if first else "",
                        content.DEMO_PASSWORD if first else "",
                        label,
                        organisation,
                        valid,
                    )
                )
        widths = [max(len(row[i]) for row in [HEADERS, *rows]) for i in range(len(HEADERS))]

        def line(row) -> str:
            return "  ".join(
                cell.ljust(width) for cell, width in zip(row, widths, strict=True)
            ).rstrip()

        self.stdout.write(f"Kotoplan demo: {content.SITE_URL}")
        self.stdout.write("")
        self.stdout.write(line(HEADERS))
        self.stdout.write(line(["-" * width for width in widths]))
        for row in rows:
            self.stdout.write(line(row))
        self.stdout.write("")
        self.stdout.write(f"All demo users have the password “{content.DEMO_PASSWORD}”.")
        if settings.KOTOPLAN_TWO_FACTOR_REQUIRED:
            self.stdout.write(
                "The administrator and the regional officials set up an authenticator app "
                "(TOTP) at their first login."
            )
        else:
            self.stdout.write(
                "Second factor: off in the demo, so the administrator and the regional officials "
                "log in with the password only (KOTOPLAN_TWO_FACTOR=true asks for an "
                "authenticator app as in production)."
            )
