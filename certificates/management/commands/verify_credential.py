"""Verify an Open Badges 3.0 credential: a JSON file, or a certificate PDF that carries one.

    manage.py verify_credential potvrda.pdf
    manage.py verify_credential vjerodajnica.json

Prints each check; exits with status 1 when any fails.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from certificates.credentials.pdf import PdfCredentialError, credential_from_pdf
from certificates.credentials.verify import load_credential_json, verify_credential


class Command(BaseCommand):
    help = "Verify an Open Badges credential (JSON, or embedded in a certificate PDF) and print what was checked."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        if data.startswith(b"%PDF"):
            try:
                data = credential_from_pdf(data)
            except PdfCredentialError as error:
                raise CommandError(str(error)) from error
            self.stdout.write("PDF: found the embedded credential.json (AFRelationship /Data).")
        credential = load_credential_json(data)
        report = verify_credential(credential)
        for check in report.checks:
            mark = self.style.SUCCESS("OK  ") if check.ok else self.style.ERROR("FAIL")
            self.stdout.write(f"{mark} {check.name}: {check.message}")
        if not report.ok:
            raise CommandError("The credential does not verify.")
        self.stdout.write(self.style.SUCCESS(f"Verified: {credential.get('id')}"))
