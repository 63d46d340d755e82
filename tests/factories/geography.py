"""Municipalities, areas and dated memberships."""

import factory
from factory.django import DjangoModelFactory

from kotoplan.geography.models import Area, AreaMembership, Municipality


class AreaFactory(DjangoModelFactory):
    class Meta:
        model = Area

    kind = Area.Kind.WELLBEING_COUNTY
    code = factory.Sequence(lambda n: f"{n % 100:02d}")
    name_fi = factory.Faker("city", locale="fi_FI")
    name_sv = factory.Faker("city", locale="sv_SE")
    name_en = factory.Faker("city", locale="en_US")


class MunicipalityFactory(DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{900 + n % 100:03d}")
    name_fi = factory.Faker("city", locale="fi_FI")
    name_sv = factory.Faker("city", locale="sv_SE")
    name_en = factory.Faker("city", locale="en_US")
    in_act_scope = True


class AreaMembershipFactory(DjangoModelFactory):
    class Meta:
        model = AreaMembership

    municipality = factory.SubFactory(MunicipalityFactory)
    area = factory.SubFactory(AreaFactory)
    valid_from = factory.SelfAttribute("area.valid_from")
    valid_to = factory.SelfAttribute("area.valid_to")
