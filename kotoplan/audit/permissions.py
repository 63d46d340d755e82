"""Who reads the audit trail of logins and access changes: administrators (staff) only."""

from kotoplan.core.permissions import rule


@rule("audit.view_security_trail")
def _view_security_trail(user, obj) -> bool:
    return bool(user.is_staff)
