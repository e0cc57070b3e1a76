from django.urls import path

from nastavnik.messaging import api

urlpatterns = [
    path(
        "relationships/<int:relationship_id>/messages/",
        api.RelationshipMessagesView.as_view(),
        name="api-relationship-messages",
    ),
    path(
        "relationships/<int:relationship_id>/messages/read/",
        api.RelationshipMessagesReadView.as_view(),
        name="api-relationship-messages-read",
    ),
    path("messages/unread/", api.UnreadMessagesView.as_view(), name="api-messages-unread"),
]
