"""Upload error messages of Django and Wagtail that their Croatian catalogues lack, so ours carries them.

Listing them here puts them in ``locale/hr/LC_MESSAGES/django.po`` (``makemessages`` reads this
file); LOCALE_PATHS comes first when Django looks up a translation, so an editor who uploads a file
of the wrong kind reads why in Croatian (``tests/test_uploads.py``). Nothing imports this module.
"""

from django.utils.translation import gettext_noop

MESSAGES = [
    # django.core.validators.FileExtensionValidator (Wagtail's documents and images)
    gettext_noop("File extension “%(extension)s” is not allowed. Allowed extensions are: %(allowed_extensions)s."),
    # wagtail.images.fields.WagtailImageField: a file whose content is another format than its name says
    gettext_noop("Not a valid .%(extension)s image. The extension does not match the file format (%(image_format)s)"),
    # Django's Croatian says "Upload-ajte …"
    gettext_noop("Upload a valid image. The file you uploaded was either not an image or a corrupted image."),
]
