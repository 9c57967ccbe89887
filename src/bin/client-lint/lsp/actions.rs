//! What the editor asks about a document: quick fixes, "fix all" and the
//! explanation under the cursor.

use std::collections::HashMap;

use client_lint::{Applicability, Span, UnsafeFixes};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Hover, HoverContents, HoverParams,
    MarkupContent, MarkupKind, Position, Range, TextEdit, WorkspaceEdit,
};

use super::convert::{Lines, layout, to_lsp};
use super::{FIX_ALL, Server};

impl Server {
    pub(super) fn code_actions(&self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &p.text_document.uri;
        let Some(doc) = self.docs.get(uri) else {
            return Vec::new();
        };
        let lines = Lines::new(&doc.text, self.units);
        let wanted = |kind: &str| {
            p.context
                .only
                .as_ref()
                .is_none_or(|only| only.iter().any(|k| kind.starts_with(k.as_str())))
        };
        let mut out = Vec::new();
        if wanted(CodeActionKind::QUICKFIX.as_str()) {
            let (from, to) = (lines.offset(p.range.start), lines.offset(p.range.end));
            let fixable: Vec<_> = doc
                .findings
                .iter()
                .filter_map(|d| {
                    let (span, fix) = (d.span()?, d.fix()?);
                    let (edit_span, new_text) = fix.edit()?;
                    (span.end >= from && span.start <= to).then_some((d, fix, edit_span, new_text))
                })
                .collect();
            // Every range of the answer in one pass over the document.
            let edits: Vec<Span> = fixable.iter().map(|&(_, _, span, _)| span).collect();
            let edit_ranges = lines.ranges(&edits);
            let diagnostics = to_lsp(fixable.iter().map(|&(d, ..)| d), &lines);
            for (((d, fix, _, new_text), range), diagnostic) in
                fixable.into_iter().zip(edit_ranges).zip(diagnostics)
            {
                let safe = fix.applicability() == Applicability::Safe;
                let what = match fix.value() {
                    Some(v) => format!("replace the value with {v}"),
                    None => format!("remove {}", fix.pointer()),
                };
                let title = if safe {
                    format!("Fix {}: {what}", d.code())
                } else {
                    format!("Fix {} (unsafe, check the result): {what}", d.code())
                };
                let edit = TextEdit::new(range, new_text.to_string());
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic]),
                    edit: Some(WorkspaceEdit::new(HashMap::from([(uri.clone(), vec![edit])]))),
                    is_preferred: Some(safe),
                    ..Default::default()
                }));
            }
        }
        if wanted(FIX_ALL) {
            let fixed =
                client_lint::fix_records(&doc.text, &self.options(uri).0, layout(uri), UnsafeFixes::Skip);
            if fixed.text != doc.text {
                let whole = Range::new(Position::new(0, 0), lines.positions(&[doc.text.len()])[0]);
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Fix all safe problems ({})", fixed.applied),
                    kind: Some(CodeActionKind::new(FIX_ALL)),
                    edit: Some(WorkspaceEdit::new(HashMap::from([(
                        uri.clone(),
                        vec![TextEdit::new(whole, fixed.text)],
                    )]))),
                    ..Default::default()
                }));
            }
        }
        out
    }

    pub(super) fn hover(&self, p: &HoverParams) -> Option<Hover> {
        let uri = &p.text_document_position_params.text_document.uri;
        let doc = self.docs.get(uri)?;
        let at = Lines::new(&doc.text, self.units).offset(p.text_document_position_params.position);
        let d = doc
            .findings
            .iter()
            .find(|d| d.span().is_some_and(|s| s.start <= at && at <= s.end))?;
        let lang = self.options(uri).0.lang();
        let value = format!(
            "**{} {}**: {}\n\n{}",
            d.code(),
            d.name(),
            d.message(),
            d.rule().explain_markdown(lang)
        );
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            }),
            range: None,
        })
    }
}
