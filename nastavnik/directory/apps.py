from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """Finding each other: the mentor directory, its search, and recommendations as JSON."""

    name = "nastavnik.directory"
    verbose_name = _("Mentor directory")
