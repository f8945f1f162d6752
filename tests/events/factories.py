"""Factories for the programme: events under /program/ with sessions relative to now, and people."""

import datetime
import uuid

from django.utils import timezone
from wagtail.models import Page

from events.models import EventIndexPage, EventPage, EventSession, Place
from tests.courses.factories import UserFactory

__all__ = ["UserFactory", "make_event", "programme_index", "hours_from_now"]


def hours_from_now(hours: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(hours=hours)


def programme_index() -> EventIndexPage:
    index = EventIndexPage.objects.first()
    if index is not None:
        return index
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    parent = root.get_children().first() or root
    index = EventIndexPage(title="Program", slug="program")
    parent.add_child(instance=index)
    return index


def make_event(
    *,
    title="Radionica za test",
    capacity=10,
    sessions=((48, 2),),
    live=True,
    trainers=(),
    place=None,
    **fields,
) -> EventPage:
    """An event with sessions given as (hours from now to the start, length in hours)."""
    index = programme_index()
    if place is None:
        place, _created = Place.objects.get_or_create(
            name="Dvorana za test", defaults={"address": "Kravarsko 1", "accessibility_notes": "Ulaz bez stepenica."}
        )
    event = EventPage(
        title=title,
        slug=f"dogadaj-{uuid.uuid4().hex[:10]}",
        summary="Sažetak događaja za test.",
        capacity=capacity,
        place=place,
        live=live,
        **fields,
    )
    for start_hours, length in sessions:
        start = hours_from_now(start_hours)
        event.sessions.add(EventSession(start=start, end=start + datetime.timedelta(hours=length)))
    if trainers:
        event.trainers.set(trainers)  # a ParentalManyToManyField: saved with the page
    index.add_child(instance=event)
    return EventPage.objects.get(pk=event.pk)
