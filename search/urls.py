from django.urls import path

from . import views

urlpatterns = [
    path("suche/", views.search_page, name="search"),
    path("suche/weiter/", views.search_click, name="search-click"),
    path("api/v1/search", views.search_api, name="search-api"),
    path("api/v1/autocomplete", views.autocomplete_api, name="search-autocomplete"),
]
