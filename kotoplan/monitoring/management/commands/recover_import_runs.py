"""Mark as failed the statistics imports a stopped background worker left running."""

from django.core.management.base import BaseCommand

from kotoplan.monitoring.statistics.services import import_runs_recover


class Command(BaseCommand):
    help = (
        "Mark as failed the statistics imports that stopped making progress (the worker was "
        "killed). Run with --worker-restart just before the only background worker starts: "
        "then every running import is marked."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--worker-restart",
            action="store_true",
            help="the (only) worker is starting: every running import was interrupted",
        )

    def handle(self, *args, **options):
        marked = import_runs_recover(everything_running=options["worker_restart"])
        self.stdout.write(f"Interrupted imports marked failed: {marked}.")
