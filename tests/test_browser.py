"""The HTML briefing in a real browser (Debian's chromium, driven by Playwright), at desktop and
phone widths and in print media: no console errors, every internal link lands on an element,
nothing wider than the screen, and axe-core (run in the page) finds no WCAG 2 A or AA violation.
Screenshots go to build/screenshots/ of the test build.

setup.sh installs chromium (apt) and axe-core (npm, into node_modules/); the test skips only when
no chromium is installed, and fails when axe-core is missing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import REPO, briefing_dir

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
WCAG_TAGS = ["wcag2a", "wcag2aa"]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("BRIEFING_CHROMIUM"), "chromium", "chromium-browser"):
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    return None


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    if executable is None:
        pytest.skip("no chromium installed (bash setup.sh installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # --no-sandbox: chromium refuses to start as root (CI containers) with its sandbox on.
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def briefing_url(default_build: Path) -> str:
    return (briefing_dir(default_build) / "briefing.html").resolve().as_uri()


def open_page(browser, url: str, viewport: dict, media: str = "screen"):
    """The page loaded, with the console errors and page errors it raised."""
    page = browser.new_page(viewport=viewport)
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.emulate_media(media=media)
    page.goto(url, wait_until="load")
    return page, errors


def screenshot(page, project: Path, name: str) -> Path:
    path = briefing_dir(project) / "screenshots" / f"{name}.png"
    path.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page) -> list[str]:
    assert AXE.is_file(), f"{AXE} is missing: run bash setup.sh (it installs axe-core with npm)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [f"{v['id']} ({len(v['nodes'])}): {v['help']}; first at {v['nodes'][0]['target']}"
            for v in result["violations"]]


@pytest.mark.parametrize("name", VIEWPORTS)
def test_page_has_no_console_errors_and_no_wcag_violations(browser, briefing_url, default_build, name):
    page, errors = open_page(browser, briefing_url, VIEWPORTS[name])
    assert screenshot(page, default_build, name).stat().st_size > 10_000
    assert errors == []
    assert axe_violations(page) == []
    page.close()


@pytest.mark.parametrize("name", VIEWPORTS)
def test_nothing_is_wider_than_the_screen(browser, briefing_url, name):
    page, _ = open_page(browser, briefing_url, VIEWPORTS[name])
    too_wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map(e => e.tagName + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || '').slice(0, 40))""")
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[name]["width"]
    assert too_wide == []
    page.close()


def test_every_internal_link_lands_on_an_element(browser, briefing_url):
    page, _ = open_page(browser, briefing_url, VIEWPORTS["desktop"])
    missing = page.evaluate("""() => [...document.querySelectorAll('a[href^="#"]')]
        .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
        .filter(id => !document.getElementById(id))""")
    assert missing == []
    first_passage = page.get_attribute("a.passage-link", "href")
    page.click("a.passage-link")
    assert page.evaluate("location.hash") == first_passage
    landed = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top",
                           first_passage[1:])
    assert -1 <= landed < VIEWPORTS["desktop"]["height"]  # within a pixel: scrolling lands on fractions
    page.close()


def test_print_media_leaves_far_context_out_and_shows_elisions(browser, briefing_url, default_build):
    page, errors = open_page(browser, briefing_url, VIEWPORTS["desktop"], media="print")
    assert page.evaluate("[...document.querySelectorAll('.far')].every(e => getComputedStyle(e).display == 'none')")
    assert page.evaluate("[...document.querySelectorAll('.gap')].some(e => getComputedStyle(e).display != 'none')")
    screenshot(page, default_build, "print")
    assert errors == []
    page.close()
