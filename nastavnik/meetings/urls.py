from django.urls import path

from nastavnik.meetings import views

app_name = "meetings"

urlpatterns = [
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar-feed"),
]
