from django.urls import path

from nastavnik.directory import api, recommendations_api

urlpatterns = [
    path("mentors/", api.MentorListView.as_view(), name="api-mentors"),
    path("mentors/<int:mentor_id>/", api.MentorDetailView.as_view(), name="api-mentor"),
    path(
        "recommendations/",
        recommendations_api.RecommendationListView.as_view(),
        name="api-recommendations",
    ),
]
