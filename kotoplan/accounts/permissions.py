"""Who may add and edit organisations. The only place these decisions are made.

- coordinators add units (sectors and their units) of their municipality and local
  organisations on its behalf; the municipality is recorded as the one that added them;
- coordinators edit their municipality's units and the local organisations their municipality
  added; organisations added by a neighbour are picked, not edited;
- authorities, municipalities and other public bodies come from the reference data: only
  administrators change them;
- administrators do everything.
"""

from django.db.models import Q, QuerySet

from kotoplan.core.permissions import rule, scope_rule

from .models import Organisation
from .selectors import user_reach


@rule("accounts.add_organisation")
def can_add_organisation(user, municipality) -> bool:
    """Add a unit or a local organisation on behalf of `municipality`."""
    reach = user_reach(user=user)
    return reach.admin or municipality.pk in reach.coordinator_municipalities


@scope_rule("accounts.add_organisation")
def scope_adding_municipalities(user, queryset: QuerySet) -> QuerySet:
    """The municipalities (of `queryset`) on whose behalf the user adds organisations."""
    reach = user_reach(user=user)
    return queryset if reach.admin else queryset.filter(pk__in=reach.coordinator_municipalities)


def _managed(municipality_ids) -> Q:
    return Q(kind=Organisation.Kind.MUNICIPAL_UNIT, municipality__in=municipality_ids) | Q(
        kind__in=Organisation.LOCAL_KINDS, created_by_municipality__in=municipality_ids
    )


@scope_rule("accounts.change_organisation")
def scope_changeable_organisations(user, queryset: QuerySet) -> QuerySet:
    reach = user_reach(user=user)
    if reach.admin:
        return queryset.filter(
            Q(kind=Organisation.Kind.MUNICIPAL_UNIT) | Q(kind__in=Organisation.LOCAL_KINDS)
        )
    return queryset.filter(_managed(reach.coordinator_municipalities))


@rule("accounts.change_organisation")
def can_change_organisation(user, organisation: Organisation) -> bool:
    reach = user_reach(user=user)
    if reach.admin:
        return True
    mine = reach.coordinator_municipalities
    if organisation.kind == Organisation.Kind.MUNICIPAL_UNIT:
        return organisation.municipality_id in mine
    if organisation.kind in Organisation.LOCAL_KINDS:
        return organisation.created_by_municipality_id in mine
    return False


# Single sign-on account requests: coordinators decide those of their municipality's
# organisations (the municipality and its units), administrators every request.


@rule("accounts.decide_account_request")
def can_decide_account_request(user, account_request) -> bool:
    reach = user_reach(user=user)
    if reach.admin:
        return True
    if account_request is None:  # the list of requests: every coordinator has one
        return bool(reach.coordinator_municipalities)
    organisation = account_request.organisation
    return bool(organisation and organisation.municipality_id in reach.coordinator_municipalities)


@scope_rule("accounts.decide_account_request")
def scope_decidable_account_requests(user, queryset: QuerySet) -> QuerySet:
    reach = user_reach(user=user)
    if reach.admin:
        return queryset
    return queryset.filter(organisation__municipality__in=reach.coordinator_municipalities)
