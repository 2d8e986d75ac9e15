"""The Celery application; tasks run inline when REDIS_URL is unset."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("npa")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
