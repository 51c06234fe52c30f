"""Training examples from public data: the machine-translation pairs."""

from __future__ import annotations

import json
from pathlib import Path

from qualcheck.trainsets import WMT_HUMAN, WMT_HUMAN_WEIGHT, WMT_MACHINE, machine_translation_examples, wmt_documents


def _write(path: Path, lines: int) -> None:
    rows = []
    for lang in ("xx-en", "yy-en"):
        for n in range(lines):
            for system in ("ref-A", "Sys-B", "Sys-C"):
                text = f"{system} sentence {n} of {lang}."
                rows.append({"pair": f"{lang}-{n}", "system": system, "text": text, "label": int(system != "ref-A")})
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_documents_are_aligned_across_systems(tmp_path: Path) -> None:
    path = tmp_path / "mt.jsonl"
    _write(path, 10)
    docs = wmt_documents(path, size=4)
    assert sorted(docs) == ["Sys-B", "Sys-C", "ref-A"]
    # 10 lines a language pair: documents of 4, 4 and 2 lines
    assert [lang for lang, _ in docs["ref-A"]] == ["xx-en"] * 3 + ["yy-en"] * 3
    assert docs["ref-A"][2][1] == "ref-A sentence 8 of xx-en. ref-A sentence 9 of xx-en."
    assert docs["Sys-B"][2][1] == "Sys-B sentence 8 of xx-en. Sys-B sentence 9 of xx-en."


def test_each_reference_is_paired_with_one_machine_translation_in_its_group(tmp_path: Path) -> None:
    _write(tmp_path / "machine-translation.jsonl", 16)
    examples, source = machine_translation_examples(tmp_path)
    assert source is not None and source.n == 4
    human = [e for e in examples if e.kind == WMT_HUMAN]
    machine = [e for e in examples if e.kind == WMT_MACHINE]
    assert len(human) == len(machine) == 4
    assert all(e.label == 0 and e.weight == WMT_HUMAN_WEIGHT > 1 for e in human) and all(e.label == 1 for e in machine)
    assert [e.group for e in human] == [e.group for e in machine]
    assert len({e.group for e in human}) == 4
    # the systems take turns
    assert [e.text.split()[0] for e in machine] == ["Sys-B", "Sys-C", "Sys-B", "Sys-C"]


def test_no_file_no_examples(tmp_path: Path) -> None:
    assert machine_translation_examples(tmp_path) == ([], None)
