"""Organisations, users and their roles."""

import factory
from factory.django import DjangoModelFactory

from kotoplan.accounts.models import Organisation, RoleAssignment, User

PASSWORD = "kotoplan-test-password"


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = Organisation.Kind.CIVIL_SOCIETY
    name_fi = factory.Faker("company", locale="fi_FI")
    name_sv = factory.Faker("company", locale="sv_SE")
    name_en = factory.Faker("company", locale="en_US")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="fi_FI")
    last_name = factory.Faker("last_name", locale="fi_FI")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.fi")
    preferred_language = "fi"
    password = factory.django.Password(PASSWORD)


class RoleAssignmentFactory(DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = RoleAssignment.Role.CONTRIBUTOR
