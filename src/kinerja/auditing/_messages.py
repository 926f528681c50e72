"""The audit's words: the explanation of each finding in English and Indonesian, and sources.

Each template is a pair (English, Indonesian) with ``{placeholders}``; numbers
are given as :class:`~kinerja.core._notation.Numeral` and written in the
notation of the output's language when the finding is rendered.  The rules
are described in the docs page *The audit* (``docs/audit.md``).
"""

from __future__ import annotations

from kinerja.core._frozen import FrozenMap

__all__ = [
    "ACHIEVEMENT",
    "AGREEMENT",
    "BUDGET",
    "BUDGET_LINES",
    "COUNTS",
    "KINERJA",
    "MISSING",
    "NOTATION",
    "OWN_FIGURES",
    "PLAN",
    "ROUNDING",
    "T",
]

#: Where each rule comes from: a regulation, or the kinerja docs page that states it.
ROUNDING = ("half-up rounding as spreadsheets' ROUND (kinerja docs: Numbers, rounding and "
            "notation), never truncation")
NOTATION = ("Indonesian number notation: the dot groups thousands, the comma marks decimals "
            "(kinerja docs: Numbers, rounding and notation)")
COUNTS = ("PermenPAN-RB 53/2014, measuring a ratio indicator: realization = numerator / "
          "denominator × 100")
MISSING = "missing is not zero (kinerja docs: Achievement, missing figures)"
BUDGET = ("PMK 214/PMK.02/2017: sisa = pagu − realisasi; penyerapan = realisasi / pagu × 100 "
          "(kinerja docs: Budget)")
ACHIEVEMENT = "the achievement formulas (kinerja docs: Achievement (capaian))"
AGREEMENT = "Perjanjian Kinerja {year} (PermenPAN-RB 53/2014): the agreed target"
PLAN = "the medium-term plan (Renstra; PermenPAN-RB 53/2014)"
OWN_FIGURES = "the report's own figures"
BUDGET_LINES = "the report's budget lines"
KINERJA = ("kinerja's own checks: a figure they cannot check is a gap in kinerja, to be "
           "reported at https://github.com/kinerja/kinerja/issues")

# Message templates: (English, Indonesian).
T: FrozenMap[str, tuple[str, str]] = FrozenMap({
    "cap_applied": (
        "The raw achievement {raw} % is reported as {cap} % under the report's {cap} % "
        "convention.",
        "Capaian {raw} % dilaporkan {cap} % sesuai konvensi konversi {cap} % laporan ini."),
    "achievement": (
        "The achievement is {expected} % ({formula} with R = {r}{counts}, T = {t}).",
        "Capaian seharusnya {expected} % ({formula} dengan R = {r}{counts}, T = {t})."),
    "polarity": (
        "The indicator is lower-is-better, but the printed figure is R / T = {wrong} % "
        "(polarity ignored): a realization worse than the target cannot score above 100 %. "
        "With (2 − R / T) × 100 it is {expected} %.",
        "Indikator ini berpolaritas negatif, tetapi angka tercetak dihitung R / T = {wrong} % "
        "(polaritas diabaikan). Dengan (2 − R / T) × 100 capaiannya {expected} %."),
    "cap": (
        "The report converts achievements above {cap} % to {cap} %, but prints the raw "
        "{raw} % here (cap not applied); reported it is {expected} %.",
        "Laporan ini mengonversi capaian di atas {cap} % menjadi {cap} %, tetapi di sini "
        "mencetak capaian mentah {raw} % (konversi tidak diterapkan); seharusnya {expected} %."),
    "target_other": (
        "The printed figure uses the target {other} printed in {where}; the agreed target "
        "{t} gives {expected} %.",
        "Angka tercetak memakai target {other} yang tercetak di {where}; target perjanjian "
        "kinerja {t} memberi {expected} %."),
    "realization_other": (
        "The printed figure uses the realization {other} printed in {where}; the realization "
        "{r}{counts} gives {expected} %.",
        "Angka tercetak memakai realisasi {other} yang tercetak di {where}; realisasi "
        "{r}{counts} memberi {expected} %."),
    "rounded_input": (
        "The printed figure was computed from the realization rounded to {other}; from the "
        "exact realization {r}{counts} it is {expected} %.",
        "Angka tercetak dihitung dari realisasi yang sudah dibulatkan ({other}); dari "
        "realisasi {r}{counts} hasilnya {expected} %."),
    "truncated": (
        "The figure is truncated instead of rounded half up: {expected}.",
        "Angka dipotong, bukan dibulatkan ke atas pada setengah: {expected}."),
    "realization_counts": (
        "{num} of {den} is {expected} %.",
        "{num} dari {den} adalah {expected} %."),
    "realization_rate": (
        "{num} / {den} × {scale} = {expected} {unit}.",
        "{num} / {den} × {scale} = {expected} {unit}."),
    "unit_mismatch": (
        "The figure is printed in {printed_unit}, but the indicator is measured in {unit}: "
        "a figure in another unit is not comparable (convert it, or check the table's unit).",
        "Angka dicetak dalam {printed_unit}, padahal indikator diukur dalam {unit}: angka "
        "dalam satuan lain tidak dapat dibandingkan (konversikan, atau periksa satuan "
        "tabel)."),
    "realization": (
        "The realization is {expected}.", "Realisasinya {expected}."),
    "counts": (
        "The report's counts give {which} = {expected}.",
        "Data laporan memberi {which} = {expected}."),
    "complement": (
        "{den} − {num} = {expected}.", "{den} − {num} = {expected}."),
    "target": (
        "The performance agreement sets {expected}{unit} for {year}.",
        "Perjanjian kinerja menetapkan {expected}{unit} untuk {year}."),
    "plan_target": (
        "The plan sets {expected}{unit} for {year}.",
        "Renstra menetapkan {expected}{unit} untuk {year}."),
    "no_target": (
        "The indicator has no agreed target for {year}, so it has no achievement that year.",
        "Indikator ini tidak memiliki target perjanjian kinerja {year}, jadi tidak ada "
        "capaian tahun itu."),
    "no_figure": (
        "The report gives no {what} for {year} to check this against (a mislabelled year?).",
        "Laporan tidak memuat {what} tahun {year} untuk memeriksa angka ini (salah label "
        "tahun?)."),
    "missing": (
        "The realization is not reported, so the printed achievement cannot be checked.",
        "Realisasinya tidak dilaporkan, sehingga capaian tercetak tidak dapat diperiksa."),
    "budget_line": (
        "The line's {what} is {expected}.", "{what} baris ini {expected}."),
    "budget_total": (
        "The lines sum to {expected}.", "Jumlah baris-barisnya {expected}."),
    "other_year": (
        "The printed figure is the total of {year}.",
        "Angka tercetak adalah total tahun {year}."),
    "over_pagu": (
        "The printed spending is above the pagu {pagu}.",
        "Realisasi tercetak melebihi pagu {pagu}."),
    "remainder": (
        "{pagu} − {spending} = {expected}.", "{pagu} − {spending} = {expected}."),
    "absorption": (
        "{spending} / {pagu} × 100 = {expected} %.", "{spending} / {pagu} × 100 = {expected} %."),
    "na_as_zero": (
        "The pagu is 0: there is no absorption to report (not applicable), which is not 0 %.",
        "Pagu 0: tidak ada penyerapan (tidak berlaku), bukan 0 %."),
    "notation": (
        "The value is right but written with {detail}.",
        "Nilainya benar tetapi ditulis dengan {detail}."),
    "ikpa": (
        "Recomputed under {regulation}: {what} = {expected}.",
        "Dihitung ulang menurut {regulation}: {what} = {expected}."),
    "also": (
        "Also printed as {others}.", "Juga tercetak sebagai {others}."),
    "also_more": (
        "Also printed as {others}, and differently in {more} more places.",
        "Juga tercetak sebagai {others}, dan berbeda lagi di {more} tempat lain."),
    "deduction": (
        "Under {regulation}, {name} is a deduction ({points} points taken from {base}), "
        "not a weighted component: it has no {what} (is this an earlier year's scheme?).",
        "Menurut {regulation}, {name} adalah pengurang ({points} poin dikurangkan dari "
        "{base}), bukan komponen berbobot: tidak ada {what} (skema tahun sebelumnya?)."),
    "undefined": (
        "The achievement is undefined for these inputs, so the printed figure cannot be "
        "checked: {error}",
        "Capaian tidak terdefinisi untuk data ini, sehingga angka tercetak tidak dapat "
        "diperiksa: {error}"),
    "unchecked": (
        "The {kind} {text!r} ({where}) could not be checked: {error}. This is a gap in "
        "kinerja's checks; the rest of the report was audited.",
        "Angka {kind} {text!r} ({where}) tidak dapat diperiksa: {error}. Ini celah pemeriksaan "
        "kinerja; bagian lain laporan tetap diperiksa."),
    "line_over_pagu": (
        "Spending {spending} exceeds the pagu {pagu} by {excess} (pagu minus).",
        "Realisasi {spending} melebihi pagu {pagu} sebesar {excess} (pagu minus)."),
    "unknown_line": (
        "The breakdown has no such line in {year}.",
        "Rincian anggaran tidak memuat baris ini pada {year}."),
    "no_scheme": (
        "kinerja knows no {what} scheme in force in {year}, so the printed figure cannot be "
        "checked (load the year's rules with kinerja.load_scheme).",
        "kinerja tidak mengenal skema {what} yang berlaku tahun {year}, sehingga angka "
        "tercetak tidak dapat diperiksa (muat aturan tahun itu dengan kinerja.load_scheme)."),
    "no_components": (
        "The report gives no {what} component scores for {year}, so its {figure} cannot be "
        "recomputed; the weights and the category of a printed total are still checked.",
        "Laporan tidak memuat nilai komponen {what} tahun {year}, sehingga {figure} tidak "
        "dapat dihitung ulang; bobot dan kategori nilai tercetak tetap diperiksa."),
    "scheme_weight": (
        "Under {regulation}, the weight of {name} is {expected}.",
        "Menurut {regulation}, bobot {name} adalah {expected}."),
    "printed_category": (
        "Under {regulation}, a printed score of {score} is in the category {expected}.",
        "Menurut {regulation}, nilai tercetak {score} termasuk kategori {expected}."),
    "no_printed_score": (
        "Neither component scores nor a printed final score of {year} are given, so the "
        "category cannot be checked.",
        "Tidak ada nilai komponen maupun nilai akhir tercetak tahun {year}, sehingga "
        "kategorinya tidak dapat diperiksa."),
    "range_bound": (
        "The agreed target for {year} is the range {low}–{high}{unit}; its {which} bound is "
        "{expected}.",
        "Target perjanjian kinerja {year} berupa rentang {low}–{high}{unit}; batas "
        "{which_id} adalah {expected}."),
    "not_stated": (
        "The report does not state the {what} for {year}, so the printed figure cannot be "
        "checked.",
        "Laporan tidak mencantumkan {what_id} tahun {year}, sehingga angka tercetak tidak dapat "
        "diperiksa."),
})
