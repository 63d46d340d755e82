"""Writes of the documents app: an imported plan becomes a draft plan.

Invariants: an import creates the whole plan (as a draft, as the importing user, through the
planning services and their permission checks and audit) or nothing at all. A spreadsheet
import is saved once (a second confirmation finds it no longer waiting); a saving that was
interrupted is marked failed, never left "being saved"; an uploaded file is kept only until the
plan is saved or the retention time has passed.
"""

import json
import logging
from datetime import timedelta

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kotoplan.accounts.services import create_local_organisation
from kotoplan.core.errors import DomainError
from kotoplan.geography.models import Municipality
from kotoplan.planning.models import (
    DecisionStep,
    Indicator,
    LinkedDocument,
    Measure,
    Milestone,
    Objective,
    Plan,
    PlanChapter,
    TargetGroup,
)
from kotoplan.planning.services import content_create, plan_create

from .errors import ImportRejected, Problem
from .exporters.municipality import municipality_document
from .importers.common import PlanDraft
from .importers.municipality import RestoreRefused, municipality_restore, read_document
from .importers.spreadsheet import spreadsheet_check
from .models import PlanImport

logger = logging.getLogger(__name__)


def _messages(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
    return " ".join(error.messages)


@transaction.atomic
def plan_draft_write(*, actor, draft: PlanDraft) -> Plan:
    """Create the plan and all its parts as `actor`, or nothing (ImportRejected)."""
    try:
        plan = plan_create(
            actor=actor,
            lead_municipality=draft.lead_municipality,
            municipalities=draft.municipalities,
            data={**draft.data, "state": Plan.State.DRAFT},
        )
        groups = {
            ref: content_create(actor=actor, model=TargetGroup, data={"plan": plan, **data})
            for ref, data in draft.target_groups.items()
        }
        for data in draft.milestones:
            content_create(actor=actor, model=Milestone, data={"plan": plan, **data})
        for data in draft.decision_steps:
            content_create(actor=actor, model=DecisionStep, data={"plan": plan, **data})
        for data in draft.linked_documents:
            content_create(actor=actor, model=LinkedDocument, data={"plan": plan, **data})
        chapters = {
            ref: content_create(actor=actor, model=PlanChapter, data={"plan": plan, **data})
            for ref, data in sorted(draft.chapters.items(), key=lambda c: c[1].get("order", 0))
        }
        for order, spec in enumerate(draft.objectives, start=1):
            objective = content_create(
                actor=actor,
                model=Objective,
                data={
                    "plan": plan,
                    "theme": spec.theme,
                    "order": order,
                    "chapter": chapters.get(spec.chapter_ref),
                    **spec.data,
                },
                m2m={
                    "target_groups": [groups[r] for r in spec.target_group_refs if r in groups],
                    "additional_themes": spec.additional_themes,
                },
            )
            measures = {}
            for m_order, measure in enumerate(spec.measures, start=1):
                measures[measure.ref] = content_create(
                    actor=actor,
                    model=Measure,
                    data={
                        "objective": objective,
                        "order": m_order,
                        "responsible_organisation": measure.responsible,
                        **measure.data,
                    },
                    m2m={
                        "partners": measure.partners,
                        "co_responsible": measure.co_responsible,
                        **measure.m2m,
                    },
                )
            for indicator in spec.indicators:
                content_create(
                    actor=actor,
                    model=Indicator,
                    data={
                        "objective": objective,
                        "measure": measures.get(indicator.measure_ref),
                        **indicator.data,
                    },
                )
    except ValidationError as error:
        raise ImportRejected([Problem(_messages(error))]) from error
    except DomainError as error:
        raise ImportRejected([Problem(str(error))]) from error
    return plan


# --- spreadsheet imports: check, confirm, save in the background -----------------------------


def plan_import_create(
    *, actor, lead_municipality, plan_data: dict, file_name: str, content: bytes, language: str
) -> PlanImport:
    """Check the whole file and keep it until its owner confirms the preview (expired uploads
    are purged on the way); ImportRejected (with the reading notes) when it has problems, except
    when the only ones are parties found nowhere: the preview offers to add those."""
    checked = spreadsheet_check(
        content, filename=file_name, lead_municipality=lead_municipality, data=plan_data
    )
    if checked.problems and not checked.only_missing_parties:
        raise ImportRejected(checked.problems, notes=checked.notes)
    plan_imports_purge()
    return PlanImport.objects.create(
        owner=actor,
        lead_municipality=lead_municipality,
        plan_data=plan_data,
        file_name=file_name[:255],
        content=content,
        size=len(content),
        language=language[:10],
    )


@transaction.atomic
def plan_import_add_parties(*, actor, plan_import: PlanImport, parties: dict[str, str]) -> list:
    """Add the parties a kept file names but Kotoplan does not know (name → kind) as local
    organisations of the import's municipality, all or none; the preview then checks again."""
    if plan_import.owner_id != actor.pk:
        raise DomainError(_("Only the person who uploaded the file can save it."))
    return [
        create_local_organisation(
            actor=actor, municipality=plan_import.lead_municipality, kind=kind, name_fi=name
        )
        for name, kind in parties.items()
    ]


def plan_import_confirm(*, actor, plan_import: PlanImport) -> PlanImport:
    """Mark the import as being saved, once: a second confirmation (double click, two tabs)
    finds it no longer waiting and is refused."""
    if plan_import.owner_id != actor.pk:
        raise DomainError(_("Only the person who uploaded the file can save it."))
    already = (PlanImport.Status.SAVING, PlanImport.Status.SAVED)
    if plan_import.status in already:
        raise DomainError(_("This file is already being saved or has been saved."))
    if plan_import.purged_at is not None:
        raise DomainError(_("The uploaded file has been removed; upload it again."))
    waiting = Q(status=PlanImport.Status.CHECKED) | Q(status=PlanImport.Status.FAILED)
    taken = PlanImport.objects.filter(waiting, pk=plan_import.pk, purged_at__isnull=True).update(
        status=PlanImport.Status.SAVING, started_at=timezone.now(), problems=[]
    )
    if not taken:
        raise DomainError(_("This file is already being saved or has been saved."))
    plan_import.refresh_from_db()
    return plan_import


def _fail(plan_import_id: int, problems: list[str]) -> None:
    PlanImport.objects.filter(pk=plan_import_id).update(
        status=PlanImport.Status.FAILED, problems=problems
    )


def plan_import_run(*, plan_import_id: int) -> PlanImport:
    """Save a confirmed import (the background task): the plan and the import's new status in
    one transaction. A file that no longer passes the check is marked failed with its problems."""
    run = PlanImport.objects.select_related("owner", "lead_municipality").get(pk=plan_import_id)
    if run.status != PlanImport.Status.SAVING:
        return run
    with translation.override(run.language):
        checked = spreadsheet_check(
            bytes(run.content),
            filename=run.file_name,
            lead_municipality=run.lead_municipality,
            data=run.plan_data,
        )
        try:
            if checked.problems:
                raise ImportRejected(checked.problems)
            with transaction.atomic():
                plan = plan_draft_write(actor=run.owner, draft=checked.draft)
                PlanImport.objects.filter(pk=run.pk).update(
                    status=PlanImport.Status.SAVED,
                    plan=plan,
                    content=b"",
                    purged_at=timezone.now(),
                    problems=[],
                )
        except ImportRejected as rejected:
            _fail(run.pk, [str(problem) for problem in rejected.problems])
        except Exception:
            logger.exception("Saving plan import %s failed", run.pk)
            _fail(run.pk, [_("Saving failed because of an error in Kotoplan. Try again.")])
            raise
    run.refresh_from_db()
    return run


def plan_imports_fail_interrupted(*, older_than: timedelta | None = None) -> int:
    """Mark imports left "being saved" by a stopped worker as failed (nothing of them was
    written: the saving is one transaction). With `older_than`, only those started that long
    ago; without, all of them (run when the workers start, before they take tasks)."""
    stuck = PlanImport.objects.filter(status=PlanImport.Status.SAVING)
    if older_than is not None:
        stuck = stuck.filter(started_at__lt=timezone.now() - older_than)
    failed = 0
    for language in set(stuck.values_list("language", flat=True)):
        with translation.override(language):
            message = _(
                "Saving was interrupted (the server restarted). Nothing was saved; save again."
            )
        failed += stuck.filter(language=language).update(
            status=PlanImport.Status.FAILED, problems=[message]
        )
    return failed


def plan_imports_purge(*, now=None) -> int:
    """Empty the uploaded files older than KOTOPLAN_IMPORT_RETENTION_HOURS; fail interrupted
    savings older than KOTOPLAN_IMPORT_STALE_MINUTES. Returns the number of files removed."""
    now = now or timezone.now()
    plan_imports_fail_interrupted(
        older_than=timedelta(minutes=settings.KOTOPLAN_IMPORT_STALE_MINUTES)
    )
    expired = PlanImport.objects.filter(
        purged_at__isnull=True,
        created_at__lt=now - timedelta(hours=settings.KOTOPLAN_IMPORT_RETENTION_HOURS),
    ).exclude(status=PlanImport.Status.SAVING)
    return expired.update(content=b"", purged_at=now)


# --- one municipality's whole data (docs/backup.md) ----------------------------------------


def _record_backup_event(municipality, event: str, counts: dict | None = None) -> None:
    """An audit entry of the municipality: its data was exported or restored (by the operator,
    from the command line)."""
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Municipality),
        object_pk=str(municipality.pk),
        object_id=municipality.pk,
        object_repr=municipality.code,
        action=LogEntry.Action.ACCESS,
        additional_data={"backup_event": event, **({"counts": counts} if counts else {})},
    )


def municipality_data_export(*, code: str) -> bytes:
    """The municipality's whole data as one JSON document, read in one snapshot (on
    PostgreSQL a repeatable-read transaction, so edits made meanwhile are not half-included)."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        municipality = Municipality.objects.filter(code=code).first()
        if municipality is None:
            raise RestoreRefused(f"Municipality {code!r} is not in this database.")
        document = municipality_document(municipality)
        _record_backup_event(municipality, "exported")
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def municipality_data_import(*, content: bytes | str) -> dict[str, int]:
    """Write a municipality's export into this database in one transaction: all of it, or
    nothing and a `RestoreRefused` naming the problem. Returns the rows written per model."""
    document = read_document(content)
    with transaction.atomic():
        counts = municipality_restore(document)
        municipality = Municipality.objects.get(code=document["municipality"])
        _record_backup_event(municipality, "imported", counts)
    return counts
