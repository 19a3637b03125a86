"""Files an admin gives `xc1c import` or a replay, copied into a run's workspace as 1C would
upload them; the run itself is sidecar.exchange.files."""

from __future__ import annotations

import shutil
from pathlib import Path

from .exchange import upload
from .safepath import resolve_inside, safe_relative_path


def stage(paths: list[Path], workspace: Path) -> None:
    """Copy the inputs into the workspace as 1C would upload them: XML files by name, a folder
    with its sub-folders (import_files/…), zip archives unpacked with the upload limits."""
    workspace.mkdir(parents=True, exist_ok=True)
    for path in paths:
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file():
                    _copy(f, workspace, f.relative_to(path).as_posix())
        else:
            _copy(path, workspace, path.name)
    upload.unpack_archives(workspace)


def _copy(source: Path, workspace: Path, name: str) -> None:
    target = resolve_inside(workspace, safe_relative_path(name))
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
