from django.urls import path

from .views import content, freshness, invitations, people, privacy, verification

app_name = "accounts"

urlpatterns = [
    path("", content.dashboard, name="dashboard"),
    path("anmelden/", people.LoginView.as_view(), name="login"),
    path("abmelden/", people.LogoutView.as_view(), name="logout"),
    path("registrieren/", people.signup, name="signup"),
    path("registrieren/danke/", people.signup_done, name="signup_done"),
    path("bestaetigen/neu/", verification.resend, name="resend"),
    path("bestaetigen/<str:token>/", verification.verify, name="verify"),
    path("einladung/<int:pk>/zurueckziehen/", invitations.revoke, name="revoke"),
    path("einladung/<str:token>/", invitations.accept_invitation, name="accept"),
    path("initiative/<int:pk>/", content.initiative_edit, name="initiative_edit"),
    path("initiative/<int:pk>/einladen/", invitations.invite, name="invite"),
    path("initiative/<int:pk>/bilder/", content.images, name="images"),
    path(
        "initiative/<int:pk>/projekt-neu/",
        content.project_create,
        name="project_create",
    ),
    path("projekt/<int:pk>/", content.project_edit, name="project_edit"),
    path("seite/<int:pk>/vorschau/", content.preview, name="preview"),
    path("seite/<int:pk>/einreichen/", content.submit, name="submit"),
    path("bild/<int:pk>/vorschau/", content.image_thumbnail, name="image_thumbnail"),
    path("bild/<int:pk>/loeschen/", content.image_delete, name="image_delete"),
    path("aktuell/<str:token>/", freshness.reconfirm, name="reconfirm"),
    path("meine-daten/", privacy.export, name="export"),
    path("konto-loeschen/", privacy.delete, name="delete"),
]
