"""The Celery application; tasks run inline when REDIS_URL is unset.

A worker or beat runs in a deployment, so the production settings are the
default here (``make run`` and the tests run no worker of their own kind;
the test suite sets DJANGO_SETTINGS_MODULE)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

app = Celery("npa")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
