from django.urls import path

from nastavnik.matching import api

urlpatterns = [
    path("recommendations/", api.RecommendationListView.as_view(), name="api-recommendations"),
]
