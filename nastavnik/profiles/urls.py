from django.urls import path

from nastavnik.profiles import views

app_name = "profiles"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("mentor/", views.mentor_edit, name="mentor"),
    path("mentee/", views.mentee_edit, name="mentee"),
    path("availability/", views.availability, name="availability"),
]
