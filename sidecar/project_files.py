"""Files the project ships beside the package (the X-Cart schema copy and column defaults)."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DB_DIR = PROJECT_ROOT / "db"
# X-Cart 5.4.1.23's tables per module set: every stock module on; the module set X-Cart's own
# installer leaves (ProductVariants, Wholesale, MultiCurrency, SocialLogin, Add2CartPopup and
# TwoFactorAuthentication off); the core alone; every stock module and XC\MultiVendor (derived
# from that module's annotations, see the file's header). And X-Cart 5.5.0.29 with its official
# modules.
XCART_SCHEMAS = {
    "all": DB_DIR / "xcart" / "xcart54_schema.sql",
    "demo": DB_DIR / "xcart" / "xcart54_schema_demo.sql",
    "core": DB_DIR / "xcart" / "xcart54_schema_core.sql",
    "multivendor": DB_DIR / "xcart" / "xcart54_schema_multivendor.sql",
    "5.5": DB_DIR / "xcart" / "xcart55_schema.sql",
}
DEPLOY_DIR = PROJECT_ROOT / "deploy"
MODULE_STUB_DIR = PROJECT_ROOT / "xcart_module_stub"
