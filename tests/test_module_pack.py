"""`xc1c module pack`: the add-on package X-Cart's service tool takes in *Upload add-on*. PHP's
PharData (what the service tool opens it with) must read the module's identity from its
metadata, and the archive must hold what the service tool's own "download" writes: every
module file by its path from the shop's root, `.hash` with their md5, `.phar/.metadata.bin`."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from sidecar.xcart_module import MINOR
from sidecar.xcart_package import module_files, pack

READ = """<?php
$phar = new PharData($argv[1]);
$files = [];
foreach (new RecursiveIteratorIterator($phar) as $path => $file) {
    $files[] = substr($path, strlen('phar://' . $argv[1]) + 1);
}
echo json_encode(['metadata' => $phar->getMetadata(), 'files' => $files]);
"""


def _phar(package: Path, tmp_path: Path) -> dict:
    php = shutil.which("php")
    assert php, "php-cli is installed by scripts/bootstrap.sh"
    script = tmp_path / "read.php"
    script.write_text(READ)
    done = subprocess.run([php, str(script), str(package)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize(("xcart", "root"), [
    ("5.4", "classes/XLite/Module/Xc1c/Exchange/"), ("5.5", "modules/Xc1c/Exchange/"),
])  # fmt: skip
def test_php_reads_the_module_from_the_package(xcart, root, tmp_path):
    files = module_files(xcart)
    package = pack(files, xcart, tmp_path, revision_date=1_700_000_000)
    assert package.name == f"Xc1c-Exchange.{xcart}.{int(MINOR)}.0.tgz"
    read = _phar(package, tmp_path)
    assert read["metadata"] == {
        "RevisionDate": 1_700_000_000, "ActualName": "Xc1c\\Exchange",
        "VersionMinor": int(MINOR), "VersionMajor": xcart, "VersionBuild": 0,
        "MinCoreVersion": 0, "Name": "1C:Enterprise exchange", "Author": "xc1c",
        "IconLink": "", "Description": read["metadata"]["Description"],
        "Dependencies": [], "isSystem": False,
    }  # fmt: skip
    assert "1C:Enterprise" in read["metadata"]["Description"]
    assert sorted(read["files"]) == sorted([*files, ".hash"])
    assert all(path.startswith(root) or path.startswith("skins/admin/modules/Xc1c/Exchange/")
               for path in files)  # fmt: skip
    if xcart == "5.4":
        assert "skins/admin/modules/Xc1c/Exchange/exchange/body.twig" in files
        assert f"{root}hooks/upgrade/5.4/{int(MINOR)}/post_rebuild.php" in files


def test_the_archive_is_laid_out_as_the_service_tools_own_download(tmp_path):
    files = module_files("5.4")
    package = pack(files, "5.4", tmp_path, revision_date=1_700_000_000)
    with tarfile.open(package) as tar:
        members = tar.getmembers()
        names = [m.name for m in members]
        hashes = json.loads(tar.extractfile(".hash").read())
    # PharTar::pack: the files, then the archive's metadata, then .hash; files only, no folders
    assert names == [*sorted(files), ".phar/.metadata.bin", ".hash"]
    assert all(m.isfile() for m in members)
    assert hashes == {path: hashlib.md5(data).hexdigest() for path, data in files.items()}
    # the same files give the same package
    again = pack(files, "5.4", tmp_path / "again", revision_date=1_700_000_000)
    assert again.read_bytes() == package.read_bytes()
