from django.urls import path

from nastavnik.skills import api

urlpatterns = [
    path("skills/", api.SkillListView.as_view(), name="api-skills"),
]
