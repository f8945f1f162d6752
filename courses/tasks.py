"""Background work for courses (ImmediateBackend in dev/tests, db_worker in production)."""

from django_tasks import task


@task()
def handbook_render(course_id: int) -> str:
    """Render and store a course's handbook PDF. Safe to retry: the file is replaced atomically."""
    from .handbook import handbook_store
    from .models import CoursePage

    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None:
        return ""
    return handbook_store(course=course)
