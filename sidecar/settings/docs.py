"""The settings as people read them: the settings chapter of the admin's guide
(docs/<lang>/settings.md) and a value as `xc1c settings show` prints it."""

from __future__ import annotations

from typing import Any

from .declaration import GROUPS, SETTINGS, Setting

_GUIDE = {
    "en": (
        "# Settings on the module's page in X-Cart",
        "X-Cart admin → Orders → 1C integration (or the module's Settings in the add-on list)."
        " The sidecar reads them on every call from 1C: a saved change applies at once. The"
        " same settings from the command line: `xc1c settings show`, `xc1c settings set NAME"
        " VALUE`. This page is generated from the settings declaration (`xc1c settings doc`).",
        ("Setting", "Name", "Default", "What it does", "empty", "choices"),
    ),
    "ru": (
        "# Настройки на странице модуля в X-Cart",
        "Администрирование X-Cart → Заказы → Интеграция с 1С (или «Настройки» модуля в списке"
        " модулей). Модуль обмена читает их при каждом обращении 1С: сохранённое изменение"
        " действует сразу. Те же настройки из командной строки: `xc1c settings show`,"
        " `xc1c settings set ИМЯ ЗНАЧЕНИЕ`. Страница создана из описания настроек"
        " (`xc1c settings doc`).",
        ("Настройка", "Имя", "По умолчанию", "Что делает", "пусто", "варианты"),
    ),
}


def markdown_default(setting: Setting) -> str:
    """A default as a Markdown table cell shows it: code, one line of it per line."""
    return "<br>".join(f"`{line}`" for line in setting.default.splitlines())


def settings_markdown(lang: str) -> str:
    """The settings chapter of the admin's guide, in English or Russian, from SETTINGS."""
    title, intro, (label, name, default, meaning, empty, choices) = _GUIDE[lang]
    out = [title, "", intro]
    for group, names in GROUPS.items():
        members = [s for s in SETTINGS if s.group == group]
        out += ["", f"## {names[0] if lang == 'en' else names[1]}", ""]
        out += [f"| {label} | {name} | {default} | {meaning} |", "|---|---|---|---|"]
        for s in members:
            text = s.help_en if lang == "en" else s.help_ru
            if s.choice_labels:
                pairs = zip(s.choices, s.choice_labels, strict=True)
                shown_choices = "; ".join(
                    f"`{c}` — {en if lang == 'en' else ru}" for c, (en, ru) in pairs
                )
                text += f" ({choices}: {shown_choices})"
            value = markdown_default(s) or empty
            out.append(
                f"| {s.label_en if lang == 'en' else s.label_ru} | `{s.name}` | {value}"
                f" | {text.replace('|', '/').replace(chr(10), ' ')} |"
            )
    return "\n".join(out) + "\n"


def shown(setting: Setting, value: Any) -> str:
    """A parsed value as people read it; a password only as set or empty."""
    if setting.kind == "password":
        return "(set)" if value else "(empty)"
    if setting.kind == "flag":
        return "Y" if value else "N"
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)
