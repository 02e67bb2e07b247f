from somevakt.web import checks


def test_it_warns_when_the_front_end_assets_are_missing(tmp_path):
    found = checks.assets_check(tmp_path)
    assert [message.id for message in found] == ["somevakt.W001"]
    assert "designsystemet.css" in found[0].msg


def test_it_is_quiet_when_the_assets_are_built(tmp_path):
    for name in checks.REQUIRED:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("/* built */")
    assert checks.assets_check(tmp_path) == []
