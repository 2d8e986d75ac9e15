FROM python:3.11-slim
# Every process in the image (gunicorn, Celery, manage.py) runs production.
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=config.settings.production
WORKDIR /app
RUN useradd --create-home --uid 1000 app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# Production settings refuse weak keys: a throwaway random one for the build.
RUN SECRET_KEY=$(python -c "import secrets; print(secrets.token_urlsafe(50))") \
    ALLOWED_HOSTS=localhost WAGTAILADMIN_BASE_URL=https://build.invalid \
    python manage.py collectstatic --noinput -v0
RUN mkdir -p /app/media /app/private-media /app/static_collected \
    && chown -R app /app/media /app/private-media /app/static_collected
USER app
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
