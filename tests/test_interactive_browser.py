"""The interactive web page in a real browser: the system's Chromium, driven by Playwright.

Each example's page is opened from ``file://`` with every other request blocked (and
counted: there must be none), and used as a reader would: click, search, Tab, arrows,
Escape, zoom, print. No console error and no page error may occur.

Needs ``pip install playwright`` and Chromium at ``/usr/bin/chromium``, or at
``$ARGMAP_CHROMIUM`` (``apt-get install chromium``; never ``playwright install``: nothing
is downloaded). Without them the tests
are skipped, unless ``ARGMAP_REQUIRE_BROWSER`` is set, as CI sets it: then they fail.
Screenshots go to a temporary folder, or to ``$ARGMAP_SCREENSHOTS`` when set.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap
from tests.test_interactive import tricky_map

CHROMIUM = os.environ.get("ARGMAP_CHROMIUM", "/usr/bin/chromium")
REQUIRE_BROWSER = os.environ.get("ARGMAP_REQUIRE_BROWSER", "") not in ("", "0")
#: Chromium without a sandbox (containers), a GPU, or any call home of its own.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
EXAMPLES = argmap.examples.names()


def _missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (pip install playwright; CI has it)"
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)) and not shutil.which(
        CHROMIUM
    ):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium; CI has it)"
    return None


MISSING = _missing()
if MISSING is not None:
    if REQUIRE_BROWSER:
        pytest.fail(f"ARGMAP_REQUIRE_BROWSER is set but {MISSING}", pytrace=False)
    pytest.skip(f"browser tests skipped: {MISSING}", allow_module_level=True)

from playwright.sync_api import Browser, Page, Route, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with each example's page, NAME.html, and tricky.html, empty.html and
    branch.html (one branch of taihe)."""
    folder = tmp_path_factory.mktemp("pages")
    for name in EXAMPLES:
        page = argmap.to_html(argmap.examples.load(name), **argmap.examples.drawing_options(name))
        (folder / f"{name}.html").write_text(page, encoding="utf-8")
    (folder / "tricky.html").write_text(argmap.to_html(tricky_map()), encoding="utf-8")
    empty = argmap.to_html(argmap.ArgumentMap("Empty"))
    (folder / "empty.html").write_text(empty, encoding="utf-8")
    branch = argmap.to_html(loaded("taihe"), focus="progress", depth=1, group_by="speaker")
    (folder / "branch.html").write_text(branch, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: ``$ARGMAP_SCREENSHOTS``, or a temporary folder."""
    wanted = os.environ.get("ARGMAP_SCREENSHOTS")
    if wanted:
        Path(wanted).mkdir(parents=True, exist_ok=True)
        return Path(wanted)
    return tmp_path_factory.mktemp("screenshots")


class Visit:
    """One page open in the browser, with what went wrong on it and what it asked for."""

    def __init__(self, browser: Browser, path: Path) -> None:
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.page: Page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.set_default_timeout(5_000)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())
        self.data: dict[str, Any] = self.page.evaluate(
            "JSON.parse(document.getElementById('am-data').textContent)"
        )
        self.nodes = {node["id"]: node for node in self.data["nodes"]}

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text}")

    def _route(self, route: Route) -> None:
        url = route.request.url
        if url.startswith("file:"):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def node(self, ident: str) -> Any:
        return self.page.locator(f'#am-svg [data-node="{ident}"]')

    def drawn(self, selector: str) -> list[str]:
        """The ids of the drawing's nodes that ``selector`` selects, in the page's order."""
        script = "s => [...document.querySelectorAll(s)].map(g => g.dataset.node)"
        ids: list[str] = self.page.evaluate(script, f"#am-svg {selector}")
        return ids

    def focused(self) -> str | None:
        ident: str | None = self.page.evaluate("document.activeElement.dataset.node || null")
        return ident

    def panel_text(self) -> str:
        return self.page.locator("#am-panel-text").text_content() or ""

    def finish(self) -> None:
        """Close the page; nothing may have gone wrong or left it."""
        self.page.close()
        assert self.problems == []
        assert self.requests == []


@pytest.fixture
def visit(browser: Browser, pages: Path) -> Iterator[Any]:
    opened: list[Visit] = []

    def open_page(name: str) -> Visit:
        opened.append(Visit(browser, pages / f"{name}.html"))
        return opened[-1]

    yield open_page
    for each in opened:
        each.finish()


@functools.cache
def loaded(name: str) -> argmap.ArgumentMap:
    return argmap.examples.load(name)


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_page_opens_offline_and_draws_every_node(
    visit: Any, name: str, shots: Path, pages: Path
) -> None:
    seen = visit(name)
    page = seen.page
    assert page.title() == loaded(name).title
    assert page.locator("#am-svg [data-node]").count() == len(loaded(name).nodes)
    assert page.locator("#am-panel").is_hidden()
    page.screenshot(path=str(shots / f"{name}.png"))
    # The links in the caption come after the nodes, so Tab reaches the nodes first.
    order = seen.drawn("[data-node]")
    assert order == seen.data["order"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_clicking_a_node_opens_a_panel_with_its_text(visit: Any, name: str) -> None:
    seen = visit(name)
    nodes = loaded(name).nodes
    for node in nodes[:: max(1, len(nodes) // 6)]:  # some from all over the map
        seen.page.click("#am-fit")
        seen.node(node.id).click()
        assert seen.panel_text() == node.text
        assert seen.page.locator("#am-panel").is_visible()
        seen.page.keyboard.press("Escape")
        assert seen.page.locator("#am-panel").is_hidden()


@pytest.mark.parametrize("name", EXAMPLES)
def test_tab_visits_the_nodes_in_reading_order(visit: Any, name: str) -> None:
    seen = visit(name)
    seen.page.focus("#am-print")  # the last of the tools
    visited = []
    for _ in seen.data["order"]:
        seen.page.keyboard.press("Tab")
        visited.append(seen.focused())
    assert visited == seen.data["order"]
    assert visited[0] == next(node.id for node in loaded(name).nodes if getattr(node, "main", 0))


@pytest.mark.parametrize("name", EXAMPLES)
def test_arrows_move_along_the_argument_and_escape_closes(
    visit: Any, name: str, shots: Path
) -> None:
    seen = visit(name)
    keys = seen.page.keyboard
    first = seen.data["order"][0]
    children = seen.nodes[first]["children"]
    seen.node(first).focus()
    keys.press("ArrowDown")
    assert seen.focused() == children[0]
    if len(children) > 1:
        keys.press("ArrowRight")
        assert seen.focused() == children[1]
        keys.press("ArrowLeft")
        assert seen.focused() == children[0]
    keys.press("ArrowUp")
    assert seen.focused() == first
    keys.press("Enter")
    assert seen.panel_text() == seen.nodes[first]["text"]
    # A neighbour's button in the panel goes to that node.
    seen.page.locator(f'#am-panel button[data-goto="{children[0]}"]').first.click()
    assert seen.panel_text() == seen.nodes[children[0]]["text"]
    seen.page.screenshot(path=str(shots / f"{name}-panel.png"))
    keys.press("Escape")
    assert seen.page.locator("#am-panel").is_hidden()
    assert seen.focused() == children[0]


@pytest.mark.parametrize("name", EXAMPLES)
def test_search_marks_the_nodes_with_a_word_and_enter_goes_to_them(visit: Any, name: str) -> None:
    seen = visit(name)
    main = loaded(name).nodes[0].text
    word = max(main.replace(",", " ").replace(".", " ").split(), key=len)
    seen.page.fill("#am-search", word.upper())
    hits = [i for i in seen.data["order"] if word.lower() in seen.nodes[i]["text"].lower()]
    hits += [i for i in seen.data["order"] if word.lower() in i.lower() and i not in hits]
    found = seen.drawn(".am-found")
    assert sorted(found) == sorted(hits) and hits
    noun = "node" if len(hits) == 1 else "nodes"
    status = seen.page.locator("#am-status")
    assert status.text_content() == f"{len(hits)} {noun} found; Enter for the next"
    seen.page.press("#am-search", "Enter")
    first = next(i for i in seen.data["order"] if i in hits)
    assert seen.panel_text() == seen.nodes[first]["text"]
    assert (status.text_content() or "").startswith(f"1 of {len(hits)}: ")
    seen.page.fill("#am-search", "no such words anywhere")
    assert status.text_content() == "no node found"
    assert seen.page.locator(".am-found").count() == 0


def test_a_branch_is_highlighted_and_the_rest_dimmed(visit: Any) -> None:
    seen = visit("sejong")
    seen.node("uncertain").click()
    seen.page.click("#am-branch")
    below = {node.id for node in argmap.focus(loaded("sejong"), "uncertain").map.nodes}
    lit = set(seen.drawn("[data-node].am-in-branch"))
    assert lit == below
    assert seen.page.locator("#am-branch").get_attribute("aria-pressed") == "true"
    assert seen.page.locator("#am-svg.am-branching").count() == 1
    seen.page.click("#am-branch")
    assert seen.page.locator("#am-svg.am-branching").count() == 0


def test_zoom_buttons_wheel_and_drag_change_the_view(visit: Any) -> None:
    seen = visit("taihe")
    page = seen.page

    def box() -> list[float]:
        return [float(v) for v in (page.get_attribute("#am-svg", "viewBox") or "").split()]

    fit = box()
    page.click("#am-zoom-in")
    assert box()[2] == pytest.approx(fit[2] / 1.25)
    page.click("#am-zoom-out")
    assert box()[2] == pytest.approx(fit[2])
    page.mouse.move(640, 400)
    page.mouse.wheel(0, -300)
    page.wait_for_function(f"document.getElementById('am-svg').viewBox.baseVal.width < {fit[2]}")
    before = box()
    page.mouse.move(300, 400)
    page.mouse.down()
    page.mouse.move(500, 450, steps=5)
    page.mouse.up()
    after = box()
    assert after[0] < before[0] and after[1] < before[1] and after[2] == before[2]
    assert page.locator("#am-panel").is_hidden()  # a drag is no click
    page.click("#am-fit")
    assert box() == fit


def test_printing_shows_the_map_alone(visit: Any, shots: Path) -> None:
    seen = visit("cgtn")
    seen.node("thesis").click()
    seen.page.emulate_media(media="print")
    assert seen.page.locator(".am-tools").is_hidden()
    assert seen.page.locator("#am-panel").is_hidden()
    assert seen.page.locator("#am-svg").is_visible()
    seen.page.screenshot(path=str(shots / "cgtn-print.png"))


def test_the_outline_can_be_hidden_from_sight_but_not_from_screen_readers(visit: Any) -> None:
    seen = visit("cgtn")
    toggle = seen.page.locator("#am-outline-toggle")
    assert toggle.get_attribute("aria-expanded") == "true"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "false"
    body = seen.page.locator("#am-outline-body")
    size = body.bounding_box()
    assert size is not None and size["width"] <= 1 and size["height"] <= 1
    assert "thesis" in (body.text_content() or "")  # still in the page, for screen readers


def test_a_tricky_map_shows_its_texts_exactly(visit: Any) -> None:
    amap = tricky_map()
    seen = visit("tricky")
    assert seen.page.title() == amap.title
    for node in amap.nodes:
        seen.page.click("#am-fit")
        seen.node(node.id).click()
        assert seen.panel_text() == node.text
        seen.page.keyboard.press("Escape")
    seen.page.click("#am-fit")
    seen.node("q").click()  # its source's address is javascript: no link
    assert "Not a link" in (seen.page.locator("#am-panel-facts").text_content() or "")
    assert seen.page.locator("#am-panel-facts a").count() == 0
    seen.page.keyboard.press("Escape")
    seen.page.click("#am-fit")
    seen.node("p").click()
    link = seen.page.locator("#am-panel-facts a")
    assert link.get_attribute("href") == "https://example.org/a?b=1&c=2"
    assert "Paragraphs 2\u20134" in (seen.page.locator("#am-panel-facts").text_content() or "")


def test_an_empty_map_and_a_branch_open_cleanly(visit: Any) -> None:
    empty = visit("empty")
    assert empty.page.locator("#am-svg [data-node]").count() == 0
    empty.page.click("#am-zoom-in")
    empty.page.fill("#am-search", "anything")
    assert empty.page.locator("#am-status").text_content() == "no node found"
    branch = visit("branch")
    shown = argmap.focus(loaded("taihe"), "progress", depth=1).map
    assert sorted(branch.drawn("[data-node]")) == sorted(node.id for node in shown.nodes)
    branch.page.focus("#am-print")
    branch.page.keyboard.press("Tab")
    assert branch.focused() == "progress"
