"""The message thread of a pair. Someone else's relationship is a 404."""

from functools import cached_property

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from nastavnik.messaging.models import Message
from nastavnik.messaging.selectors import (
    messages_for_relationship,
    unread_count,
    unread_counts_by_relationship,
)
from nastavnik.messaging.serializers import (
    MarkedReadSerializer,
    MessageSerializer,
    UnreadSerializer,
)
from nastavnik.messaging.services import message_send, messages_mark_read
from nastavnik.relationships.models import Relationship
from nastavnik.relationships.selectors import relationship_get_for_user


@extend_schema_view(
    get=extend_schema(
        summary="Read the pair's thread, oldest first",
        description="Reading does not mark messages read; POST …/messages/read/ does.",
        tags=["messages"],
    ),
    post=extend_schema(summary="Write to the other side", tags=["messages"]),
)
class RelationshipMessagesView(generics.ListCreateAPIView):
    serializer_class = MessageSerializer
    filter_backends = []

    @cached_property
    def relationship(self) -> Relationship:
        return relationship_get_for_user(
            user=self.request.user, relationship_id=self.kwargs["relationship_id"]
        )

    def get_queryset(self) -> QuerySet[Message]:
        return messages_for_relationship(relationship=self.relationship)

    def perform_create(self, serializer: MessageSerializer) -> None:
        try:
            serializer.instance = message_send(
                relationship=self.relationship,
                by=self.request.user,
                body=serializer.validated_data["body"],
            )
        except DjangoValidationError as error:
            raise exceptions.ValidationError(error.message_dict) from error


class RelationshipMessagesReadView(APIView):
    @extend_schema(
        summary="Mark the thread read",
        request=None,
        responses=MarkedReadSerializer,
        tags=["messages"],
    )
    def post(self, request: Request, relationship_id: int) -> Response:
        relationship = relationship_get_for_user(user=request.user, relationship_id=relationship_id)
        count = messages_mark_read(relationship=relationship, user=request.user)
        return Response({"marked_read": count})


class UnreadMessagesView(APIView):
    @extend_schema(
        summary="How many messages I have not read",
        description="In total and per relationship (only relationships with unread messages).",
        responses=UnreadSerializer,
        tags=["messages"],
    )
    def get(self, request: Request) -> Response:
        by_relationship = unread_counts_by_relationship(user=request.user)
        return Response(
            {
                "unread": unread_count(user=request.user),
                "by_relationship": [
                    {"relationship": pk, "unread": n} for pk, n in sorted(by_relationship.items())
                ],
            }
        )
