from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from kok_learn.blocks import CalloutBlock, DocumentBlock  # shared with courses


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=120)
    level = blocks.ChoiceBlock(label=_("Level"), choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))], default="h2")

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/blocks/heading_block.html"
        preview_value = {"text": "O projektu", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    # ImageBlock asks for alt text (or an explicit "decorative" mark) on every use.
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/blocks/quote_block.html"


class FactBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=80)
    value = blocks.CharBlock(label=_("Value"), max_length=250)


class FactListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    facts = blocks.ListBlock(FactBlock(), label=_("Facts"))

    class Meta:
        icon = "list-ul"
        label = _("Key facts")
        template = "components/blocks/fact_list_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of standard pages and news articles."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ul", "ol", "h3"],
        template="components/blocks/paragraph_block.html",
    )
    image = CaptionedImageBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    facts = FactListBlock()
    document = DocumentBlock()
    embed = EmbedBlock(label=_("Embedded media"), template="components/blocks/embed_block.html")


class FeaturedLinkBlock(blocks.StructBlock):
    """A slot on the home page that points visitors to a page of the site."""

    page = blocks.PageChooserBlock(label=_("Page"))
    title = blocks.CharBlock(
        label=_("Title"), required=False, max_length=120, help_text=_("Defaults to the page title.")
    )
    text = blocks.TextBlock(label=_("Short text"), required=False, max_length=300)

    class Meta:
        icon = "pick"
        label = _("Featured page")
        template = "components/blocks/featured_link_block.html"
