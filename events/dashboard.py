"""The programme's panel on "Moje učenje": upcoming sessions with place and time, and past attendance."""

from django.utils.translation import gettext as _

from accounts.participation import DashboardPanel

from . import selectors


def dashboard_panel(request) -> DashboardPanel | None:
    user = request.user
    if not user.is_authenticated:
        return None
    if not selectors.has_registrations(user=user):
        # Sessions to come and attendance marks all hang on a registration: nothing to show, and
        # one small query instead of three (most learners never register for an event).
        return None
    upcoming = selectors.upcoming_sessions_for_user(user=user)
    past = selectors.past_attendance_for_user(user=user)
    registrations = selectors.registrations_of_user(user=user)
    waiting = [r for r in registrations if r.status == "waitlisted"]
    pending = [r for r in registrations if r.status == "pending"]
    if not (upcoming or past or waiting or pending):
        return None
    return DashboardPanel(
        heading=_("In the community centre"),
        template="events/includes/dashboard_panel.html",
        context={"upcoming": upcoming, "past": past, "waiting": waiting, "pending": pending},
        order=50,
    )
