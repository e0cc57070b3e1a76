from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo data for trying Nastavnik out: the one place that builds data across every app."""

    name = "nastavnik.demo"
    verbose_name = _("Demo data")
