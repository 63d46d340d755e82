"""Plans and their parts; titles in Finnish, Swedish and English."""

import factory
from factory.django import DjangoModelFactory

from kotoplan.planning.models import (
    Indicator,
    Measure,
    Milestone,
    Objective,
    Plan,
    PlanChapter,
    TargetGroup,
    Theme,
)

from .geography import MunicipalityFactory


class PlanFactory(DjangoModelFactory):
    """A draft plan of one municipality (pass `municipalities=[...]` for a joint plan)."""

    class Meta:
        model = Plan
        skip_postgeneration_save = True

    lead_municipality = factory.SubFactory(MunicipalityFactory)
    title_fi = factory.Faker("sentence", nb_words=5, locale="fi_FI")
    title_sv = factory.Faker("sentence", nb_words=5, locale="sv_SE")
    title_en = factory.Faker("sentence", nb_words=5, locale="en_US")
    languages = factory.LazyFunction(lambda: ["fi", "sv"])
    period_start = 2026
    period_end = 2029

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if not create:
            return
        self.municipalities.set(extracted or [self.lead_municipality])


class TargetGroupFactory(DjangoModelFactory):
    class Meta:
        model = TargetGroup

    plan = factory.SubFactory(PlanFactory)
    name_fi = factory.Faker("job", locale="fi_FI")
    name_sv = factory.Faker("job", locale="sv_SE")
    name_en = factory.Faker("job", locale="en_US")


class MilestoneFactory(DjangoModelFactory):
    class Meta:
        model = Milestone

    plan = factory.SubFactory(PlanFactory)
    title_fi = factory.Faker("sentence", nb_words=4, locale="fi_FI")
    title_sv = factory.Faker("sentence", nb_words=4, locale="sv_SE")
    title_en = factory.Faker("sentence", nb_words=4, locale="en_US")
    due_date = factory.Faker("date_between", start_date="+30d", end_date="+365d")


class PlanChapterFactory(DjangoModelFactory):
    """A chapter (priority area) of the plan's own."""

    class Meta:
        model = PlanChapter

    plan = factory.SubFactory(PlanFactory)
    title_fi = factory.Faker("sentence", nb_words=3, locale="fi_FI")
    order = factory.Sequence(lambda n: n + 1)


class ObjectiveFactory(DjangoModelFactory):
    class Meta:
        model = Objective
        skip_postgeneration_save = True

    plan = factory.SubFactory(PlanFactory)
    theme = factory.LazyFunction(lambda: Theme.objects.order_by("order").first())
    title_fi = factory.Faker("sentence", nb_words=6, locale="fi_FI")
    title_sv = factory.Faker("sentence", nb_words=6, locale="sv_SE")
    title_en = factory.Faker("sentence", nb_words=6, locale="en_US")
    description_fi = factory.Faker("paragraph", locale="fi_FI")

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_groups.set(extracted)


class MeasureFactory(DjangoModelFactory):
    """A measure with a responsible party unless `responsible_organisation=None` is passed."""

    class Meta:
        model = Measure
        skip_postgeneration_save = True

    objective = factory.SubFactory(ObjectiveFactory)
    title_fi = factory.Faker("sentence", nb_words=6, locale="fi_FI")
    title_sv = factory.Faker("sentence", nb_words=6, locale="sv_SE")
    title_en = factory.Faker("sentence", nb_words=6, locale="en_US")
    description_fi = factory.Faker("paragraph", locale="fi_FI")
    responsible_organisation = factory.SubFactory(
        "tests.factories.accounts.OrganisationFactory",
        municipality=factory.SelfAttribute("..objective.plan.lead_municipality"),
    )
    responsible_unit = factory.Faker("job", locale="fi_FI")

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create and extracted:
            self.partners.set(extracted)


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = Indicator

    objective = factory.SubFactory(ObjectiveFactory)
    name_fi = factory.Faker("sentence", nb_words=4, locale="fi_FI")
    name_sv = factory.Faker("sentence", nb_words=4, locale="sv_SE")
    name_en = factory.Faker("sentence", nb_words=4, locale="en_US")
    unit = "%"
    baseline_value = 40
    baseline_year = 2024
    target_value = 55
    target_year = 2029
