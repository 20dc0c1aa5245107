"""Byline names become CSL names in the order their culture writes them."""

import pytest

from pipeline.text.cslfields import split_display_name


@pytest.mark.parametrize("display, family, given", [
    ("Ayesha Zafar", "Zafar", "Ayesha"),
    ("Li Yingying", "Li", "Yingying"),
    ("Kim Jong Un", "Kim", "Jong Un"),
    ("Robert Lee", "Lee", "Robert"),
    ("Nguyen Van An", "Nguyen", "Van An"),
])
def test_family_name_is_found(display, family, given):
    assert split_display_name(display) == {"family": family, "given": given}
