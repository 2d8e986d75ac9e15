"""An editor in the Wagtail admin, over HTTP: logs in with the CSRF token of
the login form, opens a page's edit form, changes a field and sends the form
back with ``action-publish``, as the browser does when an editor presses
"Veröffentlichen".

The edit form is read from its HTML: every input, text area and select a
browser would send, and the StreamField's state, which the admin's script
turns into inputs (``data-w-block-arguments-value``) and this module turns
into the same names (count, type, value, id, order, deleted per block). Only
StreamFields whose blocks hold a plain value (rich text, text) are supported:
the imported projects' descriptions; anything else fails loudly.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import requests

from scripts.faults.client import Visitor

EDIT_FORM_ID = "page-edit-form"
SKIPPED_INPUTS = {"submit", "button", "file", "image", "reset"}


class EditorError(RuntimeError):
    """The admin refused the log-in or an edit (not a server error)."""


class EditForm(HTMLParser):
    """The fields a browser would send from the page's edit form."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: list[tuple[str, str]] = []
        self.streams: dict[str, list] = {}
        self._form_depth = 0
        self._in_template = 0
        self._textarea: str | None = None
        self._text: list[str] = []
        self._select: str | None = None
        self._select_multiple = False
        self._options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        attributes = dict(attrs)
        if tag == "form" and attributes.get("id") == EDIT_FORM_ID:
            self._form_depth = 1
            return
        if not self._form_depth:
            return
        if tag == "form":
            self._form_depth += 1
        if tag == "template":
            # Inline panels keep an empty form for new children here.
            self._in_template += 1
            return
        if self._in_template:
            return
        name = attributes.get("name") or ""
        if "data-w-block-arguments-value" in attributes and attributes.get("id"):
            value, _errors = json.loads(attributes["data-w-block-arguments-value"])
            self.streams[attributes["id"]] = value
        elif tag == "input" and name:
            kind = (attributes.get("type") or "text").lower()
            if kind in SKIPPED_INPUTS:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attributes:
                    self.fields.append((name, attributes.get("value") or "on"))
                return
            self.fields.append((name, attributes.get("value") or ""))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select, self._options = name, []
            self._select_multiple = "multiple" in attributes
        elif tag == "option" and self._select is not None:
            self._options.append(
                (attributes.get("value") or "", "selected" in attributes)
            )

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if not self._form_depth:
            return
        if tag == "form":
            self._form_depth -= 1
        elif tag == "template" and self._in_template:
            self._in_template -= 1
        elif tag == "textarea" and self._textarea is not None:
            # A browser drops the one newline right after <textarea>.
            text = "".join(self._text)
            self.fields.append((self._textarea, text.removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            chosen = [value for value, selected in self._options if selected]
            if not chosen and self._options and not self._select_multiple:
                chosen = [self._options[0][0]]
            self.fields.extend((self._select, value) for value in chosen)
            self._select = None


def as_draftail_sends(value: str) -> str:
    """Draftail, the admin's rich text editor, sends ``null`` for an editor
    without text (Wagtail stores ""); the form's hidden input holds the
    content state of one empty paragraph, which Wagtail would store as an
    empty ``<p>``. Every other value goes as it is."""
    if not (value.startswith("{") and '"blocks"' in value):
        return value
    try:
        state = json.loads(value)
    except ValueError:
        return value
    blocks = state.get("blocks") if isinstance(state, dict) else None
    if isinstance(blocks, list) and not any(
        (block.get("text") or "").strip() for block in blocks
    ):
        return "null"
    return value


def stream_inputs(prefix: str, blocks: list[dict]) -> list[tuple[str, str]]:
    """The inputs the admin's script makes of a StreamField's state."""
    inputs = [(f"{prefix}-count", str(len(blocks)))]
    for number, block in enumerate(blocks):
        value = block["value"]
        if not isinstance(value, str):
            raise EditorError(
                f"{prefix}: block type {block['type']!r} holds a structured value; "
                "the fault editor sends plain values only"
            )
        inputs += [
            (f"{prefix}-{number}-type", block["type"]),
            (f"{prefix}-{number}-value", as_draftail_sends(value)),
            (f"{prefix}-{number}-id", block.get("id") or ""),
            (f"{prefix}-{number}-order", str(number)),
            (f"{prefix}-{number}-deleted", ""),
        ]
    return inputs


def edit_form_data(html: str) -> list[tuple[str, str]]:
    parser = EditForm()
    parser.feed(html)
    parser.close()
    if not parser.fields:
        raise EditorError("no edit form on the page")
    data = [(name, as_draftail_sends(value)) for name, value in parser.fields]
    for name, blocks in parser.streams.items():
        data += stream_inputs(name, blocks)
    return data


def replace(data: list[tuple[str, str]], name: str, value: str) -> None:
    data[:] = [(key, old) for key, old in data if key != name]
    data.append((name, value))


def value_of(data: list[tuple[str, str]], name: str) -> str:
    return next((value for key, value in data if key == name), "")


class AdminEditor:
    """One signed-in editor (one browser, one address)."""

    def __init__(self, base_url: str, username: str, password: str) -> None:
        self.visitor = Visitor(base_url)
        self.username = username
        self.password = password

    def log_in(self) -> None:
        fields = self.visitor.form("/admin/login/")
        response = self.visitor.request(
            "POST",
            "/admin/login/",
            data={
                **fields,
                "username": self.username,
                "password": self.password,
                "next": "/admin/",
            },
        )
        if response.status_code != 302:
            raise EditorError(f"admin log-in answered {response.status_code}")

    def edit_form(self, page_id: int) -> list[tuple[str, str]]:
        path = f"/admin/pages/{page_id}/edit/"
        response = self.visitor.request("GET", path)
        if response.status_code == 302 and "/login/" in response.headers.get(
            "Location", ""
        ):
            self.log_in()
            response = self.visitor.request("GET", path)
        if response.status_code != 200:
            raise EditorError(f"edit form of {page_id}: {response.status_code}")
        return edit_form_data(response.text)

    def publish(self, page_id: int, changes: dict[str, str]) -> requests.Response:
        """Change fields of the page's edit form and publish it; the answer
        is a redirect away from the edit form when Wagtail published."""
        return self.publish_form(page_id, self.edit_form(page_id), changes)

    def publish_form(
        self, page_id: int, data: list[tuple[str, str]], changes: dict[str, str]
    ) -> requests.Response:
        """Send an edit form read before (``edit_form``) with ``changes``."""
        data = list(data)
        for name, value in changes.items():
            replace(data, name, value)
        data.append(("action-publish", "action-publish"))
        return self.visitor.request("POST", f"/admin/pages/{page_id}/edit/", data=data)


def published(response: requests.Response) -> bool:
    """Wagtail sends the editor back to the edit form after a mere save or a
    refused form (200), and to the page's parent listing after a publish."""
    location = response.headers.get("Location", "")
    return response.status_code == 302 and not location.rstrip("/").endswith("edit")
