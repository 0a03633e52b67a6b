"""Koers settings. Everything that differs between machines comes from the environment.

Defaults give a zero-setup development site: a SQLite file in the project folder, Celery
tasks run eagerly in-process, e-mail printed on the console. Set ENVIRONMENT=production for
a deployment (secure cookies, HSTS, a real SECRET_KEY is then required).
"""

import os
from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp import constants as csp

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

ENVIRONMENT = env.str("ENVIRONMENT", default="development")
if ENVIRONMENT not in ("development", "production"):
    raise environ.ImproperlyConfigured("ENVIRONMENT must be 'development' or 'production'.")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env.bool("DEBUG", default=not PRODUCTION)
if PRODUCTION:
    SECRET_KEY = env.str("SECRET_KEY")  # required: no default in production
else:
    SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-koers-not-for-production")
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "axes",
    "csp",
    "simple_history",
    # Koers apps, in import order: a lower app never imports a higher one.
    "mvo.apps.MvoConfig",
    "themes.apps.ThemesConfig",
    "stakeholders.apps.StakeholdersConfig",
    "kpis.apps.KpisConfig",
    "plans.apps.PlansConfig",
    "duediligence.apps.DuediligenceConfig",
    "procurement.apps.ProcurementConfig",
    "reports.apps.ReportsConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "mvo.middleware.DutchFirstLocaleMiddleware",  # after auth: the account keeps the choice
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "mvo.guard.OrganisationGuardMiddleware",
    "axes.middleware.AxesMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",  # who made each change
]

ROOT_URLCONF = "mvo.urls"
WSGI_APPLICATION = "mvo.wsgi.application"

# Django's form renderer with a faster <select> (mvo/forms_renderer.py).
FORM_RENDERER = "mvo.forms_renderer.FormRenderer"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mvo.context_processors.koers",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'koers.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers wait their turn instead of failing with "database is locked":
    # - IMMEDIATE: every transaction.atomic takes the write lock at BEGIN. With the default
    #   (DEFERRED) a transaction that read first and writes later cannot wait for the lock;
    #   SQLite refuses it at once. It also serialises select_for_update blocks, which SQLite
    #   ignores.
    # - timeout: seconds a connection waits for the lock (SQLite's busy timeout).
    # - WAL: readers do not block the writer, nor the writer the readers; with WAL,
    #   synchronous=NORMAL is still safe against corruption and much faster.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "mvo.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes): after 5 failures for one e-mail address from one IP address,
# that combination waits 15 minutes.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "mvo.forms.login_identifier"
AXES_IPWARE_META_PRECEDENCE_ORDER = env.list("AXES_IP_HEADERS", default=["REMOTE_ADDR"])

# The public grievance form (/meld/<slug>/): per client and organisation per hour. The client
# is its address in the first of these headers that is set (default: as the login throttling).
GRIEVANCE_INTAKE_PER_HOUR = env.int("GRIEVANCE_INTAKE_PER_HOUR", default=5)
GRIEVANCE_LOOKUPS_PER_HOUR = env.int("GRIEVANCE_LOOKUPS_PER_HOUR", default=20)
GRIEVANCE_CLIENT_IP_HEADERS = env.list("GRIEVANCE_CLIENT_IP_HEADERS", default=[])

# Invitations: a signed link, valid this many days, usable once.
INVITATION_MAX_AGE_DAYS = env.int("INVITATION_MAX_AGE_DAYS", default=7)

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Files that only organisation-checked views hand out (report PDFs, evidence): kept apart from
# MEDIA_ROOT, which the development server serves to anyone.
PRIVATE_ROOT = env.path("PRIVATE_ROOT", default=BASE_DIR / "private")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
    # Report PDFs: a folder outside static, never served directly (downloads go through an
    # organisation-checked view). With several worker machines, point it at a shared store,
    # e.g. REPORT_STORAGE_BACKEND=storages.backends.s3.S3Storage (pip install
    # "django-storages[s3]") and REPORT_STORAGE_OPTIONS='{"bucket_name": "koers-reports"}'.
    "reports": {
        "BACKEND": env.str(
            "REPORT_STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage"
        ),
        "OPTIONS": env.json(
            "REPORT_STORAGE_OPTIONS",
            default={"location": os.path.join(str(PRIVATE_ROOT), "reports")},
        ),
    },
    # Evidence files of due diligence (policy versions, audits, grievances): the same rules.
    "evidence": {
        "BACKEND": env.str(
            "EVIDENCE_STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage"
        ),
        "OPTIONS": env.json(
            "EVIDENCE_STORAGE_OPTIONS",
            default={"location": os.path.join(str(PRIVATE_ROOT), "evidence")},
        ),
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: console by default; e.g. EMAIL_URL=smtp+tls://user:password@smtp.example.org:587
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Koers <noreply@koers.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: with REDIS_URL, Redis is broker and result backend; without it, tasks run eagerly
# in-process so the app works with no services at all.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CELERY_BROKER_URL = "memory://"
    CELERY_RESULT_BACKEND = "cache+memory://"
    CELERY_TASK_ALWAYS_EAGER = True
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A worker process that grew past this (in KiB) after a task, e.g. a large report PDF, is
# replaced by a fresh one, so its memory goes back to the system.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", default=400_000)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE: dict = {
    # Every Monday at 07:00 Amsterdam time (CELERY_TIMEZONE): overdue actions, actions due
    # soon and missing KPI measurements, one e-mail per person (plans.tasks).
    "weekly-reminders": {
        "task": "plans.tasks.send_weekly_reminders",
        "schedule": crontab(minute=0, hour=7, day_of_week="mon"),
    },
    # Notification mails whose task never ran, that failed, or whose worker died while
    # sending (mvo.tasks): every ten minutes.
    "waiting-notification-mails": {
        "task": "mvo.tasks.send_waiting_notification_mails",
        "schedule": crontab(minute="*/10"),
    },
    # Report requests that never reached a worker (broker down) or got stuck: every five
    # minutes (reports.tasks).
    "report-sweep": {
        "task": "reports.tasks.sweep_reports",
        "schedule": crontab(minute="*/5"),
    },
    # The quarterly reports of all approved plans, on the first days after a quarter ends
    # (each plan and quarter once; the managers get a link by e-mail).
    "scheduled-quarter-reports": {
        "task": "reports.tasks.schedule_quarter_reports",
        "schedule": crontab(minute=30, hour=6, day_of_month="1-7", month_of_year="1,4,7,10"),
    },
}
# The address of Koers as people reach it, for links in e-mails sent without a request
# (the weekly reminders), e.g. https://koers.example.org
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Content-Security-Policy (django-csp): only Koers's own files run or style a page; no inline
# scripts or style attributes, nothing from other hosts. SVG charts use presentation attributes,
# which the policy allows; Bootstrap's icons are data: images. Applies in development too, so
# that a violation shows up before it reaches production.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, "data:"],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "object-src": [csp.NONE],
        "base-uri": [csp.SELF],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    # Behind a proxy that terminates TLS, SSL redirect may be switched off with
    # SECURE_SSL_REDIRECT=false; tell check --deploy that this is intentional.
    SILENCED_SYSTEM_CHECKS = [] if SECURE_SSL_REDIRECT else ["security.W008"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Quarter entry posts four fields per KPI; a page of up to 1,000 KPIs must fit (Django's default
# of 1,000 fields stopped at about 250 KPIs). Every other form stays far below this.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
