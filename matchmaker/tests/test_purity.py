import pkgutil
import subprocess
import sys
from pathlib import Path

import matchmaker

ROOT = Path(matchmaker.__file__).resolve().parent.parent


def engine_modules():
    """Every module of the engine except its tests (which run under pytest-django)."""
    names = ["matchmaker"]
    for module in pkgutil.walk_packages(matchmaker.__path__, prefix="matchmaker."):
        if ".tests" not in module.name:
            names.append(module.name)
    return names


def test_the_engine_never_imports_django():
    modules = engine_modules()
    assert {"matchmaker.model", "matchmaker.recommend", "matchmaker.taxonomy"} <= set(modules)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert result.stdout.strip() == "[]"


def test_the_engine_works_with_the_taxonomy_file_alone():
    code = (
        "from matchmaker.recommend import RecommendIndex\n"
        "index = RecommendIndex([{'id': 'm', 'skills': ['Python']}])\n"
        "print(index.recommend({'id': 'e', 'skills_wanted': ['питон']})[0].mentor_id)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert result.stdout.strip() == "m"
