"""normalize_url: one page cited two ways gives one key; different pages never do."""

import pytest

from pipeline.text.urls import citable_url, date_from_url, is_truncated_form, normalize_doi, normalize_url


@pytest.mark.parametrize(("one", "other"), [
    ("https://www.example.org/path/to/page/", "http://example.org/path/to/page"),
    ("https://edition.cnn.com/2024/08/12/europe/x-intl/", "https://www.cnn.com/2024/08/12/europe/x-intl"),
    ("https://m.bbc.com/news/articles/czxrwr078v7o", "https://www.bbc.com/news/articles/czxrwr078v7o"),
    ("https://amp.theguardian.com/world/a", "https://www.theguardian.com/world/a"),
    ("https://Example.ORG:443/a", "http://example.org:80/a"),
    ("https://example.org/a?utm_source=x&utm_medium=y&fbclid=z&gclid=q", "https://example.org/a"),
    ("https://example.org/a#comments", "https://example.org/a"),
    ("https://example.org/a/index.html", "https://example.org/a"),
    ("<https://example.org/a>.", "https://example.org/a"),
    ("example.org/a", "https://example.org/a"),
    ("https://example.org/a?b=2&a=1", "https://example.org/a?a=1&b=2"),
    ("https://example.org/%7Euser", "https://example.org/~user"),
])
def test_same_page_normalizes_equal(one, other):
    assert normalize_url(one) == normalize_url(other)


@pytest.mark.parametrize(("one", "other"), [
    ("https://abcnews.go.com/story?id=115805739", "https://abcnews.go.com/story?id=115805740"),
    ("https://example.org/a", "https://example.org/b"),
    ("https://example.org/Path", "https://example.org/path"),
    ("https://news.example.org/a", "https://example.org/a"),
])
def test_different_pages_stay_apart(one, other):
    assert normalize_url(one) != normalize_url(other)


def test_normalized_form_is_https_bare_host():
    assert normalize_url("http://www.Example.org/path/to/page/?utm_source=x#top") == "https://example.org/path/to/page"


def test_meaningful_query_is_kept():
    assert normalize_url("https://abcnews.go.com/International/story?id=115805739&utm_campaign=x") == \
        "https://abcnews.go.com/International/story?id=115805739"


def test_truncated_copy_is_recognized_only_with_a_long_enough_path():
    full = normalize_url("https://united24media.com/war-in-ukraine/ukraine-fights-russias-expanding-axis-now-with-iran-and-belarus")
    cut = normalize_url("https://united24media.com/war-in-ukraine/ukraine-fights-russias-expanding-axis-now-with-iran-an")
    assert is_truncated_form(cut, full)
    assert not is_truncated_form(normalize_url("https://example.org/news"), normalize_url("https://example.org/news-2024"))


@pytest.mark.parametrize(("text", "doi"), [
    ("https://doi.org/10.1000/ABC.123", "10.1000/abc.123"),
    ("doi:10.1000/abc.123.", "10.1000/abc.123"),
    ("no identifier", ""),
])
def test_normalize_doi(text, doi):
    assert normalize_doi(text) == doi


def test_date_from_news_url():
    assert date_from_url("https://edition.cnn.com/2024/08/12/europe/story/") == [2024, 8, 12]
    assert date_from_url("https://foreignpolicy.com/2019/11/15/trump/") == [2019, 11, 15]
    assert date_from_url("https://example.org/about") is None


@pytest.mark.parametrize(("url", "parts"), [
    ("https://www.reuters.com/world/pact-if-other-is-invaded-2024-06-20/", [2024, 6, 20]),
    ("http://www.smh.com.au/digital-life/what-is-metadata-20140806-100zae.html", [2014, 8, 6]),
    ("http://dx.doi.org/10.1002/(SICI)1234-5678(20010415)9:3", [2001, 4, 15]),
    ("https://news.example.org/news/2021-03-harbour-dredge-plan.html", [2021, 3]),
    ("https://example.org/2024/08", [2024, 8]),
    ("https://example.org/2024/08/12.html", [2024, 8, 12]),
    ("<https://example.org/2024/08/>.", [2024, 8]),
    # A single-digit month and day run into a year is part of an identifier, not a date.
    ("http://dx.doi.org/10.1021/jf204092h", None),
    ("https://example.org/item/120240620/", None),
])
def test_date_from_url_forms(url, parts):
    assert date_from_url(url) == parts


@pytest.mark.parametrize(("stated", "cited"), [
    # a search result's position and query, on a path that names the page
    ("https://library.example.net/product/GS-3317?s=1&r=14", "https://library.example.net/product/GS-3317"),
    ("https://example.org/2026/03/harbour-levy-raised?sort=new", "https://example.org/2026/03/harbour-levy-raised"),
    # the query selects the page: a script's argument, a content parameter, a single-word path
    ("https://example.org/news/article.aspx?ArticleID=5", "https://example.org/news/article.aspx?ArticleID=5"),
    ("https://example.org/reports/r-2026?page=3", "https://example.org/reports/r-2026?page=3"),
    ("https://video.example.org/watch?v=dQw4w9", "https://video.example.org/watch?v=dQw4w9"),
    ("https://example.org/story?id=115805739", "https://example.org/story?id=115805739"),
    ("https://example.org/product/GS-3317", "https://example.org/product/GS-3317"),
])
def test_citable_url_drops_only_a_query_that_names_no_page(stated, cited):
    assert citable_url(stated) == cited
