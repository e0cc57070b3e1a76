from django.urls import path

from nastavnik.goals import api

urlpatterns = [
    path(
        "relationships/<int:relationship_id>/goals/",
        api.RelationshipGoalsView.as_view(),
        name="api-relationship-goals",
    ),
    path("goals/<int:pk>/", api.GoalDetailView.as_view(), name="api-goal"),
    path("goals/<int:pk>/revisions/", api.GoalRevisionsView.as_view(), name="api-goal-revisions"),
    path(
        "goals/<int:pk>/milestones/", api.GoalMilestonesView.as_view(), name="api-goal-milestones"
    ),
    path("milestones/<int:pk>/", api.MilestoneDetailView.as_view(), name="api-milestone"),
    path(
        "relationships/<int:relationship_id>/tasks/",
        api.RelationshipTasksView.as_view(),
        name="api-relationship-tasks",
    ),
    path("tasks/<int:pk>/", api.TaskDetailView.as_view(), name="api-task"),
    path(
        "relationships/<int:relationship_id>/checkins/",
        api.RelationshipCheckInsView.as_view(),
        name="api-relationship-checkins",
    ),
    path("checkins/<int:pk>/", api.CheckInDetailView.as_view(), name="api-checkin"),
]
