from pipeline.core.unionfind import smallest_roots


def test_links_join_transitively_under_the_smallest_item():
    groups = smallest_roots(["d", "b", "c", "a", "e"], [("d", "c"), ("c", "a"), ("e", "b")])
    assert groups == {"d": "a", "b": "b", "c": "a", "a": "a", "e": "b"}


def test_groups_do_not_depend_on_the_order_of_links():
    links = [("x3", "x1"), ("x2", "x3"), ("y2", "y1"), ("x4", "x2")]
    items = ["x1", "x2", "x3", "x4", "y1", "y2", "z"]
    assert smallest_roots(items, links) == smallest_roots(items, list(reversed(links)))
    assert smallest_roots(items, links)["x4"] == "x1"
    assert smallest_roots(items, [])["z"] == "z"
