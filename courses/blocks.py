"""Lesson body blocks.

The quiz lives in the lesson body as a block. Every question and every choice is a ListBlock
item, and Wagtail gives each ListBlock item a UUID that is stored with the content and kept
when editors reorder or edit items. Those ids are what the quiz form posts and what an attempt
records, so grading on the server can look up the question and choice exactly, and answers
never need to appear in the page before an attempt is submitted.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from kok_learn.blocks import CalloutBlock, DocumentBlock  # shared with home

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ul", "ol", "h3"]


class LessonImageBlock(ImageBlock):
    """An image in a lesson always teaches something, so it must be described; never decorative."""

    def clean(self, value):
        value = super().clean(value)
        if value is not None and (getattr(value, "decorative", False) or not value.contextual_alt_text):
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(_("Describe what the image shows; lesson images are never decorative."))
                }
            )
        return value


class CaptionedImageBlock(blocks.StructBlock):
    image = LessonImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video address"), help_text=_("A YouTube or Vimeo link."))
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=["bold", "italic", "ul", "ol"],
        help_text=_("What is said and shown in the video, for people who cannot watch or hear it."),
    )

    class Meta:
        icon = "media"
        label = _("Video with transcript")
        template = "courses/blocks/video_block.html"


class StepBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("What to do"), features=["bold", "italic", "link"])
    screenshot = LessonImageBlock(label=_("Screenshot"), required=False)


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Step-by-step instructions")
        template = "courses/blocks/steps_block.html"


class QuestionKind:
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"
    CHOICES = [
        (SINGLE, _("Single choice")),
        (MULTIPLE, _("Multiple choice")),
        (TRUE_FALSE, _("True or false")),
    ]


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)


class QuestionBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("Kind"), choices=QuestionKind.CHOICES, default=QuestionKind.SINGLE)
    text = blocks.TextBlock(label=_("Question"))
    choices = blocks.ListBlock(
        ChoiceBlock(),
        label=_("Answers"),
        help_text=_("For a true-or-false question give exactly two answers, “Točno” and “Netočno”."),
    )
    explanation = blocks.TextBlock(
        label=_("Explanation"), help_text=_("Shown after the attempt: why the correct answer is correct.")
    )

    def clean(self, value):
        value = super().clean(value)
        correct = [choice for choice in value["choices"] if choice["correct"]]
        kind = value["kind"]
        message = None
        if len(value["choices"]) < 2:
            message = _("Give at least two answers.")
        elif kind == QuestionKind.TRUE_FALSE and len(value["choices"]) != 2:
            message = _("A true-or-false question has exactly two answers.")
        elif kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE) and len(correct) != 1:
            message = _("Mark exactly one answer as correct.")
        elif kind == QuestionKind.MULTIPLE and not correct:
            message = _("Mark at least one answer as correct.")
        if message:
            raise StructBlockValidationError(
                block_errors={"choices": ListBlockValidationError(non_block_errors=[ValidationError(message)])}
            )
        return value


class QuizBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150, default="Provjera znanja")
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"),
        required=False,
        min_value=0,
        max_value=100,
        help_text=_("Leave empty to use the course's pass mark."),
    )
    max_attempts = blocks.IntegerBlock(
        label=_("Attempt limit"), default=3, min_value=1, max_value=20, help_text=_("How many times a learner may try.")
    )
    reveal_answers = blocks.ChoiceBlock(
        label=_("Show the correct answers"),
        choices=[
            ("after_pass_or_last", _("after the learner passes or has no attempts left")),
            ("never", _("never (only which answers were wrong)")),
            ("always", _("after every attempt")),
        ],
        default="after_pass_or_last",
        required=False,
        help_text=_("A failed attempt with attempts left shows which answers were wrong, not the correct ones."),
    )
    questions = blocks.ListBlock(QuestionBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("Quiz")
        template = "courses/blocks/quiz_block.html"


class LessonBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"), features=RICH_TEXT_FEATURES, template="components/blocks/paragraph_block.html"
    )
    image = CaptionedImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    steps = StepsBlock()
    quiz = QuizBlock()
