"""Index every plan anew for the library's search (after a restore, or to build the index before
the first search does)."""

from django.core.management.base import BaseCommand

from kotoplan.library.services import index_rebuild


class Command(BaseCommand):
    help = "Index every plan anew for the good-practice library's search."

    def handle(self, *args, **options):
        count = index_rebuild()
        self.stdout.write(f"Library search index: {count} entries.")
