//! The human summary: what was found, fixed and left unread, with counts
//! that agree with their numbers in both languages.

use client_lint::Lang;
use client_lint::i18n::ru_form;

use crate::output::Totals;
use crate::ui::{Ui, ui};

fn plural(n: usize, en: (&str, &str), ru: (&str, &str, &str), lang: Lang) -> String {
    client_lint::i18n::count(n, lang, en, ru)
}

/// How many problems `--fix` fixed.
pub fn fixed_line(fixed: usize, lang: Lang) -> String {
    match ui(lang) {
        Ui::En => format!(
            "fixed {}",
            plural(fixed, ("problem", "problems"), ("", "", ""), lang)
        ),
        Ui::Ru => format!("исправлено проблем: {fixed}"),
    }
}

/// The one-line summary for standard error. `unreadable` inputs could not be
/// read at all; with any of them the run never says "all checks passed".
pub fn summary(t: &Totals, fixed: usize, unreadable: usize, lang: Lang) -> String {
    let files = plural(t.files, ("file", "files"), ("файл", "файла", "файлов"), lang);
    let records = plural(
        t.records,
        ("record", "records"),
        ("запись", "записи", "записей"),
        lang,
    );
    let mut out = String::new();
    if fixed > 0 {
        out.push_str(&fixed_line(fixed, lang));
        out.push('\n');
    }
    let findings = t.errors + t.warnings + t.infos;
    match (findings, unreadable, lang) {
        (0, 0, Lang::En) => out.push_str(&format!("all checks passed: {files}, {records}")),
        (0, 0, Lang::Ru) => out.push_str(&format!("все проверки пройдены: {files}, {records}")),
        (0, _, Lang::En) => out.push_str(&format!("no problems found in {files}, {records}")),
        (0, _, Lang::Ru) => out.push_str(&format!("проблем не найдено: {files}, {records}")),
        _ => {
            let errors = plural(
                t.errors,
                ("error", "errors"),
                ("ошибка", "ошибки", "ошибок"),
                lang,
            );
            let warnings = plural(
                t.warnings,
                ("warning", "warnings"),
                ("предупреждение", "предупреждения", "предупреждений"),
                lang,
            );
            out.push_str(&match ui(lang) {
                Ui::En => format!("found {errors} and {warnings} in {files}, {records}"),
                Ui::Ru => {
                    // "в 1 файле, 5 записях": the prepositional case.
                    let f = format!("{} {}", t.files, ru_form(t.files, ("файле", "файлах", "файлах")));
                    let r = format!(
                        "{} {}",
                        t.records,
                        ru_form(t.records, ("записи", "записях", "записях"))
                    );
                    format!("найдено: {errors} и {warnings} в {f}, {r}")
                }
            });
            if t.infos > 0 {
                out.push_str(&match ui(lang) {
                    Ui::En => format!(" ({} info)", t.infos),
                    Ui::Ru => format!(
                        " (и ещё {})",
                        plural(t.infos, ("", ""), ("замечание", "замечания", "замечаний"), lang)
                    ),
                });
            }
        }
    }
    if unreadable > 0 {
        out.push_str(&match ui(lang) {
            Ui::En => format!(
                "; {} could not be read",
                plural(unreadable, ("input", "inputs"), ("", "", ""), lang)
            ),
            Ui::Ru => format!("; не удалось прочитать: {unreadable}"),
        });
    }
    if findings > 0 && t.fixable + t.unsafe_fixable > 0 {
        out.push_str(&match ui(lang) {
            Ui::En => format!(
                "\n{} fixable with `--fix`, {} more with `--fix --unsafe-fixes`",
                t.fixable, t.unsafe_fixable
            ),
            Ui::Ru => format!(
                "\nисправимо с `--fix`: {}, ещё {} с `--fix --unsafe-fixes`",
                t.fixable, t.unsafe_fixable
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plurals_in_every_form() {
        for (n, nominative, prepositional) in [
            (1, "файл", "файле"),
            (2, "файла", "файлах"),
            (5, "файлов", "файлах"),
            (11, "файлов", "файлах"),
            (21, "файл", "файле"),
            (22, "файла", "файлах"),
            (25, "файлов", "файлах"),
        ] {
            let t = Totals {
                files: n,
                records: n,
                ..Totals::default()
            };
            assert_eq!(
                summary(&t, 0, 0, Lang::Ru),
                format!(
                    "все проверки пройдены: {n} {nominative}, {}",
                    plural(n, ("", ""), ("запись", "записи", "записей"), Lang::Ru)
                )
            );
            let t = Totals { errors: 1, ..t };
            let s = summary(&t, 0, 0, Lang::Ru);
            assert!(s.contains(&format!(" в {n} {prepositional}, ")), "{s}");
        }
        let t = Totals {
            files: 1,
            records: 1,
            errors: 1,
            ..Totals::default()
        };
        assert_eq!(
            summary(&t, 0, 0, Lang::Ru),
            "найдено: 1 ошибка и 0 предупреждений в 1 файле, 1 записи"
        );
    }

    /// Every counted word of the summary, with the numbers whose forms
    /// differ (issue 20): the forms come from the grammar, not the code.
    #[test]
    fn summary_counts_agree_with_their_numbers() {
        let forms = [
            (
                1,
                "1 error",
                "1 warning",
                "1 ошибка",
                "1 предупреждение",
                "1 замечание",
            ),
            (
                2,
                "2 errors",
                "2 warnings",
                "2 ошибки",
                "2 предупреждения",
                "2 замечания",
            ),
            (
                3,
                "3 errors",
                "3 warnings",
                "3 ошибки",
                "3 предупреждения",
                "3 замечания",
            ),
            (
                5,
                "5 errors",
                "5 warnings",
                "5 ошибок",
                "5 предупреждений",
                "5 замечаний",
            ),
            (
                11,
                "11 errors",
                "11 warnings",
                "11 ошибок",
                "11 предупреждений",
                "11 замечаний",
            ),
            (
                21,
                "21 errors",
                "21 warnings",
                "21 ошибка",
                "21 предупреждение",
                "21 замечание",
            ),
            (
                22,
                "22 errors",
                "22 warnings",
                "22 ошибки",
                "22 предупреждения",
                "22 замечания",
            ),
            (
                101,
                "101 errors",
                "101 warnings",
                "101 ошибка",
                "101 предупреждение",
                "101 замечание",
            ),
        ];
        for (n, e_en, w_en, e_ru, w_ru, i_ru) in forms {
            let t = Totals {
                files: 1,
                records: 1,
                errors: n,
                warnings: n,
                infos: n,
                ..Totals::default()
            };
            assert_eq!(
                summary(&t, 0, 0, Lang::En),
                format!("found {e_en} and {w_en} in 1 file, 1 record ({n} info)")
            );
            assert_eq!(
                summary(&t, 0, 0, Lang::Ru),
                format!("найдено: {e_ru} и {w_ru} в 1 файле, 1 записи (и ещё {i_ru})")
            );
            let problems = if n == 1 { "problem" } else { "problems" };
            assert_eq!(fixed_line(n, Lang::En), format!("fixed {n} {problems}"));
            assert_eq!(fixed_line(n, Lang::Ru), format!("исправлено проблем: {n}"));
        }
    }

    #[test]
    fn an_unreadable_input_never_passes() {
        let t = Totals {
            files: 1,
            records: 1,
            ..Totals::default()
        };
        let s = summary(&t, 0, 1, Lang::En);
        assert!(!s.contains("all checks passed"), "{s}");
        assert_eq!(
            s,
            "no problems found in 1 file, 1 record; 1 input could not be read"
        );
    }
}
