"""Pages of a pair's goals, assignments and check-ins, and the mentorship dashboard.

Each page is reached through the relationship selector (404 unless the user is its mentor or
mentee); an htmx request gets the page's partial back.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from nastavnik.goals import selectors, services
from nastavnik.goals.forms import (
    CheckInCommentForm,
    CheckInForm,
    GoalForm,
    MilestoneForm,
    TaskForm,
    template_initial,
)
from nastavnik.goals.smart import TEMPLATES, template_get
from nastavnik.relationships.models import Relationship
from nastavnik.relationships.selectors import relationship_get_for_user


def _form_errors_from(form, error: ValidationError) -> None:
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


def _relationship(request: HttpRequest, relationship_id: int) -> Relationship:
    return relationship_get_for_user(user=request.user, relationship_id=relationship_id)


def _partial(request: HttpRequest, template: str, partial: str) -> str:
    return f"{template}#{partial}" if request.htmx else template


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    summaries = selectors.relationship_summaries_for_user(user=request.user)
    return render(
        request,
        "goals/dashboard.html",
        {
            "as_mentor": [s for s in summaries if s.role == "mentor"],
            "as_mentee": [s for s in summaries if s.role == "mentee"],
        },
    )


@login_required
def goal_list(request: HttpRequest, relationship_id: int) -> HttpResponse:
    relationship = _relationship(request, relationship_id)
    goals = selectors.goals_for_relationship(relationship=relationship)
    return render(
        request,
        _partial(request, "goals/goal_list.html", "goals"),
        {"relationship": relationship, "goals": goals, "templates": TEMPLATES},
    )


@login_required
@require_http_methods(["GET", "POST"])
def goal_create(request: HttpRequest, relationship_id: int) -> HttpResponse:
    relationship = _relationship(request, relationship_id)
    if request.method == "POST":
        form = GoalForm(request.POST)
        if form.is_valid():
            try:
                goal = services.goal_create(
                    relationship=relationship, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                _form_errors_from(form, error)
            else:
                messages.success(request, _("The goal is set."))
                return _to_goal(request, relationship, goal)
    else:
        template = template_get(request.GET.get("template", ""))
        initial = (
            template_initial(
                title=str(template.title), category=template.category, months=template.months
            )
            if template
            else {}
        )
        form = GoalForm(initial=initial)
    mentee_goals = selectors.mentee_stated_goals(relationship=relationship)
    return render(
        request,
        _partial(request, "goals/goal_form.html", "form"),
        {
            "relationship": relationship,
            "form": form,
            "templates": TEMPLATES,
            "mentee_goals": mentee_goals,
        },
    )


def _to_goal(request: HttpRequest, relationship: Relationship, goal) -> HttpResponse:
    url = reverse("goals:detail", args=[relationship.pk, goal.pk])
    # An htmx form submission swaps the form; the browser itself has to go to the new page.
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _goal_of(relationship: Relationship, goal_id: int):
    return get_object_or_404(
        selectors.goals_for_relationship(relationship=relationship), pk=goal_id
    )


@login_required
def goal_detail(request: HttpRequest, relationship_id: int, goal_id: int) -> HttpResponse:
    relationship = _relationship(request, relationship_id)
    goal = _goal_of(relationship, goal_id)
    return _goal_detail_render(request, relationship, goal, MilestoneForm())


def _goal_detail_render(request, relationship, goal, milestone_form, *, partial="milestones"):
    history = selectors.goal_progress_history(goal=goal)
    return render(
        request,
        _partial(request, "goals/goal_detail.html", partial),
        {
            "relationship": relationship,
            "goal": goal,
            "milestones": goal.milestones.all(),
            "milestone_form": milestone_form,
            "revisions": selectors.goal_revisions_for_display(goal=goal),
            "history": history,
            "chart": _chart_points(history),
        },
    )


def _chart_points(history) -> dict:
    """SVG coordinates for the progress line: x spread evenly, y from 100% (top) to 0."""
    width, height = 300, 100
    count = len(history)
    step = width / (count - 1) if count > 1 else 0
    points = [
        (round(i * step, 1), round(height - point.progress * height / 100, 1))
        for i, point in enumerate(history)
    ]
    return {
        "width": width,
        "height": height,
        "polyline": " ".join(f"{x},{y}" for x, y in points),
        "dots": [
            {"x": x, "y": y, "point": point} for (x, y), point in zip(points, history, strict=True)
        ],
    }


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request: HttpRequest, relationship_id: int, goal_id: int) -> HttpResponse:
    relationship = _relationship(request, relationship_id)
    goal = _goal_of(relationship, goal_id)
    if request.method == "POST":
        form = GoalForm(request.POST, instance=goal)
        if form.is_valid():
            try:
                services.goal_update(goal=goal, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                _form_errors_from(form, error)
            else:
                messages.success(request, _("The goal is updated; the earlier version is kept."))
                return _to_goal(request, relationship, goal)
    else:
        form = GoalForm(instance=goal)
    mentee_goals = selectors.mentee_stated_goals(relationship=relationship)
    return render(
        request,
        _partial(request, "goals/goal_form.html", "form"),
        {"relationship": relationship, "form": form, "goal": goal, "mentee_goals": mentee_goals},
    )


@login_required
@require_POST
def milestone_add(request: HttpRequest, relationship_id: int, goal_id: int) -> HttpResponse:
    relationship = _relationship(request, relationship_id)
    goal = _goal_of(relationship, goal_id)
    form = MilestoneForm(request.POST)
    if form.is_valid():
        try:
            services.milestone_create(goal=goal, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors_from(form, error)
        else:
            if not request.htmx:
                return redirect("goals:detail", relationship_id=relationship.pk, goal_id=goal.pk)
            form = MilestoneForm()
    goal.refresh_from_db()
    return _goal_detail_render(request, relationship, goal, form)


@login_required
@require_POST
def milestone_toggle(
    request: HttpRequest, relationship_id: int, goal_id: int, milestone_id: int
) -> HttpResponse:
    relationship = _relationship(request, relationship_id)
    goal = _goal_of(relationship, goal_id)
    milestone = get_object_or_404(goal.milestones, pk=milestone_id)
    services.milestone_update(milestone=milestone, by=request.user, done=not milestone.done)
    if not request.htmx:
        return redirect("goals:detail", relationship_id=relationship.pk, goal_id=goal.pk)
    goal.refresh_from_db()
    return _goal_detail_render(request, relationship, goal, MilestoneForm())


@login_required
@require_http_methods(["GET", "POST"])
def task_list(request: HttpRequest, relationship_id: int) -> HttpResponse:
    relationship = _relationship(request, relationship_id)
    goals = selectors.goals_for_relationship(relationship=relationship)
    form = TaskForm(request.POST or None, goals=goals)
    if request.method == "POST" and form.is_valid():
        try:
            services.task_create(relationship=relationship, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors_from(form, error)
        else:
            if not request.htmx:
                return redirect("goals:tasks", relationship_id=relationship.pk)
            form = TaskForm(goals=goals)
    return _tasks_render(request, relationship, form)


def _tasks_render(request, relationship, form) -> HttpResponse:
    return render(
        request,
        _partial(request, "goals/task_list.html", "tasks"),
        {
            "relationship": relationship,
            "tasks": selectors.tasks_for_relationship(relationship=relationship),
            "form": form,
        },
    )


@login_required
@require_POST
def task_toggle(request: HttpRequest, relationship_id: int, task_id: int) -> HttpResponse:
    relationship = _relationship(request, relationship_id)
    task = get_object_or_404(
        selectors.tasks_for_relationship(relationship=relationship), pk=task_id
    )
    services.task_update(task=task, by=request.user, done=not task.done)
    if not request.htmx:
        return redirect("goals:tasks", relationship_id=relationship.pk)
    goals = selectors.goals_for_relationship(relationship=relationship)
    return _tasks_render(request, relationship, TaskForm(goals=goals))


@login_required
@require_http_methods(["GET", "POST"])
def checkin_list(request: HttpRequest, relationship_id: int) -> HttpResponse:
    relationship = _relationship(request, relationship_id)
    is_mentee = request.user.pk == relationship.mentee_id
    goals = list(relationship.goals.active())
    form = CheckInForm(request.POST or None, goals=goals) if is_mentee else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Only the mentee writes check-ins."))
        if form.is_valid():
            try:
                services.checkin_create(
                    relationship=relationship,
                    by=request.user,
                    progress=form.cleaned_data["progress"],
                    confidence=form.cleaned_data["confidence"],
                    blockers=form.cleaned_data["blockers"],
                    goal_progress=form.goal_progress(),
                )
            except ValidationError as error:
                _form_errors_from(form, error)
            else:
                messages.success(request, _("Check-in saved."))
                return redirect("goals:checkins", relationship_id=relationship.pk)
    return render(
        request,
        _partial(request, "goals/checkin_list.html", "checkins"),
        {
            "relationship": relationship,
            "checkins": selectors.checkins_for_relationship(relationship=relationship),
            "form": form,
            "is_mentor": request.user.pk == relationship.mentor_id,
            "comment_form": CheckInCommentForm(),
        },
    )


@login_required
@require_POST
def checkin_comment(request: HttpRequest, relationship_id: int, checkin_id: int) -> HttpResponse:
    relationship = _relationship(request, relationship_id)
    checkin = get_object_or_404(
        selectors.checkins_for_relationship(relationship=relationship), pk=checkin_id
    )
    form = CheckInCommentForm(request.POST)
    if form.is_valid():
        services.checkin_comment(
            checkin=checkin, by=request.user, comment=form.cleaned_data["comment"]
        )
        messages.success(request, _("Comment saved."))
    else:
        messages.error(request, _("Write a comment."))
    return redirect("goals:checkins", relationship_id=relationship.pk)
