import datetime

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts import roles
from accounts.models import User
from mentoring.models import (
    CapacityInstrument,
    Goal,
    Meeting,
    Organisation,
    OrganisationMembership,
    Pairing,
    Programme,
    Task,
)
from tests.organisations.factories import valid_oib


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"mentorstvo{n}@primjer.test")
    first_name = factory.Iterator(["Marko", "Iva", "Kristina", "Josip", "Nikola"])
    last_name = factory.Iterator(["Horvat", "Kovač", "Babić", "Marić", "Jurić"])

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Udruga za razvoj zajednice {n}")
    oib = factory.LazyFunction(valid_oib)
    kind = Organisation.Kind.ASSOCIATION
    founding_year = 2015
    experience = Organisation.Experience.EMERGING

    @factory.post_generation
    def expertise(self, create, extracted, **kwargs):
        if create and extracted:
            instrument = CapacityInstrument.default()
            self.expertise.set(instrument.areas.filter(slug__in=extracted))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMembership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = OrganisationMembership.Role.MEMBER
    mentor_capacity = 2


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Mentorski program {n}")
    cohort = "2026./2027."
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=100))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=200))
    instrument = factory.LazyFunction(CapacityInstrument.default)


class PairingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pairing
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    mentor_organisation = factory.SubFactory(OrganisationFactory, experience=Organisation.Experience.EXPERIENCED)
    mentee_organisation = factory.SubFactory(OrganisationFactory)
    state = Pairing.State.ACTIVE
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=90))

    @factory.post_generation
    def mentors(self, create, extracted, **kwargs):
        if create and extracted:
            self.mentors.set(extracted)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    pairing = factory.SubFactory(PairingFactory)
    title = factory.Sequence(lambda n: f"Cilj {n}")
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    goal = factory.SubFactory(GoalFactory)
    title = factory.Sequence(lambda n: f"Zadatak {n}")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    pairing = factory.SubFactory(PairingFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    duration_minutes = 60
    format = Meeting.Format.IN_PERSON
    topics = "Planiranje rada"


def mentor_with_pairing(**pairing_kwargs):
    """A mentor (role Mentor, member of the mentor organisation) and a mentee member, with their pairing."""
    mentor = UserFactory(roles=[roles.MENTOR])
    member = UserFactory(roles=[roles.CSO_MEMBER])
    pairing = PairingFactory(mentors=[mentor], **pairing_kwargs)
    MembershipFactory(user=mentor, organisation=pairing.mentor_organisation, role=OrganisationMembership.Role.MENTOR)
    MembershipFactory(user=member, organisation=pairing.mentee_organisation)
    return mentor, member, pairing
