//! The data a widget draws: the last good file, the subjects chosen from it, and the facts
//! worked out for them; and choosing the subjects again, for the `subjects` attribute or the
//! reader's "Show all".

use super::Inner;
use crate::chronology::Chronology;
use crate::date::Locale;
use crate::interact::State;
use crate::layout::{self, words};
use crate::model::{Problem, Timeline};
use crate::subjects;
use wasm_bindgen::prelude::*;

/// A valid data set, the subjects chosen from it, the facts derived from those once, and
/// their description in the current language.
pub(super) struct Data {
    /// The file as read, with every subject.
    pub(super) file: Timeline,
    /// The subjects drawn, when they are not the whole file.
    pub(super) chosen: Option<Timeline>,
    /// How many chosen subjects wait for "Show all".
    pub(super) hidden: usize,
    pub(super) chronology: Chronology,
    pub(super) description: String,
}

impl Data {
    /// The data of `file` for the subjects `ids` (all when `None`), only the first few unless
    /// `all`; and the ids the file does not have. `whole` is the chronology of the whole file
    /// when it is at hand, used as it is when every subject is shown.
    pub(super) fn new(
        file: Timeline,
        whole: Option<Chronology>,
        ids: Option<&[String]>,
        all: bool,
        locale: &Locale,
    ) -> (Data, Vec<Problem>) {
        let chosen = subjects::select(&file, ids, all);
        let shown = chosen.timeline.as_ref().unwrap_or(&file);
        let chronology = match (whole, &chosen.timeline) {
            (Some(c), None) => c,
            _ => Chronology::new(shown),
        };
        let mut data = Data {
            hidden: chosen.hidden(),
            chosen: chosen.timeline,
            file,
            chronology,
            description: String::new(),
        };
        data.describe(locale);
        (data, chosen.problems)
    }

    /// Writes the description of what is drawn, and the default grades' names, in the
    /// language of `locale`.
    pub(super) fn describe(&mut self, locale: &Locale) {
        // The default scale's grades are named in the reader's language first: the
        // description, the bands, the cards and the table all read them.
        self.file.name_default_grades(&locale.words);
        if let Some(c) = &mut self.chosen {
            c.name_default_grades(&locale.words);
        }
        let shown = self.timeline();
        let mut description = layout::describe(shown, &self.chronology, locale);
        if self.hidden > 0 {
            let n = shown.subjects.len();
            description.push(' ');
            description.push_str(&words::subjects_shown(n, n + self.hidden, &locale.words));
        }
        self.description = description;
    }

    /// The timeline drawn: the chosen subjects.
    pub(super) fn timeline(&self) -> &Timeline {
        self.chosen.as_ref().unwrap_or(&self.file)
    }
}

impl Inner {
    /// Chooses the subjects again from the last good file (for a new `subjects` attribute, or
    /// "Show all"), and draws them afresh, keeping the window of time shown.
    pub(super) fn choose(&mut self) -> Result<Vec<Problem>, JsValue> {
        let Some(d) = self.data.take() else {
            return Ok(Vec::new());
        };
        let ids = self.subjects.take();
        // The chronology drawn so far is the whole file's when every subject was shown.
        let whole = d.chosen.is_none().then_some(d.chronology);
        let (data, problems) = Data::new(
            d.file,
            whole,
            ids.as_deref(),
            self.all_subjects,
            &self.locale,
        );
        self.subjects = ids;
        self.data = Some(data);
        // Marks and events are numbered afresh: only the window of time carries over.
        self.state = State {
            view: self.state.view,
            ..State::default()
        };
        self.scene = None;
        self.relayout()?;
        self.show(false)?;
        self.fill_text(true)?;
        Ok(problems)
    }

    /// Shows every chosen subject, not only the first few, and says so.
    pub(super) fn show_all_subjects(&mut self) -> Result<(), JsValue> {
        self.all_subjects = true;
        self.choose()?;
        let n = self
            .data
            .as_ref()
            .map_or(0, |d| d.timeline().subjects.len());
        self.dom
            .live
            .set_text_content(Some(&words::subjects_shown(n, n, &self.locale.words)));
        // The button is gone: the chart keeps the keyboard's place.
        let _ = self.dom.canvas.focus();
        Ok(())
    }
}
