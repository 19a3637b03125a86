"""Who the X-Cart module is: `<Author>\\<Name>`, the category its settings rows carry, and its
PHP namespace in each X-Cart line. Everything that names the module takes it from here."""

AUTHOR, NAME = "Xc1c", "Exchange"
MODULE_ID = f"{AUTHOR}-{NAME}"
# The X-Cart module's `<Author>\<Name>`: settings rows carry it as their category.
MODULE_CATEGORY = f"{AUTHOR}\\{NAME}"
# X-Cart module classes are `XLite\Module\<Author>\<Name>\…` in 5.4, `<Author>\<Name>\…` in 5.5.
MODULE_NAMESPACE = {"5.4": f"XLite\\Module\\{MODULE_CATEGORY}", "5.5": MODULE_CATEGORY}
