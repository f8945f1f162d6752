"""Background work: rendering certificate PDFs (ImmediateBackend in dev/tests, db_worker in production)."""

from django_tasks import task


@task(queue_name="default")
def render_certificate_pdf(certificate_id: int) -> str:
    """Render and store one certificate's PDF. Safe to retry: the file is replaced atomically."""
    from .models import Certificate
    from .rendering import certificate_store_pdf

    certificate = Certificate.objects.select_related("template").filter(pk=certificate_id).first()
    if certificate is None:
        return ""
    return certificate_store_pdf(certificate=certificate)
