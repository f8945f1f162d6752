"""Hook points through which the apps above accounts add to what a person sees, without upward imports.

- ``kok_participation_started``: courses, events, mentoring and volunteering call
  ``participation_next_url`` right after a person starts a counted activity (enrolment, event
  registration, membership, volunteering application). An app above them (reports: the ESF entry
  form) registers ``fn(request, *, activity, next_url) -> str | None``; the first URL returned is
  where the person goes next, with ``next_url`` to come back to.
- ``kok_dashboard_panels``: the learner dashboard ("Moje učenje") renders the panels that apps
  register as ``fn(request) -> DashboardPanel | None`` (a volunteering summary, a form that is due).
  An app that has just read that the person takes part in one of its activities says so with
  ``note_participation(request, kind)`` (kinds as in reports.activities: "courses", ...), so a panel
  asking "does this person take part in anything?" needs no query (``noted_participation``). This
  request only: nothing is kept.
"""

from dataclasses import dataclass

from wagtail import hooks

PARTICIPATION_STARTED = "kok_participation_started"
DASHBOARD_PANELS = "kok_dashboard_panels"


@dataclass(frozen=True)
class DashboardPanel:
    """A section of the learner dashboard: its heading, the template that draws it and its context."""

    heading: str
    template: str
    context: dict
    order: int = 100


def participation_next_url(request, *, activity: str, next_url: str) -> str | None:
    for hook in hooks.get_hooks(PARTICIPATION_STARTED):
        url = hook(request, activity=activity, next_url=next_url)
        if url:
            return url
    return None


def note_participation(request, kind: str) -> None:
    request._kok_participation = noted_participation(request) | {kind}


def noted_participation(request) -> frozenset[str]:
    return frozenset(getattr(request, "_kok_participation", ()))


def dashboard_panels(request) -> list[DashboardPanel]:
    panels = [panel for hook in hooks.get_hooks(DASHBOARD_PANELS) if (panel := hook(request)) is not None]
    return sorted(panels, key=lambda panel: panel.order)
