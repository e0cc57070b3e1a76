from django.urls import path

from nastavnik.profiles import views

app_name = "profiles"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
]
