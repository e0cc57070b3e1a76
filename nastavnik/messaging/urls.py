from django.urls import path

from nastavnik.messaging import views

app_name = "messaging"
urlpatterns = [
    path("relationships/<int:relationship_id>/messages/", views.thread, name="thread"),
    path("messages/settings/", views.preference, name="preference"),
]
