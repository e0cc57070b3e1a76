"""The caller's notification centre as JSON: list, mark one read, mark all read."""

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from nastavnik.notifications import selectors, services
from nastavnik.notifications.models import Notification
from nastavnik.notifications.serializers import (
    MarkedSerializer,
    NotificationQuerySerializer,
    NotificationSerializer,
)


@extend_schema(parameters=[NotificationQuerySerializer], tags=["notifications"])
class NotificationListView(generics.ListAPIView):
    """The caller's notifications, newest first; `?unread=true` for the unread ones only."""

    serializer_class = NotificationSerializer

    def get_queryset(self) -> QuerySet[Notification]:
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no user
            return Notification.objects.none()
        params = NotificationQuerySerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        notifications = selectors.notifications_for_user(user=self.request.user)
        return notifications.unread() if params.validated_data["unread"] else notifications


class NotificationReadView(APIView):
    @extend_schema(
        request=None,
        responses={
            200: NotificationSerializer,
            404: OpenApiResponse(description="Not one of the caller's notifications."),
        },
        tags=["notifications"],
    )
    def post(self, request: Request, notification_id: int) -> Response:
        """Marks one of the caller's notifications read."""
        notification = selectors.notification_get_for_user(
            user=request.user, notification_id=notification_id
        )
        services.notifications_mark_read(user=request.user, ids=[notification.pk])
        notification.refresh_from_db()
        return Response(NotificationSerializer(notification).data)


class NotificationReadAllView(APIView):
    @extend_schema(request=None, responses={200: MarkedSerializer}, tags=["notifications"])
    def post(self, request: Request) -> Response:
        """Marks all of the caller's unread notifications read."""
        marked = services.notifications_mark_read(user=request.user)
        return Response({"marked": marked})
