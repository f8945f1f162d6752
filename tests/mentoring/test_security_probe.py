"""Issue 13, findings 3, 9, 11 and 12 as an attacker or a careless user meets them in mentoring:
forged hours, dates at the edges, unbounded text and writes on a closed pairing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from mentoring import services
from mentoring.models import Assessment, Goal, Meeting, MentoringAgreement, Pairing, Task

from .factories import GoalFactory, MeetingFactory, TaskFactory

pytestmark = pytest.mark.django_db


def _meeting_post(**overrides):
    day = timezone.localdate() - datetime.timedelta(days=3)
    data = {
        "date": day.isoformat(),
        "time": "17:00",
        "duration_minutes": "600",
        "format": "uzivo",
        "topics": "Volonteri",
        "notes": "Razgovor.",
        "next_steps": "",
    }
    data.update(overrides)
    return data


def _hours_on_page(client, pairing) -> str:
    html = client.get(reverse("mentoring:pairing_detail", args=[pairing.pk])).content.decode()
    start = html.index("Održani sastanci")
    return html[start : start + 200]


# --- finding 3: mentoring hours need the other side --------------------------------------------


def test_a_member_cannot_confirm_the_meeting_they_logged_and_it_gives_no_hours(client, setup):
    pairing, member, mentor = setup["pairing"], setup["member"], setup["mentor"]
    client.force_login(member)
    assert client.post(reverse("mentoring:meeting_create", args=[pairing.pk]), _meeting_post()).status_code == 302
    meeting = Meeting.objects.get(pairing=pairing)
    page = client.get(reverse("mentoring:pairing_detail", args=[pairing.pk])).content.decode()
    assert reverse("mentoring:meeting_confirm", args=[pairing.pk, meeting.pk]) not in page
    response = client.post(reverse("mentoring:meeting_confirm", args=[pairing.pk, meeting.pk]), follow=True)
    assert "Sastanak mora potvrditi druga strana" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.confirmed_at is None
    assert services.pairing_hours(pairing=pairing) == Decimal("0.0")
    assert "0,0 h" in _hours_on_page(client, pairing)
    # The mentor, the other side, confirms: now the ten hours count.
    client.force_login(mentor)
    page = client.get(reverse("mentoring:pairing_detail", args=[pairing.pk])).content.decode()
    assert reverse("mentoring:meeting_confirm", args=[pairing.pk, meeting.pk]) in page
    client.post(reverse("mentoring:meeting_confirm", args=[pairing.pk, meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.confirmed_by == mentor
    assert services.pairing_hours(pairing=pairing) == Decimal("10.0")
    assert "10,0 h" in _hours_on_page(client, pairing)


def test_editing_the_other_sides_meeting_does_not_let_you_confirm_it(client, setup):
    pairing, member, mentor = setup["pairing"], setup["member"], setup["mentor"]
    meeting = services.meeting_log(pairing=pairing, by=mentor, **_service_meeting(duration_minutes=60))
    client.force_login(member)
    url = reverse("mentoring:meeting_edit", args=[pairing.pk, meeting.pk])
    assert client.post(url, _meeting_post(duration_minutes="600")).status_code == 302
    client.post(reverse("mentoring:meeting_confirm", args=[pairing.pk, meeting.pk]))
    meeting.refresh_from_db()
    assert (meeting.duration_minutes, meeting.changed_by, meeting.confirmed_at) == (600, member, None)
    # The mentor sees the changed record and confirms it (or corrects it).
    services.meeting_confirm(meeting=meeting, by=mentor)
    meeting.refresh_from_db()
    assert meeting.confirmed_by == mentor


def test_a_change_after_confirmation_unconfirms_even_when_only_the_attendees_change(setup):
    pairing, member, mentor = setup["pairing"], setup["member"], setup["mentor"]
    meeting = services.meeting_log(pairing=pairing, by=mentor, attendees=[mentor], **_service_meeting())
    services.meeting_confirm(meeting=meeting, by=member)
    services.meeting_update(meeting=meeting, by=mentor, attendees=[mentor, member])
    meeting.refresh_from_db()
    assert meeting.confirmed_at is None and meeting.confirmed_by is None
    assert services.pairing_hours(pairing=pairing) == Decimal("0.0")
    # Saving the same record again changes nothing and keeps a confirmation.
    services.meeting_confirm(meeting=meeting, by=member)
    services.meeting_update(meeting=meeting, by=mentor, attendees=[mentor, member], topics=meeting.topics)
    meeting.refresh_from_db()
    assert meeting.confirmed_at is not None


def test_a_coordinators_record_is_confirmed_by_either_side_but_not_by_the_coordinator(setup):
    pairing, member, coordinator = setup["pairing"], setup["member"], setup["coordinator"]
    meeting = services.meeting_log(pairing=pairing, by=coordinator, **_service_meeting())
    with pytest.raises(PermissionDenied):
        services.meeting_confirm(meeting=meeting, by=setup["outsider"])
    with pytest.raises(PermissionDenied):
        services.meeting_confirm(meeting=meeting, by=coordinator)
    services.meeting_confirm(meeting=meeting, by=member)
    assert Meeting.objects.get(pk=meeting.pk).confirmed_by == member


def test_only_confirmed_meetings_count_on_dashboards_certificates_and_the_report(client, setup):
    from certificates.models import Certificate
    from mentoring.reports import pairing_report_context

    pairing, mentor = setup["pairing"], setup["mentor"]
    MeetingFactory(pairing=pairing, duration_minutes=90, recorded_by=mentor, confirmed_at=timezone.now())
    MeetingFactory(pairing=pairing, duration_minutes=600, recorded_by=mentor)  # never confirmed
    client.force_login(mentor)
    dashboard = client.get(reverse("mentoring:dashboard")).content.decode()
    assert "1,5" in dashboard and "11,5" not in dashboard
    assert pairing_report_context(pairing=pairing)["row"].hours == Decimal("1.5")
    services.pairing_complete(pairing=pairing, by=mentor)
    assert Certificate.objects.get(subject_key=f"pairing:{pairing.pk}").hours == Decimal("1.5")


def _service_meeting(**overrides):
    fields = {
        "starts_at": timezone.now() - datetime.timedelta(days=2),
        "duration_minutes": 60,
        "format": Meeting.Format.IN_PERSON,
        "planned": False,
        "topics": "Plan",
    }
    fields.update(overrides)
    return fields


# --- finding 9: dates at the edges -------------------------------------------------------------


def _date_posts(pairing, goal):
    """Every form of mentoring with a date field: (url, data, date field, model that must stay unchanged)."""
    yield reverse("mentoring:meeting_create", args=[pairing.pk]), _meeting_post, "date", Meeting
    yield reverse("mentoring:goal_create", args=[pairing.pk]), lambda **d: {"title": "Cilj", **d}, "due_date", Goal
    yield (
        reverse("mentoring:task_create", args=[pairing.pk, goal.pk]),
        lambda **d: {"title": "Zadatak", **d},
        "due_date",
        Task,
    )
    yield (
        reverse("mentoring:assessment_create", args=[pairing.pk]),
        lambda **d: {"round": "pocetna", **d},
        "date",
        (Assessment),
    )


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1999-12-31"])
def test_every_date_field_of_every_form_refuses_edge_dates_with_a_croatian_message(client, setup, value):
    pairing = setup["pairing"]
    goal = GoalFactory(pairing=pairing)
    client.force_login(setup["mentor"])
    for url, data, field, model in _date_posts(pairing, goal):
        before = model.objects.count()
        response = client.post(url, data(**{field: value}))
        assert response.status_code in (200, 400), url
        html = response.content.decode()
        assert "Datum ne može biti" in html or "Sastanak ne može biti prije početka" in html, url
        assert model.objects.count() == before, url
    # The edit form of a meeting too.
    meeting = MeetingFactory(pairing=pairing, recorded_by=setup["mentor"])
    response = client.post(reverse("mentoring:meeting_edit", args=[pairing.pk, meeting.pk]), _meeting_post(date=value))
    assert response.status_code in (200, 400)
    assert Meeting.objects.get(pk=meeting.pk).starts_at == meeting.starts_at


def test_a_meeting_cannot_be_before_the_pairing_or_more_than_a_year_ahead(client, setup):
    pairing = setup["pairing"]
    client.force_login(setup["mentor"])
    url = reverse("mentoring:meeting_create", args=[pairing.pk])
    before_start = (pairing.start_date - datetime.timedelta(days=1)).isoformat()
    html = client.post(url, _meeting_post(date=before_start)).content.decode()
    assert "Datum ne može biti prije" in html
    far = (timezone.localdate() + datetime.timedelta(days=400)).isoformat()
    html = client.post(url, _meeting_post(date=far, planned="on")).content.decode()
    assert "Datum ne može biti više od 1 godine od danas." in html
    assert not Meeting.objects.filter(pairing=pairing).exists()
    with pytest.raises(ValidationError) as error:
        services.meeting_log(
            pairing=pairing,
            by=setup["mentor"],
            **_service_meeting(starts_at=timezone.make_aware(datetime.datetime(pairing.start_date.year - 1, 1, 1))),
        )
    assert "starts_at" in error.value.message_dict


def test_a_stray_meeting_at_the_end_of_time_does_not_break_the_calendar(client, setup):
    pairing = setup["pairing"]
    end_of_time = datetime.datetime(9999, 12, 31, 22, 0, tzinfo=datetime.UTC)
    MeetingFactory(pairing=pairing, planned=True, starts_at=end_of_time, duration_minutes=60, topics="Daleko")
    MeetingFactory(
        pairing=pairing, planned=True, starts_at=timezone.now() + datetime.timedelta(days=5), topics="Sljedeći"
    )
    client.force_login(setup["member"])
    response = client.get(reverse("mentoring:calendar", args=[pairing.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("BEGIN:VEVENT") == 1 and "Sljedeći" in body


def test_admin_dates_of_programmes_and_pairings_are_bounded(setup):
    pairing = setup["pairing"]
    for obj, field in ((pairing.programme, "start_date"), (pairing.programme, "end_date"), (pairing, "start_date")):
        for value in (datetime.date(1, 1, 1), datetime.date(9999, 12, 31)):
            setattr(obj, field, value)
            with pytest.raises(ValidationError) as error:
                obj.full_clean()
            assert any("Datum ne može biti" in m for m in error.value.message_dict[field])
        obj.refresh_from_db()


# --- finding 11: unbounded text ------------------------------------------------------------------


# Every model's free text (mentoring's included) is checked by tests/test_text_limits.py.


def test_a_megabyte_of_notes_is_refused_with_a_message_and_nothing_is_saved(client, setup):
    pairing = setup["pairing"]
    client.force_login(setup["mentor"])
    url = reverse("mentoring:meeting_create", args=[pairing.pk])
    for field, limit in (("notes", 10000), ("topics", 2000), ("next_steps", 2000)):
        response = client.post(url, _meeting_post(**{field: "x" * (limit + 1)}))
        assert response.status_code == 200
        assert f"Ovaj tekst može imati najviše {limit}" in response.content.decode() or "najviše" in (
            response.content.decode()
        )
    response = client.post(url, _meeting_post(notes="x" * 1_000_000))
    assert "najviše" in response.content.decode()
    assert not Meeting.objects.filter(pairing=pairing).exists()
    with pytest.raises(ValidationError):
        services.meeting_log(pairing=pairing, by=setup["mentor"], **_service_meeting(topics="x" * 2001))
    goal_url = reverse("mentoring:goal_create", args=[pairing.pk])
    assert client.post(goal_url, {"title": "Cilj", "description": "x" * 2001}).status_code == 400
    agreement_url = reverse("mentoring:agreement_edit", args=[pairing.pk])
    assert client.post(agreement_url, {"goals": "x" * 10001, "meeting_frequency": "mjesecno"}).status_code == 400
    assert not MentoringAgreement.objects.filter(pairing=pairing).exists()


def test_the_pairing_report_renders_with_the_longest_allowed_text(setup):
    from mentoring.reports import render_pairing_report

    pairing, mentor, member = setup["pairing"], setup["mentor"], setup["member"]
    words = ("Financijski plan i izvještaj " * 80)[:2000]
    for days in (10, 20):
        meeting = services.meeting_log(
            pairing=pairing,
            by=mentor,
            **_service_meeting(
                starts_at=timezone.now() - datetime.timedelta(days=days),
                topics=words,
                notes=("Bilješka " * 1200)[:10000],
                next_steps=words,
            ),
        )
        services.meeting_confirm(meeting=meeting, by=member)
    pdf = render_pairing_report(pairing=pairing)
    assert pdf.startswith(b"%PDF")


# --- finding 12: writes on a closed pairing ----------------------------------------------------


def _closed_writes(pairing, mentor, member):
    goal = GoalFactory(pairing=pairing)
    task = TaskFactory(goal=goal)
    agreement, _created = MentoringAgreement.objects.get_or_create(pairing=pairing, defaults={"goals": "Plan."})
    meeting = MeetingFactory(pairing=pairing, recorded_by=mentor)
    return {
        "task_set_done": lambda: services.task_set_done(task=task, by=mentor, done=True),
        "goal_progress_set": lambda: services.goal_progress_set(goal=goal, by=mentor, progress=90),
        "agreement_accept": lambda: services.agreement_accept(agreement=agreement, user=member),
        "agreement_save": lambda: services.agreement_save(
            pairing=pairing, by=mentor, goals="Novo.", meeting_frequency="mjesecno"
        ),
        "goal_create": lambda: services.goal_create(pairing=pairing, by=mentor, title="Novi cilj"),
        "task_create": lambda: services.task_create(goal=goal, by=mentor, title="Novi zadatak"),
        "meeting_log": lambda: services.meeting_log(pairing=pairing, by=mentor, **_service_meeting()),
        "meeting_update": lambda: services.meeting_update(meeting=meeting, by=mentor, duration_minutes=300),
        "meeting_confirm": lambda: services.meeting_confirm(meeting=meeting, by=member),
        "assessment_submit": lambda: services.assessment_submit(
            organisation=pairing.mentee_organisation,
            pairing=pairing,
            by=mentor,
            round="pocetna",
            date=timezone.localdate(),
            scores={},
        ),
    }


def _snapshot(pairing):
    return (
        list(Task.objects.filter(goal__pairing=pairing).values_list("done", flat=True)),
        list(Goal.objects.filter(pairing=pairing).values_list("manual_progress", "title")),
        list(MentoringAgreement.objects.filter(pairing=pairing).values_list("goals", "accepted_by_mentee_at")),
        list(Meeting.objects.filter(pairing=pairing).values_list("duration_minutes", "confirmed_at")),
        Assessment.objects.filter(pairing=pairing).count(),
    )


@pytest.mark.parametrize("state", [Pairing.State.COMPLETED, Pairing.State.ENDED_EARLY])
def test_every_write_service_refuses_a_closed_pairing(setup, state):
    pairing, mentor, member = setup["pairing"], setup["mentor"], setup["member"]
    writes = _closed_writes(pairing, mentor, member)
    Pairing.objects.filter(pk=pairing.pk).update(state=state, closure_reason="Razlog.")
    pairing.refresh_from_db()
    before = _snapshot(pairing)
    for name, write in writes.items():
        with pytest.raises(ValidationError) as error:
            write()
        assert "zatvoren" in " ".join(error.value.messages), name
    assert _snapshot(pairing) == before


def test_every_write_service_checks_the_person(setup):
    pairing, _mentor, member = setup["pairing"], setup["mentor"], setup["member"]
    for who in (setup["outsider"], setup["other_mentor"]):
        writes = _closed_writes(pairing, who, who)
        before = _snapshot(pairing)
        for name, write in writes.items():
            with pytest.raises(PermissionDenied):
                write()
            assert _snapshot(pairing) == before, name
    # A member of the mentee organisation takes part (tasks, meetings, the agreement) but does not manage.
    member_writes = _closed_writes(pairing, member, member)
    for name in ("goal_progress_set", "agreement_save", "goal_create", "task_create", "assessment_submit"):
        with pytest.raises(PermissionDenied):
            member_writes[name]()


@pytest.mark.parametrize("state", [Pairing.State.COMPLETED, Pairing.State.ENDED_EARLY])
def test_every_write_view_leaves_a_closed_pairing_unchanged(client, setup, state):
    pairing, mentor, member = setup["pairing"], setup["mentor"], setup["member"]
    goal = GoalFactory(pairing=pairing)
    task = TaskFactory(goal=goal)
    MentoringAgreement.objects.create(pairing=pairing, goals="Plan.")
    meeting = MeetingFactory(pairing=pairing, recorded_by=mentor)
    Pairing.objects.filter(pk=pairing.pk).update(state=state, closure_reason="Razlog.")
    before = _snapshot(pairing)
    posts = [
        (mentor, reverse("mentoring:task_toggle", args=[pairing.pk, task.pk]), {"done": "1"}),
        (member, reverse("mentoring:task_toggle", args=[pairing.pk, task.pk]), {"done": "1"}),
        (mentor, reverse("mentoring:goal_progress", args=[pairing.pk, goal.pk]), {"progress": "90"}),
        (member, reverse("mentoring:agreement_accept", args=[pairing.pk]), {}),
        (mentor, reverse("mentoring:agreement_edit", args=[pairing.pk]), {"goals": "N", "meeting_frequency": "tjedno"}),
        (mentor, reverse("mentoring:goal_create", args=[pairing.pk]), {"title": "Novi"}),
        (mentor, reverse("mentoring:task_create", args=[pairing.pk, goal.pk]), {"title": "Novi"}),
        (mentor, reverse("mentoring:meeting_create", args=[pairing.pk]), _meeting_post()),
        (mentor, reverse("mentoring:meeting_edit", args=[pairing.pk, meeting.pk]), _meeting_post()),
        (member, reverse("mentoring:meeting_confirm", args=[pairing.pk, meeting.pk]), {}),
    ]
    for user, url, data in posts:
        client.force_login(user)
        response = client.post(url, data, follow=True)
        assert response.status_code in (200, 400), url
        assert "zatvoren" in response.content.decode(), url
    assert _snapshot(pairing) == before
