from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfilesConfig(AppConfig):
    name = "nastavnik.profiles"
    verbose_name = _("Profiles")

    def ready(self) -> None:
        from nastavnik.profiles import receivers  # noqa: F401 - connects the receivers
