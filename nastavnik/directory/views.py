"""The public mentor directory (search and filters) and the public mentor page."""

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from nastavnik.directory.selectors import (
    PART_OF_DAY_CHOICES,
    MentorFilters,
    mentor_availability_for_viewer,
    mentor_directory_get,
    mentor_directory_search,
    skill_find_for_filter,
)
from nastavnik.matching.services import mentors_sorted_by_fit
from nastavnik.profiles.languages import language_choices, language_name
from nastavnik.profiles.models import Duration, Format, Specialisation, Weekday
from nastavnik.profiles.selectors import mentee_profile_for_user
from nastavnik.skills.models import Skill

PAGE_SIZE = 20


def _with_any(choices: list[tuple[object, str]]) -> list[tuple[object, str]]:
    return [("", gettext_lazy("Any")), *choices]


class DirectoryFilterForm(forms.Form):
    """The directory's query string; every field is optional."""

    q = forms.CharField(label=gettext_lazy("Search"), required=False, max_length=200)
    skill = forms.CharField(label=gettext_lazy("Skill"), required=False, max_length=120)
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    format = forms.ChoiceField(
        label=gettext_lazy("Format"), required=False, choices=_with_any(Format.choices)
    )
    specialisation = forms.ChoiceField(
        label=gettext_lazy("Specialisation"),
        required=False,
        choices=_with_any(Specialisation.choices),
    )
    weekday = forms.TypedChoiceField(
        label=gettext_lazy("Day"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=_with_any(Weekday.choices),
    )
    part_of_day = forms.ChoiceField(
        label=gettext_lazy("Time of day"), required=False, choices=_with_any(PART_OF_DAY_CHOICES)
    )
    overlaps = forms.BooleanField(
        label=gettext_lazy("Free when I am free (my availability)"), required=False
    )
    accepting = forms.BooleanField(label=gettext_lazy("Accepting requests only"), required=False)
    sort = forms.ChoiceField(
        label=gettext_lazy("Sort"),
        required=False,
        choices=[("", gettext_lazy("Accepting first")), ("fit", gettext_lazy("Best fit for me"))],
    )

    def __init__(self, *args: object, can_sort_by_fit: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = _with_any(language_choices())
        # Best fit is computed from the viewer's mentee profile: only they get the option.
        self.can_sort_by_fit = can_sort_by_fit

    def clean_sort(self) -> str:
        value = self.cleaned_data["sort"]
        if value == "fit" and not self.can_sort_by_fit:
            raise forms.ValidationError(
                _("Sorting by best fit needs a mentee profile: sign in and create one.")
            )
        return value

    def clean_skill(self) -> Skill | None:
        value = self.cleaned_data["skill"].strip()
        if not value:
            return None
        skill = skill_find_for_filter(value=value)
        if skill is None:
            raise forms.ValidationError(
                _("No skill is called “%(name)s”. Pick one from the suggestions."),
                params={"name": value},
            )
        return skill


def _filters_from(form: DirectoryFilterForm, request: HttpRequest) -> MentorFilters:
    """Filters from the valid fields; an invalid field is shown as an error and ignored."""
    data = {name: form.cleaned_data.get(name) for name in form.fields if name not in form.errors}
    user = request.user if request.user.is_authenticated else None
    return MentorFilters(
        query=data.get("q") or "",
        skill=data.get("skill"),
        language=data.get("language") or "",
        format=data.get("format") or "",
        specialisation=data.get("specialisation") or "",
        accepting_only=bool(data.get("accepting")),
        weekday=data.get("weekday"),
        part_of_day=data.get("part_of_day") or "",
        viewer_zone=timezone.get_current_timezone_name(),
        overlaps_with=user if data.get("overlaps") else None,
    )


def _skill_suggestions() -> list[str]:
    """Taxonomy skill names in both languages, for the skill field's autocomplete list."""
    names = Skill.objects.from_taxonomy().values_list("name_en", "name_ru")
    return sorted({name for pair in names for name in pair}, key=str.casefold)


@require_GET
def mentor_list(request: HttpRequest) -> HttpResponse:
    """Search and filter published mentors; htmx requests get only the results partial."""
    can_sort_by_fit = request.user.is_authenticated and (
        mentee_profile_for_user(user=request.user) is not None
    )
    form = DirectoryFilterForm(request.GET, can_sort_by_fit=can_sort_by_fit)
    form.is_valid()  # errors are listed above the results; the other filters still apply
    filters = _filters_from(form, request)
    mentors = mentor_directory_search(filters=filters)
    if "sort" not in form.errors and form.cleaned_data.get("sort") == "fit":
        mentors = mentors_sorted_by_fit(user=request.user, mentors=mentors)
    paginator = Paginator(mentors, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    for mentor in page.object_list:
        mentor.language_names = [language_name(code) for code in mentor.languages]
    context = {
        "form": form,
        "page": page,
        "viewer_zone": filters.viewer_zone,
        "needs_availability": filters.overlaps_with is not None
        and not filters.overlaps_with.availability.exists(),
    }
    if request.htmx:
        return render(request, "directory/list.html#results", context)
    context["skill_suggestions"] = _skill_suggestions()
    return render(request, "directory/list.html", context)


@require_GET
def mentor_detail(request: HttpRequest, mentor_id: int) -> HttpResponse:
    """The public page of one mentor: what a mentee needs to decide, never private data."""
    mentor = mentor_directory_get(mentor_id=mentor_id)
    zone = timezone.get_current_timezone_name()
    weekdays = dict(Weekday.choices)
    context = {
        "mentor": mentor,
        "language_names": [language_name(code) for code in mentor.languages],
        "formats": [Format(value).label for value in mentor.formats if value in Format.values],
        "durations": [
            Duration(value).label for value in mentor.durations if value in Duration.values
        ],
        "specialisations": [
            Specialisation(value).label
            for value in mentor.specialisations
            if value in Specialisation.values
        ],
        "availability": [
            {
                "day": weekdays[window.weekday],
                "start": window.start,
                "end_day": weekdays[window.end_weekday],
                "end": window.end,
            }
            for window in mentor_availability_for_viewer(mentor=mentor, viewer_zone=zone)
        ],
        "viewer_zone": zone,
    }
    return render(request, "directory/detail.html", context)
