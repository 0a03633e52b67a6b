# Koers web, worker and beat image (see docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 VIRTUAL_ENV=/app/.venv PATH=/app/.venv/bin:$PATH
WORKDIR /app

RUN apt-get update \
    && apt-get install -y --no-install-recommends make libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

COPY pyproject.toml requirements.lock Makefile ./
RUN python -m venv .venv \
    && pip install --no-cache-dir "uv==0.13.9" \
    && uv pip install --python .venv/bin/python --require-hashes -r requirements.lock

COPY . .
RUN pybabel compile --domain django --directory locale \
    && ENVIRONMENT=production SECRET_KEY=build-only python manage.py collectstatic --noinput

RUN useradd --create-home koers && mkdir -p /app/media /app/private && chown -R koers /app/media /app/private
USER koers
EXPOSE 8000
CMD ["gunicorn", "mvo.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
