from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    path(
        "api/v1/projects/<int:project_id>/matches",
        views.matches_api,
        name="api-matches",
    ),
    path("treffer/<int:match_id>/kontakt/", views.contact, name="contact"),
    path("kontakt/bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("kontakt/antwort/<str:token>/", views.reply, name="reply"),
    path("kontakt/rueckmeldung/<str:token>/", views.outcome, name="outcome"),
]
