"""Files the project ships beside the package (the X-Cart schema copy and column defaults)."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DB_DIR = PROJECT_ROOT / "db"
# X-Cart 5.4.1.23's tables per module set: every stock module on; the module set X-Cart's own
# installer leaves (ProductVariants, Wholesale, MultiCurrency, SocialLogin, Add2CartPopup and
# TwoFactorAuthentication off); the core alone; every stock module and XC\MultiVendor (derived
# from that module's annotations, see the file's header). And X-Cart 5.5.0.29 with its official
# modules.
# A set is its files in order: XC\MultiVendor's is what it adds over every stock module.
_SCHEMA_DIR = DB_DIR / "xcart"
XCART_SCHEMAS: dict[str, tuple[Path, ...]] = {
    "all": (_SCHEMA_DIR / "xcart54_schema.sql",),
    "demo": (_SCHEMA_DIR / "xcart54_schema_demo.sql",),
    "core": (_SCHEMA_DIR / "xcart54_schema_core.sql",),
    "multivendor": (
        _SCHEMA_DIR / "xcart54_schema.sql",
        _SCHEMA_DIR / "xcart54_schema_multivendor.sql",
    ),
    "5.5": (_SCHEMA_DIR / "xcart55_schema.sql",),
}
DEPLOY_DIR = PROJECT_ROOT / "deploy"
MODULE_STUB_DIR = PROJECT_ROOT / "xcart_module_stub"
