"""The JSON API under /api/v1/: each app contributes its routes from its own api module."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("nastavnik.accounts.api_urls")),
    path("", include("nastavnik.profiles.api_urls")),
    path("", include("nastavnik.directory.api_urls")),
    path("", include("nastavnik.skills.api_urls")),
    path("", include("nastavnik.notifications.api_urls")),
    path("", include("nastavnik.relationships.api_urls")),
    path("", include("nastavnik.goals.api_urls")),
    path("", include("nastavnik.messaging.api_urls")),
    path("", include("nastavnik.meetings.api_urls")),
]
