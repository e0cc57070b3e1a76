from django.urls import path

from nastavnik.skills import views

app_name = "skills"
urlpatterns = [
    path("autocomplete/", views.autocomplete, name="autocomplete"),
]
