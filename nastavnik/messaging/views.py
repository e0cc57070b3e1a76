"""The message thread page of a pair and the email preference for messages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from nastavnik.messaging.forms import MessageForm, PreferenceForm
from nastavnik.messaging.selectors import email_frequency_for, messages_for_relationship
from nastavnik.messaging.services import (
    message_send,
    messages_mark_read,
    messaging_preference_set,
)
from nastavnik.relationships.selectors import relationship_get_for_user


@login_required
@require_http_methods(["GET", "POST"])
def thread(request: HttpRequest, relationship_id: int) -> HttpResponse:
    """The thread; opening it marks what the other side wrote as read."""
    relationship = relationship_get_for_user(user=request.user, relationship_id=relationship_id)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            message_send(relationship=relationship, by=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            form.add_error("body", error.message_dict.get("body", error.messages))
        else:
            if not request.htmx:
                return redirect("messaging:thread", relationship_id=relationship.pk)
            form = MessageForm()
    messages_mark_read(relationship=relationship, user=request.user)
    template = "messaging/thread.html#thread" if request.htmx else "messaging/thread.html"
    return render(
        request,
        template,
        {
            "relationship": relationship,
            "thread": messages_for_relationship(relationship=relationship),
            "form": form,
            "frequency": email_frequency_for(user=request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def preference(request: HttpRequest) -> HttpResponse:
    form = PreferenceForm(
        request.POST or None, initial={"email_frequency": email_frequency_for(user=request.user)}
    )
    if request.method == "POST" and form.is_valid():
        messaging_preference_set(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your message email setting is saved."))
        return redirect("messaging:preference")
    return render(request, "messaging/preference.html", {"form": form})
