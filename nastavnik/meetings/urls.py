from django.urls import path

from nastavnik.meetings import views

app_name = "meetings"

urlpatterns = [
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar-feed"),
    path("calendar/", views.calendar_settings, name="calendar"),
    path("meetings/", views.upcoming, name="upcoming"),
    path("relationships/<int:relationship_id>/meetings/new/", views.schedule, name="schedule"),
    path("meetings/<int:meeting_id>/", views.detail, name="detail"),
    path("meetings/<int:meeting_id>/notes/", views.notes, name="notes"),
    path("meetings/<int:meeting_id>/private-note/", views.private_note, name="private-note"),
    path("meetings/<int:meeting_id>/action-items/", views.action_item, name="action-item"),
    path("meetings/<int:meeting_id>/move/", views.occurrence_move, name="occurrence-move"),
    path("meetings/<int:meeting_id>/skip/", views.occurrence_cancel, name="occurrence-cancel"),
    path("meetings/<int:meeting_id>/cancel/", views.cancel, name="cancel"),
    path("meetings/<int:meeting_id>/status/", views.status, name="status"),
    path("meetings/group/new/", views.group_session, name="group-session"),
    path("office-hours/", views.my_office_hours, name="office-hours"),
    path("office-hours/<int:mentor_id>/", views.mentor_slots, name="mentor-slots"),
]
