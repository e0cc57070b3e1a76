from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from nastavnik.profiles.models import MentorProfile


def mentor_list(request: HttpRequest) -> HttpResponse:
    mentors = MentorProfile.objects.published().select_related("user")[:20]
    return render(request, "profiles/directory/list.html", {"mentors": mentors})
