//! Colours by role: the [`Theme`] a page asks for, and the [`Palette`] the chart is drawn with.
//!
//! A theme is what the page's CSS custom properties say (or the defaults here, which are also
//! the element's stylesheet: see [`stylesheet`]). [`Palette::new`] resolves a theme and a data
//! set's grades once into colours that keep text at 4.5:1 and graphics at 3:1 against what
//! they sit on (WCAG 1.4.3 and 1.4.11), whatever a page sets; drawing only looks them up.

use crate::color::Rgb;
use crate::model::{Grade, Kind};
use std::fmt::Write;

/// The colours a page asks for, by role.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// Filled behind everything; `None` leaves the canvas transparent to show the page.
    pub background: Option<Rgb>,
    /// What a transparent chart is assumed to sit on, for contrast and hollow markers.
    pub surface: Rgb,
    /// The page's own colour behind a transparent chart, as the element finds it (`None`
    /// when it cannot tell). When it leaves the theme's text illegible (a dark page, with
    /// the light theme) the theme's surface is painted behind the chart instead.
    pub backdrop: Option<Rgb>,
    pub text: Rgb,
    pub muted: Rgb,
    pub rule: Rgb,
    pub focus: Rgb,
    pub inspection: Rgb,
    pub monitoring: Rgb,
    pub reinspection: Rgb,
    pub other: Rgb,
    /// Colours that replace the data's for some grades, by grade id (`--it-grade-<id>`).
    pub grades: Vec<(String, Rgb)>,
}

/// Colours of the findings card and notices, which only the stylesheet uses.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardColours {
    pub background: Rgb,
    pub positive: Rgb,
    pub negative: Rgb,
    pub mixed: Rgb,
    pub link: Rgb,
    pub notice: Rgb,
}

impl Theme {
    pub const LIGHT: Theme = Theme {
        background: None,
        surface: Rgb(0xff, 0xff, 0xff),
        backdrop: None,
        text: Rgb(0x1d, 0x1d, 0x1f),
        muted: Rgb(0x59, 0x59, 0x5e),
        rule: Rgb(0x8a, 0x8a, 0x90),
        focus: Rgb(0x00, 0x5f, 0xcc),
        inspection: Rgb(0x1f, 0x2d, 0x4d),
        monitoring: Rgb(0x00, 0x72, 0xb2),
        reinspection: Rgb(0xb3, 0x59, 0x00),
        other: Rgb(0x75, 0x75, 0x75),
        grades: Vec::new(),
    };

    pub const DARK: Theme = Theme {
        background: Some(Rgb(0x12, 0x12, 0x14)),
        surface: Rgb(0x12, 0x12, 0x14),
        backdrop: None,
        text: Rgb(0xf2, 0xf2, 0xf3),
        muted: Rgb(0xb4, 0xb4, 0xbb),
        rule: Rgb(0x8d, 0x8d, 0x96),
        focus: Rgb(0x7a, 0xb8, 0xff),
        inspection: Rgb(0xe6, 0xe6, 0xe6),
        monitoring: Rgb(0x5c, 0xb8, 0xf0),
        reinspection: Rgb(0xf0, 0xa0, 0x50),
        other: Rgb(0x9a, 0x9a, 0xa5),
        grades: Vec::new(),
    };

    /// The colour a page gives a kind of event.
    pub fn kind(&self, k: Kind) -> Rgb {
        match k {
            Kind::Inspection => self.inspection,
            Kind::MonitoringVisit => self.monitoring,
            Kind::Reinspection => self.reinspection,
            Kind::Other => self.other,
        }
    }
}

impl CardColours {
    pub const LIGHT: CardColours = CardColours {
        background: Rgb(0xff, 0xff, 0xff),
        positive: Rgb(0x1a, 0x6b, 0x3f),
        negative: Rgb(0xa1, 0x1a, 0x28),
        mixed: Rgb(0x8a, 0x53, 0x00),
        link: Rgb(0x00, 0x5f, 0xcc),
        notice: Rgb(0xff, 0xf7, 0xe6),
    };

    pub const DARK: CardColours = CardColours {
        background: Rgb(0x1e, 0x1e, 0x22),
        positive: Rgb(0x6f, 0xd3, 0x9b),
        negative: Rgb(0xff, 0x8a, 0x94),
        mixed: Rgb(0xf0, 0xb7, 0x5c),
        link: Rgb(0x8c, 0xc4, 0xff),
        notice: Rgb(0x3a, 0x2c, 0x10),
    };
}

/// The theme's custom properties, in the order the declarations below are written: the
/// names after `--it-` (the page's) and `--_it-` (what the element's CSS reads).
const PROPERTIES: [&str; 16] = [
    "background",
    "surface",
    "text",
    "muted",
    "rule",
    "focus",
    "inspection",
    "monitoring-visit",
    "reinspection",
    "other",
    "card-background",
    "positive",
    "negative",
    "mixed",
    "link",
    "notice-background",
];

/// The custom properties of one theme, as CSS declarations.
fn declarations(t: &Theme, c: &CardColours) -> String {
    let background = t
        .background
        .map_or("transparent".to_string(), |b| b.to_string());
    let colours = [
        t.surface,
        t.text,
        t.muted,
        t.rule,
        t.focus,
        t.inspection,
        t.monitoring,
        t.reinspection,
        t.other,
        c.background,
        c.positive,
        c.negative,
        c.mixed,
        c.link,
        c.notice,
    ]
    .map(|c| c.to_string());
    let values = std::iter::once(background).chain(colours);
    let mut out = String::new();
    // Each default stands behind the page's own value, set on the element or on any element
    // around it: `--_it-text` is the page's `--it-text` if it has one, else the default.
    for (name, value) in PROPERTIES.iter().zip(values) {
        let sep = if out.is_empty() { "" } else { " " };
        let _ = write!(out, "{sep}--_it-{name}: var(--it-{name}, {value});");
    }
    out
}

/// Windows high-contrast mode's system colours for every property, over the page's own and
/// either theme's: to follow [`stylesheet`], so that they win.
pub fn forced_colours() -> String {
    const SYSTEM: [&str; 16] = [
        "Canvas",
        "Canvas",
        "CanvasText",
        "CanvasText",
        "CanvasText",
        "Highlight",
        "CanvasText",
        "CanvasText",
        "CanvasText",
        "CanvasText",
        "Canvas",
        "CanvasText",
        "CanvasText",
        "CanvasText",
        "LinkText",
        "Canvas",
    ];
    let mut out = String::new();
    for (name, value) in PROPERTIES.iter().zip(SYSTEM) {
        let _ = write!(out, " --_it-{name}: {value};");
    }
    format!("@media (forced-colors: active) {{ :host, :host([theme]) {{{out} }} }}\n")
}

/// The element's default colours as CSS: light, dark on `theme="dark"`, and dark on
/// `theme="auto"` when the reader prefers it. The element adds this to its stylesheet, so
/// these constants are the only place the defaults are written.
pub fn stylesheet() -> String {
    let light = declarations(&Theme::LIGHT, &CardColours::LIGHT);
    let dark = declarations(&Theme::DARK, &CardColours::DARK);
    format!(
        ":host {{ {light} }}\n:host([theme=dark]) {{ {dark} }}\n\
         @media (prefers-color-scheme: dark) {{ :host([theme=auto]) {{ {dark} }} }}\n"
    )
}

/// The colours of one kind of event, resolved for the surface.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KindInk {
    /// Its markers: at least 3:1.
    pub mark: Rgb,
    /// Text in its colour: at least 4.5:1.
    pub text: Rgb,
    /// Text on one of its filled markers (a visit's number).
    pub on_mark: Rgb,
}

/// The colours of one grade, resolved for the surface.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GradeInk {
    /// Its rating band: at least 3:1.
    pub band: Rgb,
    /// Text on the band: black or white, whichever reads, always 4.5:1.
    pub on_band: Rgb,
}

/// A theme resolved for one data set: every colour the chart draws with, legible.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Filled behind everything; `None` leaves the canvas transparent.
    pub background: Option<Rgb>,
    /// What the chart sits on: hollow markers are filled with it and markers edged with it.
    pub surface: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    /// The rule colour as the page gives it, for light lines drawn translucent.
    pub faint: Rgb,
    /// The axis and the next zone's edge: the rule colour at 3:1.
    pub axis: Rgb,
    pub focus: Rgb,
    /// By [`Kind`], in the order of [`Kind::ALL`].
    kinds: [KindInk; 4],
    /// By index into the data's scale.
    grades: Vec<GradeInk>,
}

/// Colours by role in a scene; [`Palette::ink`] turns them into colours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ink {
    Text,
    Muted,
    Kind(Kind),
    /// Text on a filled marker of this kind.
    OnKind(Kind),
    /// Text on the rating band of this grade (an index into the scale).
    OnGrade(usize),
}

fn kind_index(k: Kind) -> usize {
    match k {
        Kind::Inspection => 0,
        Kind::MonitoringVisit => 1,
        Kind::Reinspection => 2,
        Kind::Other => 3,
    }
}

/// Near-black or white, whichever contrasts more with `c`; either reaches 4.5:1 on any colour.
fn black_or_white(c: Rgb) -> Rgb {
    let (black, white) = (Rgb(0x11, 0x11, 0x11), Rgb(255, 255, 255));
    if black.contrast(&c) >= white.contrast(&c) {
        black
    } else {
        white
    }
}

impl Palette {
    /// Resolves `theme` for a data set whose grades are `scale`. Every contrast is enforced
    /// here, once.
    pub fn new(theme: &Theme, scale: &[Grade]) -> Palette {
        // A page whose colour leaves the theme's text illegible gets the theme's own surface
        // behind the chart, which becomes a panel: every colour (the page's HTML text around
        // the canvas too) then stands on what it was chosen for.
        let background = theme.background.or_else(|| {
            theme
                .backdrop
                .filter(|b| theme.text.contrast(b) < 4.5)
                .map(|_| theme.surface)
        });
        let surface = background.unwrap_or(theme.surface);
        // Black or white, whichever stands out more on the surface, is what too-faint colours
        // are moved towards.
        let (black, white) = (Rgb(0, 0, 0), Rgb(255, 255, 255));
        let strong = if black.contrast(&surface) > white.contrast(&surface) {
            black
        } else {
            white
        };
        let graphic = |c: Rgb| c.legible_on(&surface, &strong, 3.0);
        let text = |c: Rgb| c.legible_on(&surface, &strong, 4.5);
        let kinds = Kind::ALL.map(|(_, k)| {
            let mark = graphic(theme.kind(k));
            KindInk {
                mark,
                text: text(mark),
                on_mark: black_or_white(mark),
            }
        });
        let grades = scale
            .iter()
            .map(|g| {
                let asked = theme
                    .grades
                    .iter()
                    .find(|(id, _)| *id == g.id)
                    .map_or(g.color, |(_, c)| *c);
                let band = graphic(asked);
                GradeInk {
                    band,
                    on_band: black_or_white(band),
                }
            })
            .collect();
        Palette {
            background,
            surface,
            text: text(theme.text),
            muted: text(theme.muted),
            faint: theme.rule,
            axis: graphic(theme.rule),
            focus: graphic(theme.focus),
            kinds,
            grades,
        }
    }

    /// The same colours over a background already filled, which must not be filled again.
    pub fn without_background(&self) -> Palette {
        Palette {
            background: None,
            ..self.clone()
        }
    }

    /// The colours of a kind of event.
    pub fn kind(&self, k: Kind) -> KindInk {
        self.kinds[kind_index(k)]
    }

    /// The colours of a grade; a grade the palette was not made for is drawn in the axis
    /// colour rather than failing.
    pub fn grade(&self, index: usize) -> GradeInk {
        self.grades.get(index).copied().unwrap_or(GradeInk {
            band: self.axis,
            on_band: black_or_white(self.axis),
        })
    }

    /// The colour of text of a role.
    pub fn ink(&self, ink: Ink) -> Rgb {
        match ink {
            Ink::Text => self.text,
            Ink::Muted => self.muted,
            Ink::Kind(k) => self.kind(k).text,
            Ink::OnKind(k) => self.kind(k).on_mark,
            Ink::OnGrade(g) => self.grade(g).on_band,
        }
    }
}
