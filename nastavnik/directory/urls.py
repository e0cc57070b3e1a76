from django.urls import path

from nastavnik.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.mentor_list, name="list"),
    path("<int:mentor_id>/", views.mentor_detail, name="detail"),
]
