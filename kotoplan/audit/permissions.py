"""Who reads the audit trail of logins and access changes: administrators (staff) only. Who
exports a person's data: the person themself, and administrators for anyone. Who erases a
person's data: administrators."""

from kotoplan.core.permissions import rule


@rule("audit.view_security_trail")
def _view_security_trail(user, obj) -> bool:
    return bool(user.is_staff)


@rule("audit.export_personal_data")
def _export_personal_data(user, person) -> bool:
    return bool(user.is_staff) or (person is not None and person.pk == user.pk)


@rule("audit.erase_personal_data")
def _erase_personal_data(user, person) -> bool:
    """Erasure is an administrator's decision on a person's request, never self-service."""
    return bool(user.is_staff)
