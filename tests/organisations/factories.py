import itertools

import factory

from organisations.models import Organisation, OrganisationMembership
from organisations.validators import oib_check_digit
from tests.accounts.factories import UserFactory

_oib_counter = itertools.count(3000000001)


def valid_oib() -> str:
    first_ten = str(next(_oib_counter))
    return first_ten + str(oib_check_digit(first_ten))


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Udruga volontera {n}")
    oib = factory.LazyFunction(valid_oib)
    kind = Organisation.Kind.ASSOCIATION
    founding_year = 2012
    experience = Organisation.Experience.EXPERIENCED
    municipality = "Kravarsko"
    address = "Kravarsko 1, 10413 Kravarsko"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMembership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = OrganisationMembership.Role.MEMBER
