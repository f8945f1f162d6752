import datetime

import factory
from allauth.account.models import EmailAddress

from accounts.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"osoba{n}@primjer.test")
    first_name = "Luka"
    last_name = "Perić"
    date_of_birth = datetime.date(1980, 5, 17)
    municipality = "Kravarsko"
    password = factory.PostGenerationMethodCall("set_password", "Sigurna-lozinka-2026")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


PASSWORD = "Sigurna-lozinka-2026"
