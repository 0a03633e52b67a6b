"""Koers's form renderer writes the same <select> markup as Django's own, faster."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.test.html import parse_html

from mvo.forms_renderer import FormRenderer

CHOICES = [("", "Onbekend"), ("CI", "Ivoorkust"), ("NL", "Nederland <&> 'x'")]
GROUPED = [("Afrika", [("CI", "Ivoorkust")]), ("Europa", [("NL", "<b>Nederland</b>")])]


@pytest.mark.parametrize(
    ("widget", "choices", "value"),
    [
        (forms.Select, CHOICES, "CI"),
        (forms.Select, CHOICES, None),
        (forms.Select, GROUPED, "NL"),
        (forms.SelectMultiple, CHOICES, ["CI", "NL"]),
        (forms.NullBooleanSelect, (), True),
    ],
)
def test_the_same_markup_as_django(widget, choices, value):
    attrs = {"id": "id_land", "class": "form-select", "required": True}
    kwargs = {"choices": choices} if choices else {}
    ours = widget(**kwargs).render("land", value, attrs, renderer=FormRenderer())
    django = widget(**kwargs).render("land", value, attrs, renderer=DjangoTemplates())
    assert parse_html(ours) == parse_html(django)


def test_labels_are_escaped():
    html = forms.Select(choices=GROUPED).render("land", "NL", {}, renderer=FormRenderer())
    assert '<option value="NL" selected>&lt;b&gt;Nederland&lt;/b&gt;</option>' in html


def test_every_form_of_the_project_uses_it():
    form = type("F", (forms.Form,), {"land": forms.ChoiceField(choices=CHOICES)})()
    assert isinstance(form.renderer, FormRenderer)
    assert '<option value="CI">Ivoorkust</option>' in str(form["land"])
