//! The reader's preferences the element reads from the page: the language (dates and the
//! widget's words) and the theme's colours. Each is applied once, laying out again only for a
//! language; a theme change only repaints.

use super::*;

#[wasm_bindgen]
impl Widget {
    /// Sets the reader's language. Dates are written with `months` and `short` (twelve month
    /// names and twelve short ones, as the element reads them from `Intl`) and patterns for a
    /// day ("{d} {m} {y}") and a month ("{m} {y}"), or in British English when `months` is
    /// empty. `words` is the language's table of the widget's words in the order of
    /// `src/strings/en-GB.json`, each its text or its plural forms joined by U+001F (see
    /// [`Strings`]); `plural` gives the plural category of a number as its place in
    /// [`Plural::ALL`] (from `Intl.PluralRules#select`), or is null for English's rule.
    pub fn set_locale(
        &self,
        months: Vec<String>,
        short: Vec<String>,
        day_pattern: String,
        month_pattern: String,
        words: Vec<String>,
        plural: Option<js_sys::Function>,
    ) -> Result<(), JsValue> {
        let mut locale = Locale::en_gb();
        if !months.is_empty() {
            let (Ok(months), Ok(months_short)) = (
                <[String; 12]>::try_from(months),
                <[String; 12]>::try_from(short),
            ) else {
                return Err(fault("a locale needs twelve month names"));
            };
            locale = Locale {
                months,
                months_short,
                day_pattern,
                month_pattern,
                words: locale.words,
            };
        }
        let rule = match plural {
            Some(f) => PluralRule::Given(Rc::new(move |n| {
                let k = f.call1(&JsValue::NULL, &JsValue::from_f64(n)).ok();
                let k = k.and_then(|k| k.as_f64()).unwrap_or(5.0) as usize;
                Plural::ALL.get(k).copied().unwrap_or(Plural::Other)
            })),
            None => PluralRule::English,
        };
        locale.words = Strings::from_list(words, rule);
        self.use_locale(locale)
    }

    fn use_locale(&self, locale: Locale) -> Result<(), JsValue> {
        let mut inner = self.inner.borrow_mut();
        if locale == inner.locale {
            return Ok(());
        }
        inner.locale = locale;
        // A card on show is written again in the new words.
        inner.card_shown.replace(None);
        inner.dom.label(&inner.locale.words)?;
        // The same subjects and facts; only their description is in the new language.
        let inner = &mut *inner;
        if let Some(d) = &mut inner.data {
            d.describe(&inner.locale);
        }
        inner.read_font();
        inner.relayout()?;
        inner.show(false)?;
        inner.fill_text(true)
    }

    /// The page's fonts finished loading: the font is read and measured again, and the chart
    /// laid out and drawn in it (it was drawn in a fallback until then).
    pub fn fonts_loaded(&self) -> Result<(), JsValue> {
        let mut inner = self.inner.borrow_mut();
        if inner.data.is_none() || inner.width <= 0.0 {
            return Ok(());
        }
        inner.read_font();
        inner.relayout()?;
        inner.show(false)
    }

    /// Sets the colours from the page's theme: an object with an `[r, g, b]` array for each of
    /// `background` (or null when transparent), `surface`, `backdrop` (the page's colour
    /// behind the element, or null), `text`, `muted`, `rule`, `focus`, `inspection`,
    /// `monitoringVisit`, `reinspection` and `other`, and `grades`, an object of `[r, g, b]`
    /// by grade id. The chart is repainted, not laid out again, and only when a colour
    /// changed. Returns the colour to paint behind the chart, which makes it a panel (`#rrggbb`),
    /// or `undefined` to leave it transparent.
    pub fn set_theme(&self, theme: &JsValue) -> Result<Option<String>, JsValue> {
        let get = |key: &str| js_sys::Reflect::get(theme, &JsValue::from_str(key));
        let rgb = |v: JsValue| -> Option<Rgb> {
            let a: js_sys::Array = v.dyn_into().ok()?;
            let c = |i: u32| a.get(i).as_f64().map(|n| n.clamp(0.0, 255.0) as u8);
            Some(Rgb(c(0)?, c(1)?, c(2)?))
        };
        let colour = |key: &str, default: Rgb| get(key).ok().and_then(rgb).unwrap_or(default);
        let d = Theme::LIGHT;
        let mut grades = Vec::new();
        if let Ok(g) = get("grades") {
            if let Ok(entries) =
                js_sys::Object::entries(&g.unchecked_into()).dyn_into::<js_sys::Array>()
            {
                for entry in entries.iter() {
                    let pair: js_sys::Array = entry.unchecked_into();
                    if let (Some(id), Some(c)) = (pair.get(0).as_string(), rgb(pair.get(1))) {
                        grades.push((id, c));
                    }
                }
            }
        }
        let next = Theme {
            background: get("background").ok().and_then(rgb),
            surface: colour("surface", d.surface),
            backdrop: get("backdrop").ok().and_then(rgb),
            text: colour("text", d.text),
            muted: colour("muted", d.muted),
            rule: colour("rule", d.rule),
            focus: colour("focus", d.focus),
            inspection: colour("inspection", d.inspection),
            monitoring: colour("monitoringVisit", d.monitoring),
            reinspection: colour("reinspection", d.reinspection),
            other: colour("other", d.other),
            grades,
        };
        let mut inner = self.inner.borrow_mut();
        if next != inner.theme {
            inner.palette = Palette::new(
                &next,
                inner.data.as_ref().map_or(&[][..], |d| &d.file.grades),
            );
            inner.theme = next;
            inner.read_font();
            inner.paint()?;
        }
        Ok(inner.palette.background.map(|c| c.to_string()))
    }
}
