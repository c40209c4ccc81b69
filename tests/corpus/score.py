"""Scores the policy pack against the labelled real-world corpus (README.md in this folder).

Each label says what a careful reviewer concludes for one (resource, rule): `fail`, `pass`,
`unknown` or `na`. The pack's verdict for the same pair is FAILED, PASSED, UNKNOWN, or
not applicable (no record: the gate drops the pack's not-applicable verdicts). A finding is a
FAILED verdict; precision and recall count findings against the `fail` labels.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from gate.checkov_scan import CheckRecord

CORPUS = Path(__file__).resolve().parent
CASES = CORPUS / "cases"
UNPARSEABLE = CORPUS / "unparseable"
LABELS = CORPUS / "labels"

NOT_APPLICABLE = "na"
VERDICTS = {"FAILED": "fail", "PASSED": "pass", "UNKNOWN": "unknown"}


@dataclass(frozen=True)
class Case:
    name: str
    folder: Path
    parses: bool
    labels: dict[tuple[str, str], str]
    """(resource address, rule id) → fail / pass / unknown / na."""


def load_cases() -> list[Case]:
    cases = []
    for label_file in sorted(LABELS.glob("*.json")):
        data = json.loads(label_file.read_text(encoding="utf-8"))
        labels = {(address, rule): verdict for address, rules in (data.get("labels") or {}).items()
                  for rule, verdict in rules.items()}
        parses = bool(data.get("parses", True))
        cases.append(Case(label_file.stem, (CASES if parses else UNPARSEABLE) / label_file.stem, parses, labels))
    return cases


@dataclass
class RuleScore:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    true_negatives: int = 0
    findings_on_not_applicable: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)


@dataclass
class Score:
    rules: dict[str, RuleScore] = field(default_factory=lambda: defaultdict(RuleScore))

    def total(self) -> RuleScore:
        total = RuleScore()
        for score in self.rules.values():
            total.true_positives += score.true_positives
            total.false_positives += score.false_positives
            total.false_negatives += score.false_negatives
            total.true_negatives += score.true_negatives
            total.findings_on_not_applicable += score.findings_on_not_applicable
            total.disagreements += score.disagreements
        return total

    @staticmethod
    def precision(score: RuleScore) -> float:
        found = score.true_positives + score.false_positives
        return score.true_positives / found if found else 1.0

    @staticmethod
    def recall(score: RuleScore) -> float:
        expected = score.true_positives + score.false_negatives
        return score.true_positives / expected if expected else 1.0

    def table(self) -> str:
        lines = ["rule      TP   FP   FN   TN  precision  recall"]
        for rule in sorted(self.rules):
            s = self.rules[rule]
            lines.append(f"{rule}  {s.true_positives:>4} {s.false_positives:>4} {s.false_negatives:>4} "
                         f"{s.true_negatives:>4}  {self.precision(s):>9.3f}  {self.recall(s):>6.3f}")
        t = self.total()
        lines.append(f"total    {t.true_positives:>4} {t.false_positives:>4} {t.false_negatives:>4} "
                     f"{t.true_negatives:>4}  {self.precision(t):>9.3f}  {self.recall(t):>6.3f}")
        return "\n".join(lines)


def pack_verdicts(cases: list[Case], records: tuple[CheckRecord, ...]) -> dict[tuple[str, str, str], str]:
    """(case, resource address, rule) → fail / pass / unknown for every FED_ record of the scan."""
    by_folder = {case.folder.resolve(): case.name for case in cases}
    verdicts: dict[tuple[str, str, str], str] = {}
    for record in records:
        if not record.check_id.startswith("FED_"):
            continue
        case = by_folder.get(Path(record.file).resolve().parent)
        if case is None:
            raise AssertionError(f"a record outside the corpus cases: {record.file}")
        verdicts[(case, record.resource, record.check_id)] = VERDICTS[record.result]
    return verdicts


def score(cases: list[Case], verdicts: dict[tuple[str, str, str], str]) -> Score:
    result = Score()
    for case in cases:
        for (address, rule), label in case.labels.items():
            verdict = verdicts.get((case.name, address, rule), NOT_APPLICABLE)
            rule_score = result.rules[rule]
            where = f"{case.name}: {address} {rule}: labelled {label}, pack says {verdict}"
            if verdict != label:
                rule_score.disagreements.append(where)
            if verdict == "fail" and label == NOT_APPLICABLE:
                rule_score.findings_on_not_applicable.append(where)
            if label == "fail":
                if verdict == "fail":
                    rule_score.true_positives += 1
                else:
                    rule_score.false_negatives += 1
            elif label == "pass":
                if verdict == "fail":
                    rule_score.false_positives += 1
                else:
                    rule_score.true_negatives += 1
    return result
