"""Input rules shared by every form of Koers: one date range, 1–5 scores, and numbers typed
the Dutch way.

Numbers: a comma is the decimal separator and a dot groups thousands (1.234,5), as Dutch
users type them; a plain decimal point is accepted too (12.5). The one ambiguous case, a
single dot followed by exactly three digits after a non-zero whole part ("1.234"), is read
the Dutch way: one thousand two hundred and thirty-four. "0.125" and "12.50" are decimals.
"""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

FIRST_DATE, LAST_DATE = date(1990, 1, 1), date(2100, 12, 31)
DATE_RANGE_MESSAGE = _("Kies een datum tussen 01-01-1990 en 31-12-2100.")
DATE_VALIDATORS = [
    MinValueValidator(FIRST_DATE, message=DATE_RANGE_MESSAGE),
    MaxValueValidator(LAST_DATE, message=DATE_RANGE_MESSAGE),
]
SCORE_MESSAGE = _("Kies een score van 1 tot en met 5.")
SCORE_VALIDATORS = [
    MinValueValidator(1, message=SCORE_MESSAGE),
    MaxValueValidator(5, message=SCORE_MESSAGE),
]

_SPACES = re.compile(r"[\s\u00a0\u202f]")
_GROUPED = re.compile(r"\d{1,3}(\.\d{3})+")  # 1.234 or 1.234.567
_GROUPED_EN = re.compile(r"\d{1,3}(,\d{3})+")  # 1,234 (with a decimal point after it)


def id_from_query(value):
    """The database id in a query-string value, or None if it is not one.

    Only ASCII digits count: "²".isdigit() is true, yet int("²") fails, and a string of
    Arabic-Indic digits would silently become a number. A BigAutoField holds at most 19 digits.
    """
    if value and value.isascii() and value.isdigit() and len(value) < 19:
        return int(value)
    return None


def parse_number(text):
    """A Decimal from a number typed the Dutch (or plain) way; None if it is not a number."""
    value = _SPACES.sub("", text)
    sign = ""
    if value and value[0] in "+-":
        sign, value = ("-" if value[0] == "-" else ""), value[1:]
    if not value or not value.isascii():
        return None
    whole, decimals = value, ""
    if "," in value and "." in value:
        if value.rfind(",") > value.rfind("."):  # 1.234,5
            whole, _sep, decimals = value.rpartition(",")
            if not _GROUPED.fullmatch(whole):
                return None
            whole = whole.replace(".", "")
        else:  # 1,234.5
            whole, _sep, decimals = value.rpartition(".")
            if not _GROUPED_EN.fullmatch(whole):
                return None
            whole = whole.replace(",", "")
    elif "," in value:
        whole, _sep, decimals = value.partition(",")
    elif value.count(".") > 1 or (
        value.count(".") == 1 and _GROUPED.fullmatch(value) and not value.startswith("0")
    ):
        if not _GROUPED.fullmatch(value):
            return None
        whole = value.replace(".", "")
    elif "." in value:
        whole, _sep, decimals = value.partition(".")
    if not (whole or decimals) or not (whole + decimals).isdigit():
        return None
    try:
        return Decimal(f"{sign}{whole or 0}.{decimals or 0}")
    except InvalidOperation:
        return None


class DutchDecimalField(forms.DecimalField):
    """A DecimalField that reads 1.234,5 as well as 12,5 and 12.5, and gives one message
    for text that is not a number."""

    default_error_messages = {
        "invalid": _("Vul een getal in, bijvoorbeeld 1.234,5 of 12,5."),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.localize = True
        self.widget = forms.TextInput(attrs={"inputmode": "decimal", **self.widget.attrs})
        self.widget.attrs.pop("step", None)
        self.widget.is_localized = True

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        number = parse_number(str(value))
        if number is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number


MAX_TEXT = 10_000  # characters of a long text (a TextField) unless its form says otherwise


def limit_text(form_field, model_field):
    """A long text box (a model TextField) without a limit of its own gets MAX_TEXT, checked
    on the server and told to the browser: a text without end would make every page and PDF
    that shows it slow."""
    if not isinstance(model_field, models.TextField) or model_field.max_length is not None:
        return
    if type(form_field) is not forms.CharField or form_field.max_length is not None:
        return
    form_field.max_length = MAX_TEXT
    form_field.validators.append(MaxLengthValidator(MAX_TEXT))
    form_field.widget.attrs.setdefault("maxlength", str(MAX_TEXT))


def browser_limits(form_field, model_field):
    """Copy a model field's minimum and maximum (1–5 scores, the date range) onto the number
    or date box of the form field, so the browser knows them too."""
    if not isinstance(form_field.widget, forms.NumberInput | forms.DateInput):
        return
    for validator in model_field.validators:
        if isinstance(validator, MinValueValidator):
            form_field.widget.attrs["min"] = _html_value(validator.limit_value)
        elif isinstance(validator, MaxValueValidator):
            form_field.widget.attrs["max"] = _html_value(validator.limit_value)


def _html_value(limit):
    return limit.isoformat() if isinstance(limit, date) else limit
