"""factory_boy factories shared by all tests."""

from datetime import date, timedelta

import factory
from django.contrib.auth import get_user_model

from mvo.models import Membership, Organisation, Role

PASSWORD = "test-wachtwoord-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@test.example")
    full_name = factory.Faker("name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    kind = Organisation.Kind.COMPANY
    size = Organisation.Size.SME


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.MEMBER


class OrgThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "themes.OrgTheme"

    organisation = factory.SubFactory(OrganisationFactory)
    own_name = factory.Sequence(lambda n: f"Eigen thema {n}")
    importance = 3
    impact = 3


class StakeholderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "stakeholders.Stakeholder"

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Stakeholder {n}")
    category = "leveranciers"
    influence = 3
    interest = 4


class DialogueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "stakeholders.Dialogue"
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    date = factory.Faker("date_this_year")
    subject = factory.Sequence(lambda n: f"Gesprek {n}")
    method = "gesprek"

    @factory.post_generation
    def stakeholders(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.stakeholders.set(extracted)


class WorkingGroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "stakeholders.WorkingGroupMember"

    organisation = factory.SubFactory(OrganisationFactory)
    external_name = factory.Sequence(lambda n: f"Extern lid {n}")
    department = "Inkoop"


class KpiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "kpis.Kpi"

    organisation = factory.SubFactory(OrganisationFactory)
    theme = factory.SubFactory(
        OrgThemeFactory, organisation=factory.SelfAttribute("..organisation")
    )
    name = factory.Sequence(lambda n: f"KPI {n}")
    unit = "%"
    direction = "hoger"
    frequency = "kwartaal"


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "kpis.Target"

    kpi = factory.SubFactory(KpiFactory)
    date = factory.Sequence(lambda n: date(2030, 1, 1) + timedelta(days=n))
    value = 100


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "kpis.Measurement"

    kpi = factory.SubFactory(KpiFactory)
    year = 2025
    quarter = factory.Sequence(lambda n: n % 4 + 1)
    value = 50


class PlanFactory(factory.django.DjangoModelFactory):
    """A plan with its method steps installed (as the create view does)."""

    class Meta:
        model = "plans.Plan"
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"MVO-plan {n}")
    method = "mvo_steps"
    start_year = 2025
    end_year = 2027

    @factory.post_generation
    def install(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            from plans.models import Method, MissionVision
            from plans.services import install_steps

            install_steps(obj)
            if obj.method == Method.MVO_STEPS:
                MissionVision.objects.get_or_create(plan=obj)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "plans.Goal"

    plan = factory.SubFactory(PlanFactory)
    organisation = factory.SelfAttribute("plan.organisation")
    kind = "algemeen"
    title = factory.Sequence(lambda n: f"Doel {n}")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "plans.Action"

    plan = factory.SubFactory(PlanFactory)
    organisation = factory.SelfAttribute("plan.organisation")
    title = factory.Sequence(lambda n: f"Actie {n}")
    status = "gepland"
