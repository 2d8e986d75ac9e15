"""``includes/form_fields.html``: every control labelled on its own, groups of
choices as a fieldset with a legend, help and errors tied to what they
describe (pure template rendering, no services)."""

from __future__ import annotations

import re

from django import forms
from django.template.loader import render_to_string

CHOICES = [("sprache", "Sprachförderung"), ("arbeit", "Arbeitsmarktintegration")]


class _Form(forms.Form):
    fields_of_action = forms.MultipleChoiceField(
        label="Handlungsfelder",
        choices=CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text="Mindestens eines.",
    )
    kind = forms.ChoiceField(label="Art", choices=CHOICES, widget=forms.RadioSelect)
    accept = forms.BooleanField(label="Einverstanden")
    title = forms.CharField(label="Titel")


def _html(data: dict | None = None) -> str:
    form = _Form(data) if data is not None else _Form()
    if data is not None:
        form.is_valid()
    return render_to_string("includes/form_fields.html", {"form": form})


def test_several_checkboxes_are_a_fieldset_with_one_label_per_choice():
    html = _html()
    group = re.search(r"<fieldset[^>]*>.*?</fieldset>", html, re.S).group(0)
    assert "<legend>Handlungsfelder (Pflichtfeld)</legend>" in group
    for number, (_value, label) in enumerate(CHOICES):
        control = f'id="id_fields_of_action_{number}"'
        assert re.search(
            rf'<label class="choice"><input [^>]*{control}[^>]*> {label}</label>', group
        )
    # No label around other labels, none pointing nowhere.
    assert 'for=""' not in html
    assert not re.search(r"<label[^>]*>(?:(?!</label>).)*<label", html, re.S)
    assert (
        '<p class="help" id="id_fields_of_action-help">Mindestens eines.</p>' in group
    )
    assert 'aria-describedby="id_fields_of_action-help"' in group


def test_errors_of_a_group_are_described_by_its_fieldset():
    html = _html({"title": "x"})
    described = "id_fields_of_action-help id_fields_of_action-error"
    assert f'<fieldset aria-describedby="{described}">' in html
    assert '<p class="error" id="id_fields_of_action-error">' in html
    assert '<fieldset aria-describedby="id_kind-error">' in html


def test_a_single_checkbox_and_a_text_field_keep_their_own_labels():
    html = _html()
    assert re.search(
        r'<label class="choice" for="id_accept"><input [^>]*id="id_accept"', html
    )
    assert '<label for="id_title">Titel (Pflichtfeld)</label>' in html
