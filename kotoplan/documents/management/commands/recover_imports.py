"""Mark plan spreadsheet imports left "being saved" by a stopped worker as failed.

Run it when the background workers start, before they take tasks (scripts/serve-demo.sh does):
nothing of an interrupted saving was written (it is one transaction), and its owner can save
again from the import's page.
"""

from django.core.management.base import BaseCommand

from kotoplan.documents.services import plan_imports_fail_interrupted


class Command(BaseCommand):
    help = "Mark interrupted plan spreadsheet imports as failed (run at worker start)."

    def handle(self, *args, **options):
        failed = plan_imports_fail_interrupted()
        self.stdout.write(f"{failed} interrupted import(s) marked failed")
