"""The coordinator's Wagtail admin home shows what needs attention first; an editor's does not."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import User

pytestmark = pytest.mark.django_db


def admin_home(email: str) -> str:
    client = Client()
    client.force_login(User.objects.get(email=email))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def panel_count(html: str, name: str) -> int:
    start = html.index(f'id="kok-panel-{name}"')
    strong = html.index("<strong>", start) + len("<strong>")
    return int(html[strong : html.index("</strong>", strong)])


def test_coordinator_sees_the_four_panels_with_counts_and_links():
    from certificates.models import Certificate
    from courses import services
    from courses.models import EnrolmentMode
    from mentoring.models import Meeting, Pairing
    from tests.courses.factories import UserFactory, make_course

    course = make_course(enrolment_mode=EnrolmentMode.APPROVAL)
    for _ in range(2):
        services.enrolment_create(user=UserFactory(), course=course)
    pairing = Pairing.objects.filter(state=Pairing.State.ACTIVE).first()
    Meeting.objects.create(
        pairing=pairing, starts_at=timezone.now() - datetime.timedelta(days=3), duration_minutes=60, planned=True
    )

    html = admin_home("koordinator@kok.test")
    from courses.models import Enrolment, EnrolmentStatus

    assert panel_count(html, "pending-enrolments") == Enrolment.objects.filter(status=EnrolmentStatus.PENDING).count()
    assert panel_count(html, "pending-enrolments") >= 2
    first = timezone.localdate().replace(day=1)
    assert panel_count(html, "certificates-this-month") == Certificate.objects.filter(issued_on__gte=first).count()
    assert panel_count(html, "active-pairings") == Pairing.objects.filter(state=Pairing.State.ACTIVE).count()
    overdue = Meeting.objects.filter(planned=True, starts_at__lt=timezone.now()).count()
    assert panel_count(html, "overdue-meetings") == overdue >= 1
    for text in (
        "Upisi koji čekaju odobrenje",
        "Potvrde izdane ovaj mjesec",
        "Aktivni mentorski parovi",
        "Zakašnjeli sastanci",
    ):
        assert text in html
    assert reverse("enrolments:index") + "?status=pending" in html
    assert reverse("pairings:index") + "?state=aktivan" in html
    assert reverse("meetings:index") + "?planned=true" in html


def test_an_editor_sees_none_of_them():
    html = admin_home("urednik@kok.test")
    assert "kok-panel-" not in html
