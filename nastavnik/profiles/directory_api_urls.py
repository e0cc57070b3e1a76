from django.urls import path

from nastavnik.profiles import directory_api

urlpatterns = [
    path("mentors/", directory_api.MentorListView.as_view(), name="api-mentors"),
    path("mentors/<int:mentor_id>/", directory_api.MentorDetailView.as_view(), name="api-mentor"),
]
