"""Django settings, read from the environment (see README.md, "Settings").

Two modes. `SOMEVAKT_ENV=production` requires SECRET_KEY and ALLOWED_HOSTS and turns on
HTTPS-only cookies, HSTS and the HTTPS redirect. Anything else (the default, used by
`make demo` and the tests) keeps a generated key in the data folder and listens on
localhost only. A bad value raises `ConfigError`, which the entry points print as one line.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _

from somevakt.config import (
    ConfigError,
    database_from_url,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_path,
    env_str,
    secret_key_from_file,
)

PACKAGE_DIR = Path(__file__).resolve().parent

ENVIRONMENT = env_choice("SOMEVAKT_ENV", ("development", "production"), "development")
PRODUCTION = ENVIRONMENT == "production"

DATA_DIR = env_path("SOMEVAKT_DATA_DIR", Path.cwd() / "var")

DEBUG = env_bool("DEBUG", False)
if PRODUCTION and DEBUG:
    raise ConfigError("DEBUG must be off when SOMEVAKT_ENV=production")

if PRODUCTION:
    SECRET_KEY = env_str("SECRET_KEY", "")
    if not SECRET_KEY:
        raise ConfigError("SECRET_KEY is not set (required when SOMEVAKT_ENV=production)")
else:
    SECRET_KEY = env_str("SECRET_KEY", "") or secret_key_from_file(DATA_DIR / "secret_key")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ConfigError("ALLOWED_HOSTS is not set (required when SOMEVAKT_ENV=production)")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

DATABASES = {
    "default": database_from_url(env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'somevakt.sqlite3'}"))
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3") and not PRODUCTION:
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "somevakt.jobs",
    "somevakt.tenants",
    "somevakt.registry",
    "somevakt.crisis",
    "somevakt.inbox",
    "somevakt.integrations",
    "somevakt.publishing",
    "somevakt.archive",
    "somevakt.guidelines",
    "somevakt.people",
    "somevakt.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "somevakt.web.middleware.language_from_choice",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs a login unless its view is marked @login_not_required (login, healthz).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "somevakt.web.middleware.content_security_policy",
    "somevakt.web.middleware.private_responses",
    # Changes made in a request are the signed-in person's in the audit log; downloads are logged.
    "somevakt.web.audit_middleware.audit_context",
]

ROOT_URLCONF = "somevakt.urls"
WSGI_APPLICATION = "somevakt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "somevakt.web.context_processors.shell",
            ],
        },
    }
]

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norwegian Bokmål")), ("nn", _("Norwegian Nynorsk")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "somevakt_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = PRODUCTION
TIME_ZONE = "Europe/Oslo"
# English dates in Norwegian order with a 24-hour clock (somevakt/web/formats/en).
FORMAT_MODULE_PATH = ["somevakt.web.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Only production collects static files; elsewhere WhiteNoise serves them from the package.
STATIC_ROOT = (
    env_path("STATIC_ROOT", DATA_DIR / "static") if PRODUCTION or env_str("STATIC_ROOT", "") else None
)
# Outside production the files are served straight from the package (no collectstatic step);
# in production `somevakt collectstatic` writes hashed, compressed copies that may be cached forever.
WHITENOISE_USE_FINDERS = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = env_path("MEDIA_ROOT", DATA_DIR / "media")

# Security headers. X-Content-Type-Options and Cross-Origin-Opener-Policy are Django's defaults;
# the Content-Security-Policy header comes from somevakt.web.middleware.
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 10, minimum=60)
# Failed sign-ins within 15 minutes that lock a user name, and an address (an office behind one
# NAT address shares the second: raise it there), for 15 minutes after the last (tenants.signin).
SIGNIN_FAILURES_PER_NAME = env_int("SOMEVAKT_SIGNIN_FAILURES_PER_NAME", 5, minimum=1)
SIGNIN_FAILURES_PER_ADDRESS = env_int("SOMEVAKT_SIGNIN_FAILURES_PER_ADDRESS", 30, minimum=1)
# Days the audit log keeps an entry; a daily job removes older ones (tenants.jobs).
AUDIT_RETENTION_DAYS = env_int("SOMEVAKT_AUDIT_RETENTION_DAYS", 730, minimum=30)
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
# Load balancers probe the health check over plain http inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if PRODUCTION else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    # Behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# E-mail (deadline reminders, escalations). Outside production the messages are printed on the
# console unless EMAIL_BACKEND says otherwise; production sends through SMTP.
EMAIL_BACKENDS = {
    name: f"django.core.mail.backends.{name}.EmailBackend"
    for name in ("smtp", "console", "filebased", "locmem", "dummy")
}
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "smtp" if PRODUCTION else "console")
EMAIL_BACKEND = EMAIL_BACKENDS.get(EMAIL_BACKEND, EMAIL_BACKEND)
if "." not in EMAIL_BACKEND:
    raise ConfigError(
        f"EMAIL_BACKEND={EMAIL_BACKEND!r} is not one of {', '.join(EMAIL_BACKENDS)} or a dotted path"
    )
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# A mail server that hangs must not hold up the worker for ever.
EMAIL_TIMEOUT = 30
EMAIL_FILE_PATH = str(env_path("EMAIL_FILE_PATH", DATA_DIR / "mail"))

# The first concrete host name the app answers to (not a `.domain` wildcard), for defaults below.
_SITE_HOST = next((h for h in ALLOWED_HOSTS if not h.startswith((".", "*"))), "")
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", f"somevakt@{_SITE_HOST}" if PRODUCTION and _SITE_HOST else "somevakt@localhost"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Links in e-mails must be absolute: people open them from their mail program. `somevakt demo`
# sets it to the address it serves on.
SOMEVAKT_BASE_URL = env_str(
    "SOMEVAKT_BASE_URL",
    (f"https://{_SITE_HOST}" if _SITE_HOST else "") if PRODUCTION else "http://127.0.0.1:8000",
).rstrip("/")
if not SOMEVAKT_BASE_URL:
    raise ConfigError("SOMEVAKT_BASE_URL is not set and ALLOWED_HOSTS names no host to make it from")
_base = urlsplit(SOMEVAKT_BASE_URL)
if _base.scheme not in ("https", "http") or not _base.netloc or _base.query or _base.fragment:
    raise ConfigError(
        f"SOMEVAKT_BASE_URL={SOMEVAKT_BASE_URL!r} is not a web address (example: https://somevakt.kommune.no)"
    )

# The archive (docs/archive.md): the outbox the worker and `archive deliver` write to, and the
# folder with Arkivverket's Noark 5 schemas, copied into every extract when given.
SOMEVAKT_ARCHIVE_OUTBOX = env_path("SOMEVAKT_ARCHIVE_OUTBOX", DATA_DIR / "archive-outbox")
SOMEVAKT_NOARK5_SCHEMAS: Path | None = (
    env_path("SOMEVAKT_NOARK5_SCHEMAS", Path()) if env_str("SOMEVAKT_NOARK5_SCHEMAS", "") else None
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {
        "handlers": ["console"],
        "level": env_choice("LOG_LEVEL", ("DEBUG", "INFO", "WARNING", "ERROR"), "INFO"),
    },
}
