"""Personal data held by the programme: registrations, attendance and the changes a person made to it.

Erasure keeps anonymous counts for the reports: a registration loses its person (and a walk-in's
name) but keeps its event, status and attendance marks; marks and changes made by the person as a
trainer lose the link to them.
"""

from .models import Attendance, AttendanceChange, Registration


def export_user(user) -> dict:
    registrations = Registration.objects.filter(user=user).select_related("event").order_by("created_at")
    attendance = (
        Attendance.objects.filter(registration__user=user).select_related("session__page").order_by("session__start")
    )
    return {
        "registrations": [
            {
                "event": r.event.title,
                "role": r.get_role_display(),
                "status": r.get_status_display(),
                "waitlist_position": r.waitlist_position,
                "registered_at": r.created_at.isoformat(),
                "cancelled_at": r.cancelled_at.isoformat() if r.cancelled_at else None,
                "cancel_reason": r.cancel_reason,
            }
            for r in registrations
        ],
        "attendance": [
            {
                "event": a.session.page.title,
                "session_start": a.session.start.isoformat(),
                "session_end": a.session.end.isoformat(),
                "status": a.get_status_display(),
                "method": a.get_method_display(),
                "marked_at": a.marked_at.isoformat(),
            }
            for a in attendance
        ],
        "attendance_marked_as_trainer": Attendance.objects.filter(marked_by=user).count(),
        "events_trained": list(user.events_trained.values_list("title", flat=True)),
    }


def erase_user(user) -> None:
    Registration.objects.filter(user=user).update(user=None, walk_in_name="", cancel_reason="", anonymised=True)
    Attendance.objects.filter(marked_by=user).update(marked_by=None)
    AttendanceChange.objects.filter(changed_by=user).update(changed_by=None)
    user.events_trained.clear()
