"""The settings page in X-Cart: the rows of `{prefix}config` the module declares (its
install.yaml is generated from them) and the form field that edits each."""

from __future__ import annotations

from dataclasses import dataclass

from .declaration import GROUPS, SETTINGS, Setting
from .module import MODULE_NAMESPACE

STATUS_ROW = "exchange_status"
SECRET_WIDGET = "XLite\\View\\FormField\\Input\\PasswordWithValue"


@dataclass(frozen=True)
class ConfigRow:
    """One row of `{prefix}config` the module declares: a setting, a section separator, or the
    read-only status line."""

    name: str
    type: str  # `{ns}` stands for the module namespace of the X-Cart version
    orderby: int
    value: str
    widget_parameters: dict[str, int] | None
    labels: dict[str, tuple[str, str]]  # language code → (option_name, option_comment)

    def type_for(self, version: str) -> str:
        return self.type.replace("{ns}", MODULE_NAMESPACE[version])


def _widget(setting: Setting) -> str:
    """The X-Cart form field that edits the value on the module's settings page."""
    if setting.kind == "select":
        camel = "".join(part.title() for part in setting.name.split("_"))
        return "{ns}\\View\\FormField\\Select\\" + camel
    return {
        "flag": "checkbox",
        # keeps the stored value when the page is saved without retyping it (X-Cart's own
        # secrets use it); plain Input\\Password renders empty and saves ''
        "password": SECRET_WIDGET,
        "int": "XLite\\View\\FormField\\Input\\Text\\Integer",
        "list": "textarea",
        "lines": "textarea",
    }.get(setting.kind, "text")


def config_rows() -> list[ConfigRow]:
    """Every row of the settings page in page order: the status line, then each section's
    separator and settings. The X-Cart module's install.yaml is generated from this."""
    rows = [
        ConfigRow(
            STATUS_ROW, "{ns}\\View\\FormField\\Status", 10, "", None,
            {"en": ("1C exchange", ""), "ru": ("Обмен с 1С", "")},
        )
    ]  # fmt: skip
    for g, (group, (en, ru)) in enumerate(GROUPS.items(), start=1):
        members = [s for s in SETTINGS if s.group == group]
        if not members:
            continue
        rows.append(
            ConfigRow(
                f"sep_{group}", "separator", g * 1000, "", None, {"en": (en, ""), "ru": (ru, "")}
            )
        )
        for k, s in enumerate(members, start=1):
            params = None
            if s.kind == "int":
                params = {
                    key: v for key, v in (("min", s.minimum), ("max", s.maximum)) if v is not None
                }
            rows.append(
                ConfigRow(
                    s.name,
                    _widget(s),
                    g * 1000 + k * 10,
                    s.normalise(s.default) if s.kind in ("flag", "int", "select") else s.default,
                    params,
                    {"en": (s.label_en, s.help_en), "ru": (s.label_ru, s.help_ru)},
                )
            )
    return rows
