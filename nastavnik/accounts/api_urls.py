from django.urls import path

from nastavnik.accounts import api

urlpatterns = [
    path("auth/token/", api.TokenView.as_view(), name="api-auth-token"),
    path("auth/register/", api.RegisterView.as_view(), name="api-auth-register"),
    path("me/", api.MeView.as_view(), name="api-me"),
]
