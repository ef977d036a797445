"""The set-up check behind `make doctor`: which tools a target needs, which are missing.

It runs under whatever `python3` the machine has, before any virtual
environment exists, so it uses the standard library only and syntax that old
interpreters still parse: a Python 3.8 says "too old" instead of a
SyntaxError. Each check returns None when the tool is fine, or a problem.
"""

import os
import re
import shutil
import subprocess
import sys

MIN_PYTHON = (3, 11)
MIN_NODE = 20
MIN_JAVA = 17
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


class Tool:
    """One prerequisite: what it is for and how to install it on each system."""

    def __init__(self, key, name, purpose, check, debian, macos):
        self.key, self.name, self.purpose, self.check = key, name, purpose, check
        self.debian, self.macos = debian, macos


def find_chromium(env=None):
    """Chromium's path: $CHROMIUM if set, else the first of CHROMIUM_NAMES on PATH; None if none."""
    env = os.environ if env is None else env
    path = env.get("PATH", os.defpath)
    explicit = env.get("CHROMIUM", "").strip()
    if explicit:
        found = shutil.which(explicit, path=path)
        return os.path.abspath(found) if found else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name, path=path)
        if found:
            return found
    return None


def _version(cmd, pattern, env):
    """The first number group `pattern` finds in the output of `cmd`, or None."""
    exe = shutil.which(cmd[0], path=env.get("PATH", os.defpath))
    if not exe:
        return None
    try:
        done = subprocess.run([exe] + cmd[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env=env, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(pattern, done.stdout.decode("utf-8", "replace"))
    return match.group(1) if match else "unknown"


def check_python(env):
    if sys.version_info < MIN_PYTHON:
        return "Python %d.%d found, %d.%d or newer needed (%s)" % (
            sys.version_info[:2] + MIN_PYTHON + (sys.executable,))
    try:
        import ensurepip  # noqa: F401  (Debian splits it off into python3-venv)
        import venv  # noqa: F401
    except ImportError:
        return "Python's venv module is missing (%s)" % sys.executable
    return None


def check_node(env):
    version = _version(["node", "--version"], r"v(\d+)\.", env)
    if version is None:
        return "node not found on PATH"
    if version == "unknown" or int(version) < MIN_NODE:
        return "Node.js %s found, %d or newer needed" % (version, MIN_NODE)
    if not shutil.which("npm", path=env.get("PATH", os.defpath)):
        return "npm not found on PATH"
    return None


def check_java(env):
    version = _version(["java", "-version"], r'version "(\d+(?:\.\d+)?)', env)
    if version is None:
        return "java not found on PATH"
    major = version.split(".")
    major = int(major[1]) if major[0] == "1" and len(major) > 1 else int(major[0]) if major[0].isdigit() else 0
    if major < MIN_JAVA:
        return "Java %s found, %d or newer needed" % (version, MIN_JAVA)
    return None


def check_chromium(env):
    if find_chromium(env):
        return None
    explicit = env.get("CHROMIUM", "").strip()
    if explicit:
        return "CHROMIUM=%s is not an executable" % explicit
    return "none of %s on PATH, and CHROMIUM is not set" % ", ".join(CHROMIUM_NAMES)


def _on_path(name):
    def check(env):
        return None if shutil.which(name, path=env.get("PATH", os.defpath)) else name + " not found on PATH"
    return check


TOOLS = [
    Tool("python", "Python >= 3.11 with venv", "every target", check_python,
         "sudo apt-get install python3 python3-venv", "brew install python@3.12"),
    Tool("node", "Node.js >= 20 with npm", "the pinned checkers and lunr.js (npm ci)", check_node,
         "sudo apt-get install nodejs npm", "brew install node"),
    Tool("java", "Java >= 17", "the Nu HTML Checker in make check, publish and test", check_java,
         "sudo apt-get install default-jre-headless", "brew install openjdk"),
    Tool("chromium", "Chromium or Chrome", "the browser tests", check_chromium,
         "sudo apt-get install chromium", "brew install --cask chromium"),
    Tool("rsync", "rsync", "make rsync_upload and its test", _on_path("rsync"),
         "sudo apt-get install rsync", "brew install rsync"),
    Tool("git", "git", "article dates, make github and their tests", _on_path("git"),
         "sudo apt-get install git", "xcode-select --install"),
]
BY_KEY = dict((tool.key, tool) for tool in TOOLS)

# What each make target needs before it starts.
NEEDS = {
    "build": ["python"],
    "check": ["python", "node", "java"],
    "publish": ["python", "node", "java"],
    "rsync_upload": ["python", "node", "java", "rsync"],
    "github": ["python", "node", "java", "git"],
    "lighthouse": ["python", "node", "chromium"],
    "test": ["python", "node", "java", "chromium", "rsync", "git"],
    "all": [tool.key for tool in TOOLS],
}


def problems(keys, env=None):
    """[(tool, problem)] for each of `keys` that is missing or too old."""
    env = dict(os.environ) if env is None else env
    found = []
    for key in keys:
        problem = BY_KEY[key].check(env)
        if problem:
            found.append((BY_KEY[key], problem))
    return found


def report(target, found):
    """The one message for everything missing: each tool, then the install commands."""
    lines = ["make %s: %d of the tools it needs %s missing or too old:" % (
        target, len(found), "is" if len(found) == 1 else "are")]
    for tool, problem in found:
        lines.append("  - %s, for %s: %s" % (tool.name, tool.purpose, problem))
    lines.append("Install them, then run `make %s` again:" % target)
    lines.append("  Debian/Ubuntu:   " + _joined([t.debian for t, _ in found], "sudo apt-get install "))
    mac = _joined([t.macos for t, _ in found if t.macos.startswith("brew install ")
                   and "--cask" not in t.macos], "brew install ")
    extra = [t.macos for t, _ in found if not t.macos.startswith("brew install ") or "--cask" in t.macos]
    lines.append("  macOS (Homebrew): " + " && ".join([c for c in [mac] + extra if c]))
    if any(t.key == "chromium" for t, _ in found):
        lines.append("  Chromium elsewhere (Ubuntu's snap, Chrome, macOS' app): set CHROMIUM to its executable,")
        lines.append("  e.g. CHROMIUM=/Applications/Chromium.app/Contents/MacOS/Chromium make test")
    if any(t.key == "python" for t, _ in found):
        lines.append("  A newer Python already installed under another name: make %s PYTHON=python3.12" % target)
    if any(t.key == "node" for t, _ in found):
        lines.append("  (A distribution's Node.js older than %d: install a current LTS with nvm.)" % MIN_NODE)
    return "\n".join(lines)


def _joined(commands, prefix):
    """Merge `prefix a`, `prefix b` into `prefix a b`; other commands are kept as they are."""
    packages = [c[len(prefix):] for c in commands if c.startswith(prefix)]
    others = [c for c in commands if not c.startswith(prefix)]
    return " && ".join(([prefix + " ".join(packages)] if packages else []) + others)


def pins(lines):
    """{normalised name: version} for each `name==version` line of a requirements file, lock or freeze."""
    found = {}
    for line in lines:
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)", line)
        if match:
            found[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(2)
    return found


def _pins(path):
    with open(path, encoding="utf-8") as f:
        return pins(f)


LOCKS = (("requirements.txt", "requirements.lock"), ("requirements-test.txt", "requirements-test.lock"))


def stale_locks(root):
    """One line per pin of requirements*.txt that its lock does not have at that version."""
    found = []
    for source, lock in LOCKS:
        if not os.path.exists(os.path.join(root, lock)):
            found.append("%s is missing: run `make lock`" % lock)
            continue
        locked = _pins(os.path.join(root, lock))
        for name, version in sorted(_pins(os.path.join(root, source)).items()):
            if locked.get(name) != version:
                found.append("%s pins %s==%s, %s has %s: run `make lock`" % (
                    source, name, version, lock, name + "==" + locked[name] if name in locked else "none"))
    return found
