"""X-Cart 5.5 keeps its settings in Symfony's environment files; this reads them the way
Symfony's Dotenv (`bootEnv`) resolves them, so `XC1C_XCART_ROOT` alone finds a 5.5 shop:

- `.env.local.php` (written by `composer dump-env`) when present, and nothing else;
- otherwise `.env` (or `.env.dist`), then `.env.local` (not for APP_ENV=test), then
  `.env.$APP_ENV` and `.env.$APP_ENV.local`, each overriding the ones before;
- real environment variables win over every file.

Values: `KEY=value`, `export KEY=value`, `# comments`, 'single' (literal) and "double" quotes
(with \\n, \\" and \\\\ escapes), `$VAR` / `${VAR}` / `${VAR:-default}` references outside
single quotes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from .errors import ConfigError

_LINE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")
_REFERENCE = re.compile(
    r"\\?\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))"
)
_PHP_PAIR = re.compile(
    r"'((?:[^'\\]|\\.)*)'\s*=>\s*(?:'((?:[^'\\]|\\.)*)'|(true|false|null|-?\d+))"
)


def _expand(text: str, known: Mapping[str, str]) -> str:
    def one(m: re.Match) -> str:
        if m.group(0).startswith("\\"):
            return m.group(0)[1:]
        name = m.group(1) or m.group(3)
        value = known.get(name, "")
        return value if value or m.group(2) is None else m.group(2)

    return _REFERENCE.sub(one, text)


def _value(raw: str, known: Mapping[str, str]) -> str:
    raw = raw.strip()
    if raw.startswith("'"):
        end = raw.find("'", 1)
        return raw[1:end] if end > 0 else raw[1:]
    if raw.startswith('"'):
        out, i = [], 1
        while i < len(raw) and raw[i] != '"':
            if raw[i] == "\\" and i + 1 < len(raw):
                out.append({"n": "\n", "r": "\r", "t": "\t"}.get(raw[i + 1], raw[i + 1]))
                i += 2
                continue
            out.append(raw[i])
            i += 1
        return _expand("".join(out), known)
    return _expand(re.split(r"\s+#", raw, maxsplit=1)[0].strip(), known)


def parse(text: str, known: Mapping[str, str]) -> dict[str, str]:
    """One file's variables; `known` resolves references (earlier files and the process)."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _LINE.match(line)
        if m:
            out[m.group(1)] = _value(m.group(2), {**known, **out})
    return out


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"XC1C_XCART_ROOT: cannot read {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"XC1C_XCART_ROOT: cannot read {path}: not UTF-8") from exc


def _php_array(path: Path) -> dict[str, str]:
    """`return array('KEY' => 'value', …);` as composer dump-env writes it."""
    out = {}
    for key, text, literal in _PHP_PAIR.findall(_read(path)):
        value = text.replace("\\'", "'").replace("\\\\", "\\") if literal == "" else literal
        out[key.replace("\\'", "'")] = "" if literal in ("false", "null") else value
    return out


def load(root: Path, environ: Mapping[str, str]) -> dict[str, str]:
    """The variables X-Cart 5.5 at `root` runs with."""
    dumped = root / ".env.local.php"
    if dumped.exists():
        return {**_php_array(dumped), **environ}
    base = root / ".env" if (root / ".env").exists() else root / ".env.dist"
    if not base.exists():
        raise ConfigError(f"XC1C_XCART_ROOT: {root / '.env'} not found")
    values = parse(_read(base), environ)
    env = environ.get("APP_ENV") or values.get("APP_ENV") or "dev"
    names = [".env.local"] if env != "test" else []
    names += [f".env.{env}", f".env.{env}.local"]
    for name in names:
        if (root / name).exists():  # there but unreadable: said, not skipped
            values.update(parse(_read(root / name), {**values, **environ}))
    return {**values, **environ}
