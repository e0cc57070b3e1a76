from django.urls import path

from nastavnik.profiles import api

urlpatterns = [
    path("me/mentor-profile/", api.MentorProfileView.as_view(), name="api-me-mentor-profile"),
    path("me/mentee-profile/", api.MenteeProfileView.as_view(), name="api-me-mentee-profile"),
]
