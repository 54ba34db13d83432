"""``aip init``: the files of a new register, written only if none exists (or ``--force``).

Per language (``scaffold/en``, ``scaffold/fr``): commented ``config/portfolio.yaml``, one
commented example use case, the README. Shared: the default grid (``config/weights.yaml``
of aip), the JSON schemas, ``.vscode/settings.json``, ``.pre-commit-config.yaml``,
``.gitignore``, and the CI files of ``scaffold/ci/`` (``github/*`` into
``.github/workflows/``; a ``*gitlab-ci*.yml`` into ``.gitlab-ci.yml``, other GitLab files
into ``ci/``), whose ``AIP_PACKAGE`` variable is set to the pip spec of aip to install.
With ``--pages``, the workflows of ``scaffold/pages/`` that publish ``aip report``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from aiportfolio import resources
from aiportfolio.errors import UsageError
from aiportfolio.message import Message
from aiportfolio.model.vocabulary import LANGS

SCAFFOLD = Path(__file__).resolve().parent.parent / "scaffold"
FIRST_DECISION_IN_DAYS = 30


@dataclass(frozen=True)
class InitResult:
    root: Path
    written: tuple[Path, ...]
    origin: InstallOrigin | None = None
    """Set when the CI files name this version of aip but this aip was not installed from
    a package index: a CI machine may not find that version."""
    package: str = ""
    """The pip requirement the CI files install."""


PACKAGE_PLACEHOLDER = '"__AIP_PACKAGE__"'


def default_package() -> str:
    """The pip spec of the running aip (what the CI files install by default)."""
    from aiportfolio import __version__

    return f"aiportfolio=={__version__}"


@dataclass(frozen=True)
class InstallOrigin:
    """Where the running aip was installed from, when not from a package index."""

    source: str
    """The URL or folder pip recorded (PEP 610 ``direct_url.json``), or "" if aip is not
    installed at all (run from a source tree)."""
    ci_spec: str | None
    """A pip requirement a CI machine could install the same aip from (a VCS or web URL),
    or None when the source is on this machine only."""


def install_origin(direct_url: str | None, installed: bool = True) -> InstallOrigin | None:
    """None when aip came from a package index (pip records no ``direct_url.json`` then);
    otherwise where it came from. ``direct_url`` is the text of that file."""
    import json

    if not installed:
        return InstallOrigin("", None)
    if direct_url is None:
        return None
    try:
        info = json.loads(direct_url)
    except ValueError:
        info = {}
    url = str(info.get("url", "")) if isinstance(info, dict) else ""
    vcs = info.get("vcs_info") if isinstance(info, dict) else None
    if isinstance(vcs, dict) and url:
        revision = vcs.get("requested_revision") or vcs.get("commit_id")
        spec = f"{vcs.get('vcs', 'git')}+{url}" + (f"@{revision}" if revision else "")
        return InstallOrigin(url, spec)
    if url.startswith(("https://", "http://")):
        return InstallOrigin(url, url)
    return InstallOrigin(url.removeprefix("file://"), None)


def running_install_origin() -> InstallOrigin | None:
    """``install_origin`` of the aip that is running."""
    from importlib import metadata

    try:
        dist = metadata.distribution("aiportfolio")
    except metadata.PackageNotFoundError:
        return install_origin(None, installed=False)
    return install_origin(dist.read_text("direct_url.json"))


def check_package(spec: str) -> str:
    """A pip requirement or URL for the CI files: one line, printable, not empty."""
    text = spec.strip()
    if not text or len(text) > 500 or any(not c.isprintable() for c in text):
        raise UsageError(Message("write.init.bad_package", {"spec": spec[:80]}))
    return text


CI_KINDS = ("github", "gitlab", "none")


def ci_files(package: str | None = None, ci: str = "github") -> dict[str, bytes]:
    """Register path -> content of the CI files shipped in ``scaffold/ci/<ci>`` (none for
    ``"none"``), with ``AIP_PACKAGE`` set to ``package`` (default: this version of aip)."""
    import json

    value = json.dumps(package or default_package()).encode("utf-8")
    folder = SCAFFOLD / "ci"
    files: dict[str, bytes] = {}
    if not folder.is_dir():
        return files
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        name = path.name
        if path.suffix == ".py" or name.startswith(".") or not rel.startswith(f"{ci}/"):
            continue
        # A JSON string is a valid double-quoted YAML scalar: any spec is written safely.
        content = path.read_bytes().replace(PACKAGE_PLACEHOLDER.encode("utf-8"), value)
        if "github" in rel:
            files[f".github/workflows/{name}"] = content
        elif "gitlab-ci" in name:
            files[".gitlab-ci.yml"] = content
        elif "gitlab" in rel:
            files[f"ci/{name}"] = content
    return files


def pages_files(package: str | None = None) -> dict[str, bytes]:
    """Register path -> content of the optional workflows that publish ``aip report`` to
    GitHub Pages and GitLab Pages (``scaffold/pages``), ``AIP_PACKAGE`` set as in
    ``ci_files``."""
    import json

    value = json.dumps(package or default_package()).encode("utf-8")
    folder = SCAFFOLD / "pages"

    def read(name: str) -> bytes:
        return (folder / name).read_bytes().replace(PACKAGE_PLACEHOLDER.encode("utf-8"), value)

    return {
        ".github/workflows/aip-pages.yml": read("github/aip-pages.yml"),
        "ci/aip-pages.gitlab-ci.yml": read("gitlab/aip-pages.gitlab-ci.yml"),
    }


def first_wave_start(today: dt.date) -> dt.date:
    """The fixed start of wave 0: the first Monday from ``today`` on."""
    return today + dt.timedelta(days=(7 - today.weekday()) % 7)


def planned_files(
    lang: str,
    today: dt.date,
    templates: bool,
    package: str | None = None,
    pages: bool = False,
    ci: str = "github",
    example: bool = True,
) -> dict[str, bytes]:
    """Register path -> content of every file ``aip init`` writes. ``example``: the five
    example use cases (a portfolio that passes ``check``, ``plan`` and ``balance``);
    without them ``usecases/`` holds only a ``.gitkeep``."""
    from aiportfolio.model.schema import json_schema_text

    files: dict[str, bytes] = {}
    # A language without example files of its own (German) starts from the English ones;
    # its portfolio.yaml still says its language, so every command speaks it.
    lang_dir = SCAFFOLD / lang if (SCAFFOLD / lang).is_dir() else SCAFFOLD / "en"
    decision_date = today + dt.timedelta(days=FIRST_DECISION_IN_DAYS)
    for path in sorted(p for p in lang_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(lang_dir).as_posix()
        if not example and rel.startswith("usecases/"):
            continue
        text = path.read_text(encoding="utf-8")
        text = text.replace("__TODAY__", today.isoformat())
        text = text.replace("__DECISION_DATE__", decision_date.isoformat())
        text = text.replace("__WAVE_START__", first_wave_start(today).isoformat())
        if rel == "config/portfolio.yaml":
            text = text.replace("\nlanguage: en\n", f"\nlanguage: {lang}\n")
        files[rel] = text.encode("utf-8")
    if not example:
        files["usecases/.gitkeep"] = b""
    # The grid's comments cite the method; the new register has no METHOD.md of its own.
    weights = resources.default_weights().read_text(encoding="utf-8")
    weights = weights.replace("METHOD.md §", "the aip method, docs/method.md §")
    files["config/weights.yaml"] = weights.encode("utf-8")
    for kind in ("usecase", "portfolio", "weights"):
        files[f"schema/{kind}.schema.json"] = json_schema_text(kind).encode("utf-8")
    common = SCAFFOLD / "common"
    files[".vscode/settings.json"] = (common / ".vscode" / "settings.json").read_bytes()
    files[".pre-commit-config.yaml"] = (common / ".pre-commit-config.yaml").read_bytes()
    files[".gitignore"] = (common / "gitignore").read_bytes()
    files.update(ci_files(package, ci))
    if pages:
        files.update(pages_files(package))
    if templates:
        builtin = resources.builtin_templates()
        if builtin.is_dir():
            for path in sorted(p for p in builtin.rglob("*") if p.is_file()):
                files[f"templates/{path.relative_to(builtin).as_posix()}"] = path.read_bytes()
    return files


def init_register(
    root: Path,
    lang: str,
    *,
    templates: bool,
    force: bool,
    today: dt.date,
    package: str | None = None,
    pages: bool = False,
    ci: str = "github",
    example: bool = True,
) -> InitResult:
    """Write the files of a new register in ``root``. ``package``: the pip spec the CI
    files install (default ``aiportfolio==<this version>``); ``ci``: github, gitlab or
    none; ``example``: the example use cases."""
    _require_folder(root)
    spec = check_package(package) if package is not None else None
    files = planned_files(
        lang if lang in LANGS else "en",
        today,
        templates,
        spec,
        pages,
        ci=ci,
        example=example,
    )
    existing = [rel for rel in files if (root / rel).exists()]
    if existing and not force:
        there = {"root": root, "path": existing[0]}
        raise UsageError(Message("write.init.exists", there, len(existing)))
    from aiportfolio.register.roundtrip import atomic_write

    written: list[Path] = []
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, content.decode("utf-8"))
        written.append(path)
    origin = running_install_origin() if spec is None and ci != "none" else None
    return InitResult(root, tuple(written), origin, spec or default_package())


def _require_folder(root: Path) -> None:
    """``root`` is a folder or can be created as one (no file in the way)."""
    for path in (root, *root.parents):
        if path.exists():
            if not path.is_dir():
                raise UsageError(Message("write.init.not_a_folder", {"root": root, "path": path}))
            return
