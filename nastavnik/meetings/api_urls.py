from django.urls import path

from nastavnik.meetings import api, office_hours_api

urlpatterns = [
    path(
        "relationships/<int:relationship_id>/meetings/",
        api.RelationshipMeetingsView.as_view(),
        name="api-relationship-meetings",
    ),
    path("meetings/", api.MyOccurrencesView.as_view(), name="api-my-meetings"),
    path("group-sessions/", api.GroupSessionsView.as_view(), name="api-group-sessions"),
    path("meetings/<int:pk>/", api.MeetingDetailView.as_view(), name="api-meeting"),
    path("meetings/<int:pk>/cancel/", api.MeetingCancelView.as_view(), name="api-meeting-cancel"),
    path(
        "meetings/<int:pk>/occurrences/move/",
        api.OccurrenceMoveView.as_view(),
        name="api-occurrence-move",
    ),
    path(
        "meetings/<int:pk>/occurrences/cancel/",
        api.OccurrenceCancelView.as_view(),
        name="api-occurrence-cancel",
    ),
    path("meetings/<int:pk>/notes/", api.MeetingNotesView.as_view(), name="api-meeting-notes"),
    path(
        "meetings/<int:pk>/private-note/",
        api.PrivateNoteView.as_view(),
        name="api-meeting-private-note",
    ),
    path("me/calendar/", api.MyCalendarView.as_view(), name="api-my-calendar"),
    path("me/calendar/rotate/", api.MyCalendarRotateView.as_view(), name="api-my-calendar-rotate"),
    path(
        "me/office-hours/", office_hours_api.MyOfficeHoursView.as_view(), name="api-my-office-hours"
    ),
    path(
        "me/office-hours/weekly/",
        office_hours_api.MyWeeklyOfficeHoursView.as_view(),
        name="api-my-office-hours-weekly",
    ),
    path(
        "mentors/<int:mentor_id>/slots/",
        office_hours_api.MentorSlotsView.as_view(),
        name="api-mentor-slots",
    ),
    path("bookings/", office_hours_api.BookingsView.as_view(), name="api-bookings"),
    path(
        "bookings/<int:pk>/cancel/",
        office_hours_api.BookingCancelView.as_view(),
        name="api-booking-cancel",
    ),
]
