from django.urls import path

from nastavnik.goals import views

app_name = "goals"
base = "relationships/<int:relationship_id>/"
urlpatterns = [
    path("mentorship/", views.dashboard, name="dashboard"),
    path(f"{base}goals/", views.goal_list, name="list"),
    path(f"{base}goals/new/", views.goal_create, name="create"),
    path(f"{base}goals/<int:goal_id>/", views.goal_detail, name="detail"),
    path(f"{base}goals/<int:goal_id>/edit/", views.goal_edit, name="edit"),
    path(f"{base}goals/<int:goal_id>/milestones/", views.milestone_add, name="milestone-add"),
    path(
        f"{base}goals/<int:goal_id>/milestones/<int:milestone_id>/toggle/",
        views.milestone_toggle,
        name="milestone-toggle",
    ),
    path(f"{base}tasks/", views.task_list, name="tasks"),
    path(f"{base}tasks/<int:task_id>/toggle/", views.task_toggle, name="task-toggle"),
    path(f"{base}checkins/", views.checkin_list, name="checkins"),
    path(
        f"{base}checkins/<int:checkin_id>/comment/",
        views.checkin_comment,
        name="checkin-comment",
    ),
]
