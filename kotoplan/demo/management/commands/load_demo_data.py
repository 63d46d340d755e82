from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kotoplan.core.errors import DomainError
from kotoplan.demo.services.loader import DemoDataError, DemoLoader
from kotoplan.demo.services.references import MissingOrganisation


class Command(BaseCommand):
    help = (
        "Load demo organisations, users and plans (idempotent). Run load_reference_data and "
        "sync_organisations first."
    )

    def handle(self, *args, **options):
        if not settings.KOTOPLAN_DEMO_DATA_ALLOWED:
            raise CommandError(
                "Demo data is not loaded with production settings: its users share a published "
                "password. Use config.settings.demo or config.settings.local."
            )
        try:
            report = DemoLoader().load()
        except (DemoDataError, MissingOrganisation) as exc:
            raise CommandError(str(exc)) from exc
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        if not report.changed:
            self.stdout.write("Demo data already loaded; nothing changed.")
            return
        for line in report.lines:
            self.stdout.write(f"created {line}")
        self.stdout.write(
            self.style.SUCCESS(f"{len(report.lines)} demo object(s) created. See: demo_logins")
        )
