"""Wagtail's page and snippet forms, guarded against posted values their
widgets cannot read.

A walk of the admin's POST forms with hostile values
(``tests/accounts/test_admin_form_posts.py``, docs/accounts.md) found
these values ending in a 500 instead of the form with an error:

- a rich text field (Draftail) whose value is no editor state: the widget
  parses it as JSON before any validation (``JSONDecodeError``, or
  ``AttributeError`` for JSON of another shape); a StreamField whose
  bookkeeping fields (``…-count``, ``…-type``, ``…-order``, ``…-deleted``)
  are missing or no numbers, or a chooser block (image, document) whose
  value is no number: the stream block reads them with ``int()`` and
  ``data[…]`` and looks the chooser's object up while reading
  (``ValueError``, ``KeyError``);
- a chooser field (image, document, page, snippet) whose value is no
  number, or a link in rich text to a page numbered ``abc``: the form
  does not refuse it or refuses it, but showing the form again looks the
  object up with that value (``ValueError``); an edit even saved a draft
  with such a link, which then could not be opened;
- an inline form's ``…-id`` that is no number: the formset raises
  ``ValidationError`` outside validation;
- a lone surrogate in a rich text editor's state (the editor's JSON may
  carry ``\\ud800``, which no form field can): PostgreSQL refuses the
  revision's JSON (``DataError``).

The hooks ``before_create_page``, ``before_edit_page``,
``before_create_snippet`` and ``before_edit_snippet`` run before Wagtail
builds the form; for a POST they let every widget of the form (and of its
inline forms) read the data as the form will and show it again as the
form would, and answer a value that fails with a German explanation
naming the field and a 400: nothing was saved, the stored page or snippet
is unchanged. Everything else goes on to Wagtail's form, which shows its
own errors."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from django import forms
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.blocks import StreamValue
from wagtail.blocks.base import BlockWidget

from .id_guard import malformed

TEMPLATE = "accounts/admin/bad_form.html"
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# What a widget raises on data it cannot read (MultiValueDictKeyError is a
# KeyError, JSONDecodeError a ValueError).
UNREADABLE = (ValueError, TypeError, LookupError, AttributeError)


def _fields(
    form_class: type[forms.BaseForm], request: HttpRequest
) -> Iterator[tuple[str, forms.Field]]:
    """(posted name, form field) of the form and of each inline form the
    data has, as the form and its formsets will read them; without the
    fields the form leaves out for this user (``field_permissions``)."""
    data = request.POST
    meta = getattr(form_class, "_meta", None)
    hidden = getattr(meta, "field_permissions", None) or {}
    for name, field in form_class.base_fields.items():
        if name not in hidden or request.user.has_perm(hidden[name]):
            yield name, field
    for prefix, formset in getattr(form_class, "formsets", {}).items():
        pattern = re.compile(rf"{re.escape(prefix)}-(\d+)-")
        indices = {found[1] for key in data if (found := pattern.match(key))}
        for index in sorted(indices):
            for name, field in formset.form.base_fields.items():
                yield f"{prefix}-{index}-{name}", field


def _numbered(model) -> bool:
    return isinstance(model._meta.pk, models.IntegerField)


def _formset_ids(form_class, data) -> Iterator[tuple[str, str]]:
    """(value, label) of the object numbers of the posted inline forms."""
    for prefix, formset in getattr(form_class, "formsets", {}).items():
        if not _numbered(formset.model):
            continue
        pattern = re.compile(rf"{re.escape(prefix)}-\d+-id")
        for key in data:
            if pattern.fullmatch(key):
                label = formset.model._meta.verbose_name
                yield from ((value, label) for value in data.getlist(key) if value)


def _shown(widget: forms.Widget, value) -> None:
    """Prepare ``value`` as the form does when it shows it again (a chooser
    looks its object up, a rich text editor its links, a stream its
    blocks)."""
    if isinstance(widget, BlockWidget):
        widget.block_def.get_form_state(value)
    elif isinstance(widget, BaseChooser):
        widget.get_value_data(value)
    else:
        widget.format_value(value)


def _text(value) -> str:
    if isinstance(value, StreamValue):
        value = value.stream_block.get_prep_value(value)
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def problem(form_class: type[forms.BaseForm], request: HttpRequest):
    """(what is wrong, the field's label) for the first posted value the
    form's widgets cannot read or show again, or None."""
    data, files = request.POST, request.FILES
    for name, field in _fields(form_class, request):
        widget, label = field.widget, field.label or name
        try:
            value = widget.value_from_datadict(data, files, name)
        except UNREADABLE:
            return "unreadable", label
        try:
            _shown(widget, value)
        except UNREADABLE:
            chooser = isinstance(widget, BaseChooser)
            return "bad_choice" if chooser else "unreadable", label
        if value is not None and LONE_SURROGATE.search(_text(value)):
            return "bad_character", label
    for value, label in _formset_ids(form_class, data):
        if malformed([value]):
            return "unreadable", label
    return None


def check(request: HttpRequest, form_class) -> HttpResponse | None:
    if request.method != "POST":
        return None
    found = problem(form_class, request)
    if found is None:
        return None
    kind, label = found
    return render(request, TEMPLATE, {kind: True, "label": label}, status=400)


def check_page_create(request, parent_page, page_class) -> HttpResponse | None:
    """For ``before_create_page``."""
    return check(request, page_class.get_edit_handler().get_form_class())


def check_page_edit(request, page) -> HttpResponse | None:
    """For ``before_edit_page``."""
    return check(request, page.specific_class.get_edit_handler().get_form_class())


def check_snippet_create(request, model) -> HttpResponse | None:
    """For ``before_create_snippet``."""
    return check(request, model.snippet_viewset.get_form_class())


def check_snippet_edit(request, instance) -> HttpResponse | None:
    """For ``before_edit_snippet``."""
    viewset = type(instance).snippet_viewset
    return check(request, viewset.get_form_class(for_update=True))
