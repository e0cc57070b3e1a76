"""The asynchronous message thread of a mentoring pair, and how each person wants to hear of it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailFrequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately")
    DAILY = "daily", _("Daily digest")
    NEVER = "never", _("Never")


class MessageQuerySet(models.QuerySet["Message"]):
    def unread_by(self, user) -> "MessageQuerySet":
        """Messages someone else wrote to the user that the user has not opened yet."""
        return self.filter(recipient=user, read_at__isnull=True)


class Message(models.Model):
    """One message in a pair's thread. The recipient is stored so that unread tracking and email
    batching are plain queries."""

    relationship = models.ForeignKey(
        "relationships.Relationship",
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("relationship"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("author"),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("recipient"),
    )
    body = models.TextField(_("message"), max_length=10000)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(
        _("emailed"),
        null=True,
        blank=True,
        help_text=_("When the recipient was told by email; empty until then."),
    )

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="messaging_recipient_unread")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(author=models.F("recipient")),
                name="messaging_message_not_to_oneself",
            )
        ]

    def __str__(self) -> str:
        return f"{self.author}: {self.body[:40]}"


class MessagingPreference(models.Model):
    """How often a person gets email about new messages (the default is a daily digest)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="messaging_preference",
        verbose_name=_("user"),
    )
    email_frequency = models.CharField(
        _("email me about new messages"),
        max_length=16,
        choices=EmailFrequency.choices,
        default=EmailFrequency.DAILY,
    )

    class Meta:
        verbose_name = _("messaging preference")
        verbose_name_plural = _("messaging preferences")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(email_frequency__in=EmailFrequency.values),
                name="messaging_preference_frequency_valid",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_email_frequency_display()}"
