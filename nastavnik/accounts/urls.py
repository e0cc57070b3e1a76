from django.urls import path

from nastavnik.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login, name="login"),
    path("logout/", views.logout, name="logout"),
    path("signup/", views.login, name="signup"),  # TODO(accounts helper): real sign-up view
    path("language/", views.language_set, name="language"),
]
