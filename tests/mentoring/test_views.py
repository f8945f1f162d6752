"""Every mentoring view for every role: anonymous, outsider, mentor, mentee member, coordinator."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.models import Assessment, CapacityStatement, Meeting, MentoringAgreement, Pairing

from .factories import GoalFactory, MeetingFactory, TaskFactory

pytestmark = pytest.mark.django_db


def _urls(pairing, meeting, task, goal):
    return {
        "detail": reverse("mentoring:pairing_detail", args=[pairing.pk]),
        "meeting_create": reverse("mentoring:meeting_create", args=[pairing.pk]),
        "meeting_edit": reverse("mentoring:meeting_edit", args=[pairing.pk, meeting.pk]),
        "calendar": reverse("mentoring:calendar", args=[pairing.pk]),
        "assessment_create": reverse("mentoring:assessment_create", args=[pairing.pk]),
    }


def _post_urls(pairing, meeting, task, goal):
    return {
        "meeting_confirm": reverse("mentoring:meeting_confirm", args=[pairing.pk, meeting.pk]),
        "transition": reverse("mentoring:pairing_transition", args=[pairing.pk]),
        "agreement_accept": reverse("mentoring:agreement_accept", args=[pairing.pk]),
        "task_toggle": reverse("mentoring:task_toggle", args=[pairing.pk, task.pk]),
        "goal_progress": reverse("mentoring:goal_progress", args=[pairing.pk, goal.pk]),
        "goal_create": reverse("mentoring:goal_create", args=[pairing.pk]),
        "task_create": reverse("mentoring:task_create", args=[pairing.pk, goal.pk]),
        "agreement_edit": reverse("mentoring:agreement_edit", args=[pairing.pk]),
    }


@pytest.fixture
def objects(setup):
    pairing = setup["pairing"]
    meeting = MeetingFactory(pairing=pairing, notes="Tajna bilješka mentorskoga para")
    goal = GoalFactory(pairing=pairing, title="Izraditi financijski plan")
    task = TaskFactory(goal=goal, title="Prikupiti račune")
    MentoringAgreement.objects.create(pairing=pairing, goals="Financijski plan do kraja godine.")
    return {**setup, "meeting": meeting, "goal": goal, "task": task}


def _all(objects):
    args = (objects["pairing"], objects["meeting"], objects["task"], objects["goal"])
    return _urls(*args), _post_urls(*args)


def test_anonymous_is_sent_to_login_everywhere(client, objects):
    get_urls, post_urls = _all(objects)
    for url in [reverse("mentoring:dashboard"), *get_urls.values()]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/racun/prijava/")
    for url in post_urls.values():
        response = client.post(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/racun/prijava/")
    assert not Meeting.objects.filter(pk=objects["meeting"].pk, confirmed_at__isnull=False).exists()


@pytest.mark.parametrize("who", ["outsider", "other_mentor", "other_member"])
def test_other_people_get_404_for_every_view_of_the_pairing(client, objects, who):
    client.force_login(objects[who])
    get_urls, post_urls = _all(objects)
    for name, url in get_urls.items():
        assert client.get(url).status_code == 404, name
    for name, url in post_urls.items():
        assert client.post(url, {"to_state": "pauziran", "done": "1", "progress": "50"}).status_code == 404, name
    pairing = Pairing.objects.get(pk=objects["pairing"].pk)
    assert pairing.state == Pairing.State.ACTIVE
    assert not objects["task"].__class__.objects.get(pk=objects["task"].pk).done


@pytest.mark.parametrize("who", ["mentor", "member", "coordinator"])
def test_people_of_the_pairing_and_the_coordinator_see_it(client, objects, who):
    client.force_login(objects[who])
    get_urls, _ = _all(objects)
    html = client.get(get_urls["detail"]).content.decode()
    assert "Izraditi financijski plan" in html
    assert "Tajna bilješka mentorskoga para" in html
    assert "Dnevnik sastanaka" in html
    for name, url in get_urls.items():
        if name == "assessment_create" and who == "member":
            continue
        assert client.get(url).status_code == 200, name


def test_meeting_of_another_pairing_gives_404_even_with_own_pairing_id(client, objects):
    client.force_login(objects["mentor"])
    foreign = MeetingFactory(pairing=objects["other_pairing"], notes="Bilješka drugoga para")
    pairing = objects["pairing"]
    url = reverse("mentoring:meeting_edit", args=[pairing.pk, foreign.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"date": "2026-01-01"}).status_code == 404
    response = client.post(reverse("mentoring:meeting_confirm", args=[pairing.pk, foreign.pk]))
    assert response.status_code == 404
    html = client.get(reverse("mentoring:pairing_detail", args=[pairing.pk])).content.decode()
    assert "Bilješka drugoga para" not in html


def test_mentor_dashboard_shows_own_pairings_only(client, objects):
    client.force_login(objects["mentor"])
    html = client.get(reverse("mentoring:dashboard")).content.decode()
    assert "Parovi koje mentoriram" in html
    assert objects["pairing"].mentee_organisation.name in html
    assert objects["other_pairing"].mentee_organisation.name not in html


def test_member_dashboard_shows_own_organisation(client, objects):
    client.force_login(objects["member"])
    html = client.get(reverse("mentoring:dashboard")).content.decode()
    assert "Mentorstvo moje organizacije" in html
    assert objects["pairing"].mentee_organisation.name in html
    assert objects["other_pairing"].mentee_organisation.name not in html


def test_outsider_dashboard_explains_there_is_nothing(client, objects):
    client.force_login(objects["outsider"])
    html = client.get(reverse("mentoring:dashboard")).content.decode()
    assert "Još niste u mentorskom paru" in html


def test_coordinator_dashboard_shows_every_programme_and_pairing(client, objects):
    client.force_login(objects["coordinator"])
    html = client.get(reverse("mentoring:dashboard")).content.decode()
    assert objects["pairing"].mentee_organisation.name in html
    assert objects["other_pairing"].mentee_organisation.name in html
    assert objects["pairing"].programme.name in html
    assert "Izvješće o programu za financijera (PDF)" in html


def _meeting_post(**overrides):
    day = timezone.localdate() - datetime.timedelta(days=3)
    data = {
        "date": day.isoformat(),
        "time": "17:00",
        "duration_minutes": "75",
        "format": "uzivo",
        "topics": "Volonteri",
        "notes": "Razgovor o ugovorima o volontiranju.",
        "next_steps": "Pripremiti predložak ugovora.",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("who", ["mentor", "member", "coordinator"])
def test_meeting_can_be_added_by_the_pair_and_coordinator(client, objects, who):
    client.force_login(objects[who])
    pairing = objects["pairing"]
    data = _meeting_post(attendees=[objects["mentor"].pk, objects["member"].pk])
    response = client.post(reverse("mentoring:meeting_create", args=[pairing.pk]), data)
    assert response.status_code == 302
    meeting = Meeting.objects.get(pairing=pairing, topics="Volonteri")
    assert meeting.duration_minutes == 75
    assert meeting.recorded_by == objects[who]
    assert set(meeting.attendees.all()) == {objects["mentor"], objects["member"]}


@pytest.mark.parametrize(
    ("duration", "message"),
    [
        ("0", "najmanje jednu minutu"),
        ("-45", "najmanje jednu minutu"),
        ("601", "600 minuta"),
        ("sat", "cijeli broj minuta"),
    ],
)
def test_bad_meeting_durations_show_croatian_errors(client, objects, duration, message):
    client.force_login(objects["mentor"])
    pairing = objects["pairing"]
    response = client.post(
        reverse("mentoring:meeting_create", args=[pairing.pk]), _meeting_post(duration_minutes=duration)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sastanak nije spremljen" in html
    assert message in html
    assert not Meeting.objects.filter(pairing=pairing, topics="Volonteri").exists()


def test_meeting_on_a_closed_pairing_is_refused(client, objects):
    pairing = objects["pairing"]
    Pairing.objects.filter(pk=pairing.pk).update(state=Pairing.State.COMPLETED)
    client.force_login(objects["mentor"])
    response = client.post(reverse("mentoring:meeting_create", args=[pairing.pk]), _meeting_post())
    assert response.status_code == 400
    assert "zatvoren" in response.content.decode()
    assert not Meeting.objects.filter(pairing=pairing, topics="Volonteri").exists()


def test_attendee_from_another_pairing_is_refused(client, objects):
    client.force_login(objects["mentor"])
    pairing = objects["pairing"]
    data = _meeting_post(attendees=[objects["other_member"].pk])
    response = client.post(reverse("mentoring:meeting_create", args=[pairing.pk]), data)
    assert response.status_code == 200
    assert not Meeting.objects.filter(pairing=pairing, topics="Volonteri").exists()


def test_future_meeting_must_be_planned_and_planned_meetings_go_to_the_calendar(client, objects):
    client.force_login(objects["mentor"])
    pairing = objects["pairing"]
    future = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    response = client.post(reverse("mentoring:meeting_create", args=[pairing.pk]), _meeting_post(date=future))
    assert "označite ga kao planirani" in response.content.decode()
    response = client.post(
        reverse("mentoring:meeting_create", args=[pairing.pk]),
        _meeting_post(date=future, planned="on", location="Društveni centar; dvorana 2", topics="Plan, proračun"),
    )
    assert response.status_code == 302
    ics = client.get(reverse("mentoring:calendar", args=[pairing.pk]))
    assert ics["Content-Type"].startswith("text/calendar")
    text = ics.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 1  # only the planned meeting, not the held one
    assert "LOCATION:Društveni centar\\; dvorana 2" in text
    assert "Plan\\, proračun" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_meeting_edit_changes_the_record(client, objects):
    client.force_login(objects["mentor"])
    pairing, meeting = objects["pairing"], objects["meeting"]
    url = reverse("mentoring:meeting_edit", args=[pairing.pk, meeting.pk])
    assert 'value="60"' in client.get(url).content.decode()
    response = client.post(url, _meeting_post(duration_minutes="120", topics="Izmijenjena tema"))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.duration_minutes == 120
    assert meeting.topics == "Izmijenjena tema"


def test_the_other_side_confirms(client, objects):
    pairing, meeting = objects["pairing"], objects["meeting"]
    meeting.recorded_by = objects["mentor"]
    meeting.save()
    url = reverse("mentoring:meeting_confirm", args=[pairing.pk, meeting.pk])
    client.force_login(objects["mentor"])
    response = client.post(url, follow=True)
    assert "mora potvrditi druga strana" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.confirmed_at is None
    client.force_login(objects["member"])
    response = client.post(url, follow=True)
    assert "Hvala: sastanak je potvrđen." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.confirmed_by == objects["member"]
    assert client.get(url).status_code == 405


def test_state_change_through_the_form(client, objects):
    pairing = objects["pairing"]
    url = reverse("mentoring:pairing_transition", args=[pairing.pk])
    client.force_login(objects["member"])
    assert client.post(url, {"to_state": "pauziran"}).status_code == 403
    client.force_login(objects["mentor"])
    response = client.post(url, {"to_state": "prekinut", "reason": ""})
    assert response.status_code == 400
    assert "Navedite razlog prijevremenoga završetka mentorstva." in response.content.decode()
    response = client.post(url, {"to_state": "predlozen"})
    assert response.status_code == 400
    assert "ne može prijeći u stanje" in response.content.decode()
    assert Pairing.objects.get(pk=pairing.pk).state == Pairing.State.ACTIVE
    response = client.post(url, {"to_state": "pauziran"}, follow=True)
    assert "Stanje mentorskoga para je promijenjeno." in response.content.decode()
    assert Pairing.objects.get(pk=pairing.pk).state == Pairing.State.PAUSED


def test_agreement_accept_by_each_side(client, objects):
    pairing = objects["pairing"]
    url = reverse("mentoring:agreement_accept", args=[pairing.pk])
    client.force_login(objects["mentor"])
    client.post(url)
    client.force_login(objects["member"])
    client.post(url)
    agreement = MentoringAgreement.objects.get(pairing=pairing)
    assert agreement.accepted_by_mentor == objects["mentor"]
    assert agreement.accepted_by_mentee == objects["member"]
    client.force_login(objects["coordinator"])
    assert client.post(url).status_code == 403


def test_task_toggle_and_goal_progress(client, objects):
    pairing, task, goal = objects["pairing"], objects["task"], objects["goal"]
    client.force_login(objects["member"])
    response = client.post(reverse("mentoring:task_toggle", args=[pairing.pk, task.pk]), {"done": "1"})
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.done
    url = reverse("mentoring:goal_progress", args=[pairing.pk, goal.pk])
    assert client.post(url, {"progress": "40"}).status_code == 403
    client.force_login(objects["mentor"])
    response = client.post(url, {"progress": "140"}, follow=True)
    assert "Napredak mora biti broj od 0 do 100." in response.content.decode()
    goal.refresh_from_db()
    assert goal.manual_progress is None
    client.post(url, {"progress": "40"})
    goal.refresh_from_db()
    assert goal.manual_progress == 40


def _assessment_post(value="3", round_="pocetna"):
    data = {"round": round_, "date": timezone.localdate().isoformat()}
    for pk in CapacityStatement.objects.filter(area__instrument__is_default=True).values_list("pk", flat=True):
        data[f"score_{pk}"] = value
        data[f"evidence_{pk}"] = "Statut i zapisnici"
    return data


def test_assessment_form_saves_and_the_radar_appears(client, objects):
    pairing = objects["pairing"]
    client.force_login(objects["mentor"])
    page = client.get(reverse("mentoring:assessment_create", args=[pairing.pk])).content.decode()
    assert "Financijsko upravljanje" in page
    assert 'type="radio"' in page
    response = client.post(reverse("mentoring:assessment_create", args=[pairing.pk]), _assessment_post("2"))
    assert response.status_code == 302
    client.post(reverse("mentoring:assessment_create", args=[pairing.pk]), _assessment_post("4", "zavrsna"))
    html = client.get(reverse("mentoring:pairing_detail", args=[pairing.pk])).content.decode()
    assert "<svg" in html and "<polygon" in html
    assert "Prosječna ocjena po području kapaciteta (1–5)" in html
    assert "2,0 → 4,0" in html
    assert "(+2,0)" in html


@pytest.mark.parametrize("value", ["0", "6", "tri", ""])
def test_assessment_scores_outside_1_to_5_are_refused(client, objects, value):
    pairing = objects["pairing"]
    client.force_login(objects["mentor"])
    data = _assessment_post("3")
    first = next(key for key in data if key.startswith("score_"))
    data[first] = value
    response = client.post(reverse("mentoring:assessment_create", args=[pairing.pk]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Procjena nije spremljena" in html
    assert not Assessment.objects.filter(pairing=pairing).exists()


def test_mentee_member_cannot_submit_assessment(client, objects):
    client.force_login(objects["member"])
    url = reverse("mentoring:assessment_create", args=[objects["pairing"].pk])
    assert client.get(url).status_code == 403
    assert client.post(url, _assessment_post()).status_code == 403
    assert not Assessment.objects.exists() or not Assessment.objects.filter(pairing=objects["pairing"]).exists()


def test_suggestions_page_only_for_coordinators(client, objects):
    organisation = objects["pairing"].mentee_organisation
    url = reverse("mentoring:suggestions", args=[organisation.pk])
    for who in ["mentor", "member", "outsider"]:
        client.force_login(objects[who])
        assert client.get(url).status_code == 404
    client.force_login(objects["coordinator"])
    html = client.get(url).content.decode()
    assert "Ova organizacija još nema procjenu kapaciteta" in html


def test_programme_report_only_for_coordinators(client, objects):
    url = reverse("mentoring:programme_report", args=[objects["pairing"].programme.pk])
    for who in ["mentor", "member", "outsider"]:
        client.force_login(objects[who])
        assert client.get(url).status_code == 404


def test_goals_tasks_and_agreement_are_written_on_the_pairing_page(client, objects):
    from mentoring.models import Goal, Task

    pairing, goal = objects["pairing"], objects["goal"]
    client.force_login(objects["member"])
    assert client.post(reverse("mentoring:goal_create", args=[pairing.pk]), {"title": "Cilj člana"}).status_code == 403
    client.force_login(objects["mentor"])
    response = client.post(
        reverse("mentoring:goal_create", args=[pairing.pk]),
        {"title": "Pokrenuti volonterski program", "due_date": "2027-03-01"},
    )
    assert response.status_code == 302
    new_goal = Goal.objects.get(pairing=pairing, title="Pokrenuti volonterski program")
    assert new_goal.due_date == datetime.date(2027, 3, 1)
    response = client.post(reverse("mentoring:goal_create", args=[pairing.pk]), {"title": "", "due_date": "sutra"})
    assert response.status_code == 400
    assert "Unesite ispravan datum." in response.content.decode() or "datum" in response.content.decode()
    response = client.post(
        reverse("mentoring:task_create", args=[pairing.pk, goal.pk]),
        {"title": "Izraditi proračun", "is_milestone": "on"},
    )
    assert response.status_code == 302
    assert Task.objects.get(goal=goal, title="Izraditi proračun").is_milestone
    response = client.post(reverse("mentoring:task_create", args=[pairing.pk, goal.pk]), {"title": ""})
    assert response.status_code == 400
    response = client.post(
        reverse("mentoring:agreement_edit", args=[pairing.pk]),
        {"goals": "Novi ciljevi mentorstva.", "meeting_frequency": "tjedno"},
    )
    assert response.status_code == 302
    agreement = MentoringAgreement.objects.get(pairing=pairing)
    assert agreement.goals == "Novi ciljevi mentorstva."
    assert agreement.meeting_frequency == "tjedno"


def test_foreign_goal_id_gives_404_for_task_create(client, objects):
    from .factories import GoalFactory as Goals

    foreign = Goals(pairing=objects["other_pairing"])
    client.force_login(objects["mentor"])
    url = reverse("mentoring:task_create", args=[objects["pairing"].pk, foreign.pk])
    assert client.post(url, {"title": "Uljez"}).status_code == 404
    assert not foreign.tasks.exists()


def test_closed_pairing_cannot_get_new_goals(client, objects):
    from mentoring.models import Goal

    pairing = objects["pairing"]
    Pairing.objects.filter(pk=pairing.pk).update(state=Pairing.State.COMPLETED)
    client.force_login(objects["mentor"])
    response = client.post(reverse("mentoring:goal_create", args=[pairing.pk]), {"title": "Kasni cilj"}, follow=True)
    assert "zatvoren" in response.content.decode()
    assert not Goal.objects.filter(title="Kasni cilj").exists()
