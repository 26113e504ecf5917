"""Jinja's compiled templates, kept from generator to generator and build to build.

Pelican gives each generator a Jinja environment of its own, and each one
compiled again every template it loaded: 37 compilations per build, half a
second under the profiler at N = 1,000, for templates that change once a
month. Jinja's remedy is a bytecode cache, but its own
(``FileSystemBytecodeCache``) keys the code by the template's name and
source alone, and the code also follows from the environment that compiled
it: its syntax options, its extensions, and its filters and tests, which
Jinja applies at compile time to constant arguments (``{{ "x" | upper }}``
is compiled to ``"X"``). So the key here is Jinja's (name, file), plus a
fingerprint of the environment (``environment_key``): its options and
class, and each filter's and test's name, how it is called and the bytes of
the file that defines it. Jinja itself checks the template's source
against the code found, and its bytecode's header holds the Python version.

The code is kept in memory (every generator of a build, every build of the
preview) and under Pelican's ``CACHE_PATH`` (``cache/templates``), each
entry written whole (``OutputCache``). A build with the cache writes the
very bytes of a build without (tested). ``TEMPLATE_CACHE = False`` turns
both off.
"""

from __future__ import annotations

import functools
import inspect
import logging
import secrets
import weakref
from collections.abc import Callable, Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import CellType

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache
from pelican.generators import Generator

from alternateur.hooks.calendar_cache import code_digest
from alternateur.hooks.incremental import file_digest
from alternateur.outputs.output_cache import OutputCache, digest

logger = logging.getLogger(__name__)

#: Where the entries are, inside Pelican's ``CACHE_PATH``.
FOLDER = "templates"
# What the lexer, the parser and the code generator read from the
# environment (jinja2.environment.Environment.__init__).
_OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
    "sandboxed",
    "intercepted_binops",
    "intercepted_unops",
)


@functools.cache
def _plugin_code() -> str:
    """Hash the plugin's code once: the process runs the code it imported."""
    return code_digest()


@functools.cache
def _version(package: str) -> str:
    """Return the installed version of ``package`` ("" if it is not one)."""
    try:
        return version(package)
    except PackageNotFoundError:
        return ""


@functools.cache
def _bytes_digest(path: str, stamp: tuple[int, int]) -> str:
    return file_digest(path)


def _file_digest(path: str) -> str:
    """Hash a file's bytes, read again when its date or size changes.

    The preview reads ``pelicanconf.py`` again at each build: a filter it
    defines is a new function, from a file that may have changed.
    """
    try:
        status = Path(path).stat()
        return _bytes_digest(path, (status.st_mtime_ns, status.st_size))
    except OSError:
        return "absent"


# Each callable's description, as long as the callable lives: 37
# compilations of six environments see the same hundred, and the preview
# makes new ones at each build (``pelicanconf.py`` is read again).
_DESCRIBED: weakref.WeakKeyDictionary[object, str] = weakref.WeakKeyDictionary()


def _described(value: object) -> str:
    try:
        known = _DESCRIBED.get(value)
    except TypeError:  # Not weakly referable (``str.upper``): cheap to say again.
        return describe(value)
    if known is None:
        known = _DESCRIBED[value] = describe(value)
    return known


def _shown(value: object) -> str:
    """Return ``repr(value)``, or, if it fails, a word no other value gets.

    What cannot be said cannot be recognized: its environment's code is then
    compiled again by every process, never taken from another one.
    """
    try:
        return repr(value)
    except Exception:  # noqa: BLE001 (a settings file's own class: any error)
        return f"unsayable-{secrets.token_hex(16)}"


def describe(value: object, seen: frozenset[int] = frozenset()) -> str:
    """Say what a filter, a test or an option does at compile time.

    A callable is named by its module and qualified name, with the bytes of
    the file that defines it (a function, a class, or an instance's class),
    the version of its package, what it closes over, its defaults and a
    ``partial``'s arguments; how Jinja calls it (``pass_context``…) changes
    the code it makes. Not seen: an instance's attributes, and the other
    files of a package between two versions; the plugin's filters are
    functions, and the plugin's code is in the fingerprint (``code_digest``).
    ``seen``: the callables being described, for one that holds itself.
    """
    if id(value) in seen:
        return "itself"
    seen |= {id(value)}
    if isinstance(value, functools.partial):
        arguments = _shown(value.args), _shown(value.keywords)
        return f"partial({describe(value.func, seen)}, {', '.join(arguments)})"
    if not callable(value):
        return _shown(value)
    target = getattr(value, "__func__", value)
    if getattr(target, "__qualname__", None) is None:  # An instance: its class.
        target = type(target)
    owner = getattr(target, "__objclass__", None)  # ``str.upper``: ``str``.
    module = getattr(target, "__module__", None) or getattr(owner, "__module__", "?")
    name = f"{module}.{target.__qualname__}"
    try:
        origin = _file_digest(inspect.getfile(target))
    except TypeError:  # Built into Python: the bytecode's header has its version.
        origin = "built-in"
    package = _version(module.split(".")[0])
    # What a function made by another one holds: ``make(" !")`` and
    # ``make(" ?")`` share a name and a file.
    cells = getattr(target, "__closure__", None) or ()
    held = [_held(cell, seen) for cell in cells]
    defaults = _shown(getattr(target, "__defaults__", None))
    kind = getattr(value, "jinja_pass_arg", None)
    return f"{name} {kind} {origin} {package} {held} {defaults}"


def _held(cell: CellType, seen: frozenset[int]) -> str:
    try:
        contents = cell.cell_contents
    except ValueError:  # Not yet bound.
        return "empty"
    return describe(contents, seen)


def _callables(kind: str, table: Mapping[str, Callable[..., object]]) -> list[str]:
    return [f"{kind} {name} {_described(table[name])}" for name in sorted(table)]


def environment_key(environment: Environment) -> bytes:
    """Everything of ``environment`` that Jinja's compiled code follows from.

    Computed at each compilation, not once per environment: a plugin may add
    a filter after ours has seen the environment.
    """
    parts = [describe(type(environment))]
    parts += [f"{name}={getattr(environment, name, None)!r}" for name in _OPTIONS]
    parts += [
        f"autoescape={describe(environment.autoescape)}",
        f"finalize={describe(environment.finalize)}",
        f"ascii_str={environment.policies.get('compiler.ascii_str')!r}",
        f"code_generator={describe(environment.code_generator_class)}",
    ]
    parts += [
        f"extension {key} {describe(type(extension))}"
        for key, extension in sorted(environment.extensions.items())
    ]
    parts += _callables("filter", environment.filters)
    parts += _callables("test", environment.tests)
    parts += [f"{name} {_version(name)}" for name in ("jinja2", "markupsafe")]
    parts.append(f"plugin {_plugin_code()}")
    return digest(*(part.encode() for part in parts))


class TemplateCode(BytecodeCache):
    """Compiled templates by environment, name and file: memory, then a folder."""

    def __init__(self, folder: Path | None) -> None:
        self.memory: dict[bytes, bytes] = {}
        self.store = OutputCache(folder) if folder is not None else None

    @staticmethod
    def _key(bucket: Bucket) -> bytes:
        return digest(environment_key(bucket.environment), bucket.key.encode())

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` (Jinja drops the code if the source has changed)."""
        key = self._key(bucket)
        data = self.memory.get(key)
        if data is None and self.store is not None:
            data = self.store.get(key)
        if data is None:
            return
        # Jinja drops what it cannot read (another header, damaged code).
        bucket.bytecode_from_string(data)
        if bucket.code is not None:
            self.memory[key] = data

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the code Jinja has just compiled, in memory and on disk."""
        key, data = self._key(bucket), bucket.bytecode_to_string()
        self.memory[key] = data
        if self.store is None:
            return
        try:
            self.store.put(key, data)
        except OSError as error:  # A read-only cache costs time, not pages.
            logger.debug("Modèle compilé non gardé dans le cache : %s", error)


# One per folder, shared by every generator of every build of the process.
_CACHES: dict[Path | None, TemplateCode] = {}


def keep_templates(generator: Generator) -> None:
    """Give the generator's Jinja the compiled templates (``generator_init``).

    Jinja also stops checking each template's file at every page
    (``auto_reload``): each build makes new environments, and a template
    edited in the middle of a build must not make a site of two versions.
    """
    generator.env.auto_reload = False
    settings = generator.settings
    if not settings.get("TEMPLATE_CACHE", True):
        return
    cache_path = settings.get("CACHE_PATH")
    folder = Path(cache_path, FOLDER).resolve() if cache_path else None
    if folder not in _CACHES:
        _CACHES[folder] = TemplateCode(folder)
    generator.env.bytecode_cache = _CACHES[folder]
