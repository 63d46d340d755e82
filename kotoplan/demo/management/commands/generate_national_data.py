from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kotoplan.accounts.models import User
from kotoplan.demo.services.national import generate
from kotoplan.geography.models import Municipality


class Command(BaseCommand):
    help = (
        "Generate the national data set for benchmarks: a plan of realistic size for every "
        "in-scope municipality, with monitoring, cooperation, consultations and users for every "
        "role (fixed seed, bulk writes). Run load_reference_data and sync_organisations first, "
        "into an empty database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=1, help="Multiply the size of every plan (1, 4, 16)."
        )
        parser.add_argument(
            "--municipalities", type=int, default=None, help="Only the first N municipalities."
        )

    def handle(self, *args, scale, municipalities, **options):
        if not settings.KOTOPLAN_DEMO_DATA_ALLOWED:
            raise CommandError(
                "The national data set is not generated with production settings: its users "
                "share a published password."
            )
        if scale < 1 or (municipalities is not None and municipalities < 1):
            raise CommandError("--scale and --municipalities must be at least 1.")
        if not Municipality.objects.in_act_scope().exists():
            raise CommandError("No municipalities: run load_reference_data and sync_organisations.")
        if User.objects.filter(username="national.viewer").exists():
            raise CommandError("The national data set is already in this database.")
        verbose = options["verbosity"] > 0
        report = generate(
            scale=scale,
            municipalities=municipalities,
            log=self.stdout.write if verbose else None,
        )
        if verbose:
            for label, count in report["counts"].items():
                self.stdout.write(f"{count:>9} {label}")
            self.stdout.write(
                self.style.SUCCESS(
                    f"National data set for {report['municipalities']} municipalities "
                    f"(scale {scale}) in {sum(report['seconds'].values()):.0f} s."
                )
            )
