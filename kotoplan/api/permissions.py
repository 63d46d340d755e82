"""Who may manage API tokens, and which rule of the one permission engine guards each API view.

- a user manages (lists, creates, revokes) only their own tokens; nobody else's, administrators
  included (a token acts as its owner);
- every API view declares an `Access`: whether anonymous clients read its public part, and which
  engine actions decide what a signed-in client reads and writes. The rules themselves are the
  apps' (planning, monitoring, …): a token gets exactly its owner's permissions.
"""

from dataclasses import dataclass

from kotoplan.core.permissions import rule

from .models import ApiToken


@rule("api.manage_token")
def can_manage_token(user, token: ApiToken | None) -> bool:
    return token is None or token.user_id == user.pk


@dataclass(frozen=True)
class Access:
    """How an API view is guarded.

    `public`: anonymous clients read the public part (adopted plans, opened consultations,
    reference data, open statistics); otherwise reading needs a signed-in client.
    `read`: the engine action whose scope narrows what a signed-in client sees.
    `write`: the engine action the write service requires (None: read only).
    """

    read: str
    public: bool = False
    write: str | None = None


# Reference data and open statistics have no owner: anyone reads them.
PUBLIC_DATA = "api.read_public_data"


@rule(PUBLIC_DATA)
def can_read_public_data(user, obj=None) -> bool:
    return True


class EngineAccess:
    """DRF permission class of every API view: deny unless the view declares an `Access`.

    Reads: anonymous clients only where `public`; signed-in clients where the engine knows the
    `read` action (what they see is then narrowed by the UI's scope in the view's queryset).
    Writes: signed-in clients of a view with a `write` action; the service then asks the engine
    about the object itself (`require(actor, write, obj)`).
    """

    SAFE = ("GET", "HEAD", "OPTIONS")

    def has_permission(self, request, view) -> bool:
        from kotoplan.core.permissions import registered_actions

        access = getattr(view, "access", None)
        if not isinstance(access, Access):
            return False
        user = request.user
        signed_in = bool(user and user.is_authenticated and user.is_active)
        if request.method in self.SAFE:
            return access.public or (signed_in and access.read in registered_actions())
        return signed_in and access.write is not None

    def has_object_permission(self, request, view, obj) -> bool:
        return True  # objects come from scoped querysets; writes are checked by the services
