from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views.admin_address_guard import guarded_admin_urls
from accounts.views.admin_query_guard import guarded_listing_urls
from accounts.views.language import set_language

from .health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Wagtail admin views guarded against hand-made addresses, on their paths.
    path("admin/", include(guarded_admin_urls())),
    path("admin/", include(guarded_listing_urls())),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("", include("search.urls")),
    path("konto/", include("accounts.urls")),
    # Django's language switch, which also remembers a member's language.
    path("i18n/setlang/", set_language, name="set_language"),
    path("", include("website.urls")),
    path("", include("website.open_data_urls")),
    path("", include("matching.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))
