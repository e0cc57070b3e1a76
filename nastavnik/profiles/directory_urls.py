from django.urls import path

from nastavnik.profiles import directory_views

app_name = "directory"
urlpatterns = [
    path("", directory_views.mentor_list, name="list"),
    path("<int:mentor_id>/", directory_views.mentor_detail, name="detail"),
]
