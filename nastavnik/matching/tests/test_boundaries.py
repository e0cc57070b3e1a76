"""Only the matching app is an adapter to the engine (plus the skills app reading the taxonomy)."""

import ast
from pathlib import Path

import nastavnik

ROOT = Path(nastavnik.__file__).parent
# The skills app loads the shipped taxonomy with the engine's loader.
TAXONOMY_READERS = {ROOT / "skills" / "selectors.py", ROOT / "skills" / "services.py"}


def _imports_matchmaker(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        else:
            continue
        if any(name == "matchmaker" or name.startswith("matchmaker.") for name in names):
            return True
    return False


def test_only_the_matching_services_and_the_taxonomy_reader_import_the_engine():
    importing = {path for path in ROOT.rglob("*.py") if _imports_matchmaker(path)}
    outside = {
        path
        for path in importing - TAXONOMY_READERS
        if path.relative_to(ROOT).parts[0] != "matching"
    }

    assert not outside, sorted(str(path.relative_to(ROOT)) for path in outside)
    assert ROOT / "matching" / "services.py" in importing


def test_the_scan_notices_an_import_of_the_engine(tmp_path):
    module = tmp_path / "sneaky.py"
    module.write_text("def f():\n    from matchmaker.recommend import RecommendIndex\n")

    assert _imports_matchmaker(module)
