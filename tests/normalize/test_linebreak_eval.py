"""The line-break evaluation set (eval/linebreaks) meets issue 3's targets per kind."""

from normalize.evaluation import TARGETS, load_cases, report, score_cases


def test_line_break_repair_meets_its_targets() -> None:
    cases = load_cases()
    real_hyphens = sum(case["kind"] in ("keep", "suspended") for case in cases)
    assert sum(case["kind"] != "space" for case in cases) >= 1000
    assert real_hyphens >= 150
    scores = score_cases(cases)
    for kind, target in TARGETS.items():
        assert scores[kind].accuracy >= target, report(scores)
