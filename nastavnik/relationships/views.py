"""Pages: asking a mentor, my requests, and the pair's shared space."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nastavnik.relationships import selectors, services
from nastavnik.relationships.forms import (
    AgreementForm,
    DeclineForm,
    EndForm,
    NoteForm,
    RequestForm,
)
from nastavnik.relationships.models import MentorshipRequest, Relationship, Stage

GOALS_SECTIONS_TEMPLATE = "goals/_relationship_sections.html"


def _error_messages(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def _flash_errors(request: HttpRequest, error: ValidationError) -> None:
    for message in _error_messages(error):
        messages.error(request, message)


@login_required
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest, mentor_id: int) -> HttpResponse:
    """The "Request mentorship" form for a mentor from the directory (mentor_id as there)."""
    mentor = selectors.mentor_user_for_directory_id(mentor_id=mentor_id)
    if mentor is None:
        raise Http404("No such mentor")
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_create(mentee=request.user, mentor=mentor, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, _error_messages(error))
        else:
            messages.success(request, _("Your request is sent. The mentor will answer soon."))
            return redirect("relationships:request_list")
    unavailable = services.mentor_unavailable_reason(mentor=mentor)
    status = 409 if form.errors and unavailable else 400 if form.errors else 200
    context = {
        "form": form,
        "mentor": mentor,
        "mentor_id": mentor_id,
        "unavailable": unavailable,
        "is_self": mentor.pk == request.user.pk,
    }
    return render(request, "relationships/request_new.html", context, status=status)


@login_required
@require_GET
def request_list(request: HttpRequest) -> HttpResponse:
    """Requests I received (with decisions to make) and requests I sent."""
    mine = selectors.requests_for_user(user=request.user).prefetch_related("notes")
    incoming = [r for r in mine if r.mentor_id == request.user.pk]
    for item in incoming:
        if item.is_open:
            item.decline_form = DeclineForm(
                mentor=request.user, mentee=item.mentee, prefix=f"decline-{item.pk}"
            )
    context = {
        "incoming": incoming,
        "outgoing": [r for r in mine if r.mentee_id == request.user.pk],
    }
    return render(request, "relationships/request_list.html", context)


def _request_action(request: HttpRequest, request_id: int) -> MentorshipRequest:
    return selectors.request_get_for_user(user=request.user, request_id=request_id)


def _run(request: HttpRequest, action, success: str) -> bool:
    """Run a service; flash the outcome. Returns whether it succeeded."""
    try:
        action()
    except ValidationError as error:
        _flash_errors(request, error)
        return False
    messages.success(request, success)
    return True


@login_required
@require_POST
def request_accept(request: HttpRequest, request_id: int) -> HttpResponse:
    mentorship_request = _request_action(request, request_id)
    result: dict[str, Relationship] = {}

    def accept() -> None:
        result["relationship"] = services.request_accept(
            request=mentorship_request, by=request.user
        )

    if _run(request, accept, _("Accepted. Welcome your mentee in your shared space.")):
        return redirect("relationships:detail", result["relationship"].pk)
    return redirect("relationships:request_list")


@login_required
@require_POST
def request_decline(request: HttpRequest, request_id: int) -> HttpResponse:
    mentorship_request = _request_action(request, request_id)
    form = DeclineForm(
        request.POST,
        mentor=mentorship_request.mentor,
        mentee=mentorship_request.mentee,
        prefix=f"decline-{mentorship_request.pk}",
    )
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("relationships:request_list")
    suggested = form.cleaned_data["suggested_mentor"]
    _run(
        request,
        lambda: services.request_decline(
            request=mentorship_request,
            by=request.user,
            reason=form.cleaned_data["reason"],
            suggested_mentor=suggested.user if suggested else None,
        ),
        _("The request is declined."),
    )
    return redirect("relationships:request_list")


@login_required
@require_POST
def request_withdraw(request: HttpRequest, request_id: int) -> HttpResponse:
    mentorship_request = _request_action(request, request_id)
    _run(
        request,
        lambda: services.request_withdraw(request=mentorship_request, by=request.user),
        _("Your request is withdrawn."),
    )
    return redirect("relationships:request_list")


def _note_action(request: HttpRequest, request_id: int, service, success: str) -> HttpResponse:
    mentorship_request = _request_action(request, request_id)
    form = NoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write something first."))
        return redirect("relationships:request_list")
    _run(
        request,
        lambda: service(
            request=mentorship_request, by=request.user, text=form.cleaned_data["text"]
        ),
        success,
    )
    return redirect("relationships:request_list")


@login_required
@require_POST
def request_ask(request: HttpRequest, request_id: int) -> HttpResponse:
    return _note_action(request, request_id, services.request_ask_info, _("Your question is sent."))


@login_required
@require_POST
def request_answer(request: HttpRequest, request_id: int) -> HttpResponse:
    return _note_action(
        request, request_id, services.request_answer_info, _("Your answer is sent.")
    )


@login_required
@require_GET
def relationship_list(request: HttpRequest) -> HttpResponse:
    relationships = selectors.relationships_for_user(user=request.user)
    return render(request, "relationships/relationship_list.html", {"relationships": relationships})


def _space_context(request: HttpRequest, relationship: Relationship, **extra) -> dict:
    agreement = selectors.agreement_for_relationship(relationship=relationship)
    try:
        get_template(GOALS_SECTIONS_TEMPLATE)
    except TemplateDoesNotExist:  # the goals app adds this template; until then, no section
        goals_sections = None
    else:
        goals_sections = GOALS_SECTIONS_TEMPLATE
    context = {
        "relationship": relationship,
        "is_mentor": relationship.mentor_id == request.user.pk,
        "other": relationship.other_side(request.user),
        "stages": selectors.checklist_by_stage(relationship=relationship),
        "agreement": agreement,
        "agreement_form": AgreementForm(instance=agreement),
        "end_form": EndForm(),
        "events": selectors.events_for_relationship(relationship=relationship),
        "goals_sections": goals_sections,
        "is_closing": relationship.stage == Stage.CLOSING,
    }
    context.update(extra)
    return context


@login_required
@require_GET
def relationship_detail(request: HttpRequest, relationship_id: int) -> HttpResponse:
    """The pair's shared space: stage, checklist, agreement, history (and goals, when present)."""
    relationship = selectors.relationship_get_for_user(
        user=request.user, relationship_id=relationship_id
    )
    return render(
        request, "relationships/relationship_detail.html", _space_context(request, relationship)
    )


@login_required
@require_POST
def relationship_advance(request: HttpRequest, relationship_id: int) -> HttpResponse:
    relationship = selectors.relationship_get_for_user(
        user=request.user, relationship_id=relationship_id
    )
    try:
        skipped = services.relationship_advance(relationship=relationship, by=request.user)
    except ValidationError as error:
        _flash_errors(request, error)
    else:
        relationship.refresh_from_db()
        if not relationship.is_active:
            messages.success(request, _("The mentorship is complete. Well done!"))
        else:
            messages.success(
                request,
                _("Moved to the %(stage)s.") % {"stage": relationship.get_stage_display().lower()},
            )
        if skipped:
            messages.warning(
                request,
                _("Left open: %(items)s.") % {"items": ", ".join(item.label for item in skipped)},
            )
    return redirect("relationships:detail", relationship_id)


@login_required
@require_POST
def relationship_end(request: HttpRequest, relationship_id: int) -> HttpResponse:
    relationship = selectors.relationship_get_for_user(
        user=request.user, relationship_id=relationship_id
    )
    form = EndForm(request.POST)
    if form.is_valid():
        try:
            services.relationship_end(
                relationship=relationship, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, _error_messages(error))
        else:
            messages.success(request, _("The mentorship has ended."))
            return redirect("relationships:detail", relationship_id)
    context = _space_context(request, relationship, end_form=form)
    return render(request, "relationships/relationship_detail.html", context, status=400)


@login_required
@require_POST
def agreement_edit(request: HttpRequest, relationship_id: int) -> HttpResponse:
    """Save the agreement; an htmx request gets the agreement section back."""
    relationship = selectors.relationship_get_for_user(
        user=request.user, relationship_id=relationship_id
    )
    agreement = selectors.agreement_for_relationship(relationship=relationship)
    form = AgreementForm(request.POST)
    saved = False
    if form.is_valid():
        try:
            agreement = services.agreement_update(
                relationship=relationship,
                by=request.user,
                **{name: form.cleaned_data[name] for name in services.AGREEMENT_FIELDS},
            )
        except ValidationError as error:
            form.add_error(None, _error_messages(error))
        else:
            saved = True
            form = AgreementForm(instance=agreement)
    context = _space_context(
        request, relationship, agreement=agreement, agreement_form=form, agreement_saved=saved
    )
    status = 200 if saved else 400
    if request.htmx:
        return render(
            request, "relationships/relationship_detail.html#agreement", context, status=status
        )
    if saved:
        messages.success(request, _("The agreement is saved."))
        return redirect("relationships:detail", relationship_id)
    return render(request, "relationships/relationship_detail.html", context, status=status)


@login_required
@require_POST
def checklist_toggle(request: HttpRequest, relationship_id: int, item_id: int) -> HttpResponse:
    """Tick or untick a step; an htmx request gets the checklist section back."""
    item = selectors.checklist_item_get_for_user(
        user=request.user, relationship_id=relationship_id, item_id=item_id
    )
    try:
        services.checklist_item_set_done(
            item=item, by=request.user, done=request.POST.get("done") == "1"
        )
    except ValidationError as error:
        _flash_errors(request, error)
    if request.htmx:
        relationship = item.relationship
        context = _space_context(request, relationship)
        return render(request, "relationships/relationship_detail.html#checklist", context)
    return redirect("relationships:detail", relationship_id)
