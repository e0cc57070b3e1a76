from django.urls import path

from nastavnik.relationships import api

urlpatterns = [
    path("requests/", api.RequestListCreateView.as_view(), name="api-requests"),
    path(
        "requests/<int:request_id>/accept/",
        api.RequestAcceptView.as_view(),
        name="api-request-accept",
    ),
    path(
        "requests/<int:request_id>/decline/",
        api.RequestDeclineView.as_view(),
        name="api-request-decline",
    ),
    path(
        "requests/<int:request_id>/withdraw/",
        api.RequestWithdrawView.as_view(),
        name="api-request-withdraw",
    ),
    path("requests/<int:request_id>/ask/", api.RequestAskView.as_view(), name="api-request-ask"),
    path(
        "requests/<int:request_id>/answer/",
        api.RequestAnswerView.as_view(),
        name="api-request-answer",
    ),
    path("relationships/", api.RelationshipListView.as_view(), name="api-relationships"),
    path(
        "relationships/<int:relationship_id>/",
        api.RelationshipDetailView.as_view(),
        name="api-relationship",
    ),
    path(
        "relationships/<int:relationship_id>/advance/",
        api.RelationshipAdvanceView.as_view(),
        name="api-relationship-advance",
    ),
    path(
        "relationships/<int:relationship_id>/end/",
        api.RelationshipEndView.as_view(),
        name="api-relationship-end",
    ),
    path(
        "relationships/<int:relationship_id>/agreement/",
        api.AgreementView.as_view(),
        name="api-relationship-agreement",
    ),
    path(
        "relationships/<int:relationship_id>/checklist/<int:item_id>/",
        api.ChecklistItemView.as_view(),
        name="api-relationship-checklist-item",
    ),
]
