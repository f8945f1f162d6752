"""Manage the issuer's signing keys (docs/credentials.md).

manage.py issuer_key list
manage.py issuer_key create            # the first key
manage.py issuer_key rotate            # a new key signs from now on; the old one is retired
manage.py issuer_key revoke KEY_ID     # withdraw a key and re-sign what it signed
manage.py issuer_key sign-missing      # sign every certificate that has no credential yet
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from certificates.credentials.keys import (
    KeyUnavailable,
    active_key,
    issuer_did,
    issuer_key_create,
    issuer_key_revoke,
    key_dir,
    key_path,
)
from certificates.models import Certificate, IssuerKey


class Command(BaseCommand):
    help = "Create, rotate, revoke and list the issuer's Ed25519 keys for Open Badges credentials."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["list", "create", "rotate", "revoke", "sign-missing"])
        parser.add_argument("key_id", nargs="?", help="The key to revoke.")

    def handle(self, *args, action, key_id=None, **options):
        try:
            getattr(self, "do_" + action.replace("-", "_"))(key_id)
        except (ValidationError, KeyUnavailable) as error:
            raise CommandError("; ".join(getattr(error, "messages", [str(error)]))) from error

    def do_list(self, key_id):
        self.stdout.write(f"Issuer: {issuer_did()}  (key files in {key_dir()})")
        for key in IssuerKey.objects.order_by("created_at", "pk"):
            signed = key.certificates.count()
            present = "file present" if key_path(key.key_id).exists() else "file MISSING"
            self.stdout.write(
                f"{key.key_id}  {key.status:<8} {key.public_key_multibase}  {signed} credential(s)  {present}"
            )

    def do_create(self, key_id):
        key = issuer_key_create()
        self.stdout.write(self.style.SUCCESS(f"Created {key.key_id}: {key_path(key.key_id)}"))

    def do_rotate(self, key_id):
        old = active_key()
        key = issuer_key_create(rotate=True)
        retired = f"; {old.key_id} is retired and stays published" if old else ""
        self.stdout.write(self.style.SUCCESS(f"{key.key_id} signs from now on{retired}."))

    def do_revoke(self, key_id):
        from certificates.services import credential_resign_for_key

        key = IssuerKey.objects.filter(key_id=key_id or "").first()
        if key is None:
            raise CommandError(f"No key {key_id!r}; see `issuer_key list`.")
        if key.status == IssuerKey.Status.ACTIVE:
            issuer_key_create(rotate=True)
        issuer_key_revoke(key=key)
        count = credential_resign_for_key(key=key)
        self.stdout.write(
            self.style.SUCCESS(
                f"Revoked {key.key_id} (no longer in the DID document); re-signed {count} credential(s) "
                f"with {active_key().key_id}. Archive or delete {key_path(key.key_id)}."
            )
        )

    def do_sign_missing(self, key_id):
        from certificates.services import certificate_regenerate

        count = 0
        for certificate in Certificate.objects.filter(credential_json="").exclude(subject_identity_hash=""):
            certificate_regenerate(certificate=certificate)  # the render signs the credential first
            count += 1
        self.stdout.write(self.style.SUCCESS(f"Scheduled {count} certificate(s) for signing and rendering."))
