"""Panels on the Wagtail admin home for coordinators: a number, what it means, and a link to the list.

Each app adds its own in its wagtail_hooks.py (``construct_homepage_panels``), e.g.::

    @hooks.register("construct_homepage_panels")
    def add_panel(request, panels):
        if is_coordinator(request.user):
            panels.append(CountPanel(name="...", heading=..., count=..., url=..., link_text=..., order=...))
"""

from __future__ import annotations

from wagtail.admin.ui.components import Component


class CountPanel(Component):
    template_name = "wagtailadmin/home/kok_count_panel.html"

    def __init__(self, *, name: str, heading: str, count: int, url: str, link_text: str, note: str = "", order: int):
        self.name, self.heading, self.count, self.url = name, heading, count, url
        self.link_text, self.note, self.order = link_text, note, order

    def get_context_data(self, parent_context):
        return {"panel": self}
