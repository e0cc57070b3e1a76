"""The signed-in user's own profile pages. There are no per-id URLs: every view acts on the caller."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from nastavnik.profiles.forms import AvailabilityWindowForm, MenteeProfileForm, MentorProfileForm
from nastavnik.profiles.models import MenteeProfile, MentorProfile
from nastavnik.profiles.questionnaires import READINESS_ITEMS, READINESS_NOT_YET, START_STEPS
from nastavnik.profiles.selectors import (
    availability_in_zone,
    availability_windows_for_user,
    mentee_profile_for_user,
    mentor_profile_for_user,
)
from nastavnik.profiles.services import (
    MAX_AVAILABILITY_WINDOWS,
    availability_window_add,
    availability_window_remove,
    mentee_profile_update,
    mentor_profile_update,
)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    context = {
        "mentor_profile": mentor_profile_for_user(user=request.user),
        "mentee_profile": mentee_profile_for_user(user=request.user),
        "window_count": len(availability_windows_for_user(user=request.user)),
    }
    return render(request, "profiles/dashboard.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def mentor_edit(request: HttpRequest) -> HttpResponse:
    """Creates or edits the caller's mentor profile, with the readiness self-check first."""
    profile = mentor_profile_for_user(user=request.user)
    instance = profile or MentorProfile(user=request.user)
    form = MentorProfileForm(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            mentor_profile_update(user=request.user, data=form.service_data())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Your mentor profile is saved."))
            return redirect("profiles:mentor")
    answers = (profile.readiness if profile else {}) or {}
    context = {
        "form": form,
        "profile": profile,
        "start_steps": START_STEPS,
        "not_yet": [item for item in READINESS_ITEMS if answers.get(item.key) == READINESS_NOT_YET],
    }
    return render(request, "profiles/mentor_form.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def mentee_edit(request: HttpRequest) -> HttpResponse:
    """Creates or edits the caller's mentee profile."""
    profile = mentee_profile_for_user(user=request.user)
    instance = profile or MenteeProfile(user=request.user)
    form = MenteeProfileForm(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            mentee_profile_update(user=request.user, data=form.service_data())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Your mentee profile is saved."))
            return redirect("profiles:mentee")
    context = {"form": form, "profile": profile}
    return render(request, "profiles/mentee_form.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def availability(request: HttpRequest) -> HttpResponse:
    """The caller's weekly availability; htmx posts get back just the editor partial."""
    form = AvailabilityWindowForm()
    status = 200
    if request.method == "POST":
        if "remove" in request.POST:
            try:
                window_id = int(request.POST["remove"])
            except ValueError:
                window_id = 0
            availability_window_remove(user=request.user, window_id=window_id)
        else:
            form = AvailabilityWindowForm(request.POST)
            if form.is_valid():
                try:
                    availability_window_add(
                        user=request.user, zone=request.user.timezone, **form.cleaned_data
                    )
                except ValidationError as error:
                    form.add_service_errors(error)
                else:
                    form = AvailabilityWindowForm()
            # htmx swaps only successful responses; a full page says 400 to the browser.
            status = 400 if form.errors and not request.htmx else 200
        if not request.htmx and not form.errors:
            return redirect("profiles:availability")
    in_utc = {z.window.pk: z for z in availability_in_zone(user=request.user, zone="UTC")}
    own = availability_in_zone(user=request.user, zone=request.user.timezone)
    context = {
        "form": form,
        "windows": [(zoned, in_utc[zoned.window.pk]) for zoned in own],
        "max_windows": MAX_AVAILABILITY_WINDOWS,
    }
    template = "profiles/availability.html"
    if request.htmx:
        template += "#editor"
    return render(request, template, context, status=status)
