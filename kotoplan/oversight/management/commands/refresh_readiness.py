from django.core.management.base import BaseCommand, CommandError

from kotoplan.oversight.readiness.services import readiness_refresh
from kotoplan.planning.models import Plan


class Command(BaseCommand):
    help = (
        "Store an up-to-date readiness result for every plan (or one plan), so that dashboards "
        "have something to show. Unchanged plans are skipped unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--plan", type=int, default=None, help="Only the plan with this id.")
        parser.add_argument(
            "--force", action="store_true", help="Recompute even if the plan has not changed."
        )

    def handle(self, *args, plan=None, force=False, **options):
        plans = Plan.objects.order_by("pk")
        if plan is not None:
            plans = plans.filter(pk=plan)
            if not plans.exists():
                raise CommandError(f"No plan with id {plan}.")
        count = 0
        for item in plans.iterator():
            readiness_refresh(plan=item, force=force)
            count += 1
        if options["verbosity"] > 0:
            self.stdout.write(f"Readiness checked for {count} plan(s).")
