"""The module's settings: declared once (declaration), stored in X-Cart's config table (store),
shown to people (docs) and to X-Cart's settings page (xcart_rows), under the module's identity
(module)."""

from .declaration import BY_NAME, GROUPS, SETTINGS, Setting
from .docs import markdown_default, settings_markdown, shown
from .module import MODULE_CATEGORY, MODULE_NAMESPACE
from .store import fill_if_empty, read_settings, write_setting
from .xcart_rows import SECRET_WIDGET, STATUS_ROW, ConfigRow, config_rows

__all__ = [
    "BY_NAME",
    "GROUPS",
    "MODULE_CATEGORY",
    "MODULE_NAMESPACE",
    "SECRET_WIDGET",
    "SETTINGS",
    "STATUS_ROW",
    "ConfigRow",
    "Setting",
    "config_rows",
    "fill_if_empty",
    "markdown_default",
    "read_settings",
    "settings_markdown",
    "shown",
    "write_setting",
]
