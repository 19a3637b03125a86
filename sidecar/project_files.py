"""Files the project ships beside the package (the X-Cart schema copy and column defaults)."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DB_DIR = PROJECT_ROOT / "db"
XCART_SCHEMA_SQL = DB_DIR / "xcart" / "xcart54_schema.sql"
DEPLOY_DIR = PROJECT_ROOT / "deploy"
MODULE_STUB_DIR = PROJECT_ROOT / "xcart_module_stub"
