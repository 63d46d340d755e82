"""Background work of the cooperation register: the daily removal of former representatives'
contact details (the command `purge_representative_contacts` does the same)."""

from django_tasks import task

from .services import representative_contacts_purge


@task()
def purge_representative_contacts() -> int:
    return representative_contacts_purge()
