from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


def _valid(code):
    return code if code in dict(settings.LANGUAGES) else None


class DutchFirstLocaleMiddleware(LocaleMiddleware):
    """Dutch for everyone, unless the person picked another language.

    Unlike Django's LocaleMiddleware, the browser's Accept-Language header is not followed:
    Koers is a Dutch product, and English is a choice, not a guess. A logged-in person's
    choice is kept on their account (e-mails need it too); the language cookie serves
    visitors who are not logged in, and is taken over by an account that has no choice yet.
    Runs after the authentication middleware.
    """

    def process_request(self, request):
        cookie = _valid(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
        user = getattr(request, "user", None)
        code = None
        if user is not None and user.is_authenticated:
            code = _valid(user.language)
            if code is None and cookie:
                user.language = code = cookie
                user.save(update_fields=["language"])
        code = code or cookie or settings.LANGUAGE_CODE
        translation.activate(code)
        request.LANGUAGE_CODE = code
