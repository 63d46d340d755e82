"""What the audit trail records about accounts.

Role assignments and the user flags that grant access (active, staff, superuser, groups and
permissions) are recorded by django-auditlog like content. Security events — logins, logouts,
failed logins, lockouts and unlocks, password changes and resets, second-factor devices — are
audit entries of the user (action "access") whose `additional_data.security_event` names the
event. Entries hold the username and never a password, a code or a reset link.
"""

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from .models import AccountRequest, Organisation, RoleAssignment, User

auditlog.register(AccountRequest, exclude_fields=["created_at", "updated_at"])
auditlog.register(Organisation, exclude_fields=["version", "updated_at", "created_at"])
auditlog.register(RoleAssignment, exclude_fields=["created_at", "updated_at"])
auditlog.register(
    User,
    include_fields=["username", "is_active", "is_staff", "is_superuser"],
    m2m_fields={"groups", "user_permissions"},
)


class SecurityEvent(models.TextChoices):
    LOGIN = "login", _("Logged in")
    LOGOUT = "logout", _("Logged out")
    SESSION_EXPIRED = "session_expired", _("Signed out after inactivity")
    LOGIN_FAILED = "login_failed", _("Failed login")
    LOCKED_OUT = "locked_out", _("Login locked")
    UNLOCKED = "unlocked", _("Login unlocked")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    PASSWORD_RESET = "password_reset", _("Password reset by e-mail link")
    SECOND_FACTOR_ADDED = "second_factor_added", _("Authenticator app set up")
    SECOND_FACTOR_REMOVED = "second_factor_removed", _("Authenticator app removed")
    SECOND_FACTOR_FAILED = "second_factor_failed", _("Wrong authentication code")
    PERSONAL_DATA_EXPORTED = "personal_data_exported", _("Personal data exported")
    PERSONAL_DATA_ERASED = "personal_data_erased", _("Personal data erased")


USERNAME_MAX = 150
# Events someone does *to* an account, not as its holder: no actor is named.
UNAUTHENTICATED_EVENTS = {SecurityEvent.LOGIN_FAILED, SecurityEvent.LOCKED_OUT}


def record_security_event(
    event: str, *, user: User | None = None, username: str = "", actor: User | None = None
) -> LogEntry:
    """Write one security event about `user` (or about an attempted `username` that may name
    nobody); `actor` is who did it when not the user themself (an administrator)."""
    name = (username or (user.get_username() if user else ""))[:USERNAME_MAX]
    return LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(User),
        object_pk=str(user.pk) if user else "",
        object_id=user.pk if user else None,
        object_repr=name,
        action=LogEntry.Action.ACCESS,
        actor=actor or (None if event in UNAUTHENTICATED_EVENTS else user),
        actor_email=None,
        additional_data={"security_event": str(event), "username": name},
    )


@receiver(user_logged_in, dispatch_uid="accounts_audit_login")
def _logged_in(sender, request, user, **kwargs) -> None:
    record_security_event(SecurityEvent.LOGIN, user=user)


@receiver(user_logged_out, dispatch_uid="accounts_audit_logout")
def _logged_out(sender, request, user, **kwargs) -> None:
    if user is None:
        return
    expired = getattr(request, "kotoplan_session_expired", False)
    record_security_event(
        SecurityEvent.SESSION_EXPIRED if expired else SecurityEvent.LOGOUT, user=user
    )


@receiver(user_login_failed, dispatch_uid="accounts_audit_login_failed")
def _login_failed(sender, credentials, request=None, **kwargs) -> None:
    username = str((credentials or {}).get(User.USERNAME_FIELD, "") or "")
    user = User.objects.filter(**{User.USERNAME_FIELD: username}).first() if username else None
    record_security_event(SecurityEvent.LOGIN_FAILED, user=user, username=username)


@receiver(user_locked_out, dispatch_uid="accounts_audit_locked_out")
def _locked_out(sender, request=None, username=None, ip_address=None, **kwargs) -> None:
    name = str(username or "")
    user = User.objects.filter(**{User.USERNAME_FIELD: name}).first() if name else None
    record_security_event(SecurityEvent.LOCKED_OUT, user=user, username=name)
