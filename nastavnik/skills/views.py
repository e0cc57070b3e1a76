import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from nastavnik.skills.selectors import skills_search
from nastavnik.skills.wordforms import normalize

SUGGESTIONS = 10
# The picker names its checkboxes after the form field they belong to.
PICKER_FIELDS = frozenset({"skills", "skills_wanted"})
_PICKER_ID = re.compile(r"^[A-Za-z][\w-]{0,60}$")


def autocomplete(request: HttpRequest) -> HttpResponse:
    """Skill suggestions for the picker (an htmx request gets just the list), and with ``add``
    the chosen-skill checkbox the picker appends when a suggestion is clicked.
    """
    field = request.GET.get("field", "skills")
    if field not in PICKER_FIELDS:
        field = "skills"
    picker = request.GET.get("picker", "")
    if not _PICKER_ID.match(picker):
        picker = f"id_{field}"
    added = " ".join(request.GET.get("add", "").split())[:120]
    if added:
        context = {"field": field, "added": added}
        return render(request, "skills/autocomplete.html#chosen", context)

    query = request.GET.get("q", "").strip()[:100]
    suggestions = list(skills_search(query=query)[:SUGGESTIONS]) if query else []
    exact = any(
        normalize(query) in (normalize(s.name_en), normalize(s.name_ru)) for s in suggestions
    )
    context = {
        "query": query,
        "field": field,
        "picker": picker,
        "suggestions": suggestions,
        "offer_new": bool(query) and not exact,
    }
    template = "skills/autocomplete.html"
    if request.htmx:
        template += "#suggestions"
    return render(request, template, context)
