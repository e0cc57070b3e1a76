from django.urls import path

from nastavnik.relationships import views

app_name = "relationships"
urlpatterns = [
    path("requests/", views.request_list, name="request_list"),
    path("requests/new/<int:mentor_id>/", views.request_new, name="request_new"),
    path("requests/<int:request_id>/accept/", views.request_accept, name="request_accept"),
    path("requests/<int:request_id>/decline/", views.request_decline, name="request_decline"),
    path("requests/<int:request_id>/withdraw/", views.request_withdraw, name="request_withdraw"),
    path("requests/<int:request_id>/ask/", views.request_ask, name="request_ask"),
    path("requests/<int:request_id>/answer/", views.request_answer, name="request_answer"),
    path("relationships/", views.relationship_list, name="list"),
    path("relationships/<int:relationship_id>/", views.relationship_detail, name="detail"),
    path(
        "relationships/<int:relationship_id>/advance/",
        views.relationship_advance,
        name="advance",
    ),
    path("relationships/<int:relationship_id>/end/", views.relationship_end, name="end"),
    path(
        "relationships/<int:relationship_id>/agreement/",
        views.agreement_edit,
        name="agreement",
    ),
    path(
        "relationships/<int:relationship_id>/checklist/<int:item_id>/",
        views.checklist_toggle,
        name="checklist_toggle",
    ),
]
