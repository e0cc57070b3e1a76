from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("nastavnik.core.urls")),
    path("accounts/", include("nastavnik.accounts.urls")),
    path("profile/", include("nastavnik.profiles.urls")),
    path("skills/", include("nastavnik.skills.urls")),
    path("mentors/", include("nastavnik.directory.urls")),
    path("", include("nastavnik.relationships.urls")),
    path("", include("nastavnik.goals.urls")),
    path("", include("nastavnik.messaging.urls")),
    path("", include("nastavnik.meetings.urls")),
    path("notifications/", include("nastavnik.notifications.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("config.api_urls")),
]
