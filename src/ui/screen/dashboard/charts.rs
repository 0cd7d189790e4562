//! The dashboard's pictures, drawn on iced's canvas: the Pareto of categories with its
//! cumulative line, the weekly trend against its alarm line, and before/after bars.

use iced::mouse;
use iced::widget::canvas::{self, Event, Frame, Geometry, Path, Stroke, Text};
use iced::{Color, Point, Rectangle, Renderer, Size, Theme, alignment};

use crate::model::Language;
use crate::ui::theme;

/// Room at the bottom of a chart for its labels.
const LABEL_ROOM: f32 = 34.0;
/// Room at the left for the axis numbers.
const AXIS_ROOM: f32 = 34.0;
/// Room above the tallest bar for its number.
const HEAD_ROOM: f32 = 20.0;

fn label(
    frame: &mut Frame,
    content: String,
    at: Point,
    color: Color,
    align: alignment::Horizontal,
) {
    frame.fill_text(Text {
        content,
        position: at,
        color,
        size: theme::TEXT_SMALL.into(),
        align_x: align.into(),
        align_y: alignment::Vertical::Top,
        ..Text::default()
    });
}

/// One bar standing on the base line at `height`, filling `share` of its slot's width, with
/// its value above it and its name below.
struct Bar {
    x: f32,
    width: f32,
    share: f32,
    tall: f32,
    color: Color,
    value: String,
    name: String,
}

fn draw_bar(frame: &mut Frame, bar: Bar, height: f32, text: Color) {
    let margin = bar.width * (1.0 - bar.share) / 2.0;
    frame.fill_rectangle(
        Point::new(bar.x + margin, height - bar.tall),
        Size::new(bar.width * bar.share, bar.tall.max(1.0)),
        bar.color,
    );
    let middle = bar.x + bar.width / 2.0;
    label(
        frame,
        bar.value,
        Point::new(middle, (height - bar.tall - 16.0).max(0.0)),
        text,
        alignment::Horizontal::Center,
    );
    label(
        frame,
        fit(&bar.name, bar.width),
        Point::new(middle, height + 4.0),
        text,
        alignment::Horizontal::Center,
    );
}

/// About how wide a character of a label is, as a share of the text size: wide enough for
/// the widest names the dashboard shows ("Measurement", "Materiaal").
const CHAR_WIDTH: f32 = 0.6;

/// `name` as it fits in `width` under its bar: whole, or cut with "…", so neighbours' names
/// never run together in a small window.
fn fit(name: &str, width: f32) -> String {
    let room = ((width - 4.0) / (theme::TEXT_SMALL * CHAR_WIDTH))
        .floor()
        .max(1.0) as usize;
    if name.chars().count() <= room {
        return name.to_owned();
    }
    let mut cut: String = name.chars().take(room.saturating_sub(1).max(1)).collect();
    cut.push('…');
    cut
}

/// Bars with the cumulative percent as a line above them; a click on a bar says which.
pub struct Pareto<Message> {
    /// Per bar: its label, its count and the cumulative percent up to it.
    pub bars: Vec<(String, usize, f64)>,
    /// The bar shown as picked.
    pub picked: Option<usize>,
    /// What a click on bar `n` sends.
    pub on_pick: fn(usize) -> Message,
}

impl<Message> Pareto<Message> {
    fn bar_at(&self, bounds: Size, x: f32) -> Option<usize> {
        let width = (bounds.width - AXIS_ROOM) / self.bars.len().max(1) as f32;
        let n = ((x - AXIS_ROOM) / width).floor();
        (n >= 0.0 && (n as usize) < self.bars.len()).then_some(n as usize)
    }
}

impl<Message: Clone> canvas::Program<Message> for Pareto<Message> {
    type State = ();

    fn update(
        &self,
        _state: &mut (),
        event: &Event,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> Option<canvas::Action<Message>> {
        let Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left)) = event else {
            return None;
        };
        let at = cursor.position_in(bounds)?;
        self.bar_at(bounds.size(), at.x)
            .map(|n| canvas::Action::publish((self.on_pick)(n)).and_capture())
    }

    fn mouse_interaction(
        &self,
        _state: &(),
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> mouse::Interaction {
        match cursor.position_in(bounds) {
            Some(at) if self.bar_at(bounds.size(), at.x).is_some() => mouse::Interaction::Pointer,
            _ => mouse::Interaction::default(),
        }
    }

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let palette = theme.extended_palette();
        let mut frame = Frame::new(renderer, bounds.size());
        let height = bounds.height - LABEL_ROOM;
        let most = self.bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
        let width = (bounds.width - AXIS_ROOM) / self.bars.len().max(1) as f32;
        let text = palette.background.base.text;
        label(
            &mut frame,
            most.to_string(),
            Point::new(0.0, 0.0),
            text,
            alignment::Horizontal::Left,
        );
        let mut line = Vec::new();
        for (n, (name, count, cumulative)) in self.bars.iter().enumerate() {
            let x = AXIS_ROOM + width * n as f32;
            let bar = (height - HEAD_ROOM) * (*count as f32 / most as f32);
            let color = if self.picked == Some(n) {
                palette.primary.strong.color
            } else {
                palette.primary.base.color
            };
            draw_bar(
                &mut frame,
                Bar {
                    x,
                    width,
                    share: 0.7,
                    tall: bar,
                    color,
                    value: count.to_string(),
                    name: name.clone(),
                },
                height,
                text,
            );
            line.push(Point::new(
                x + width / 2.0,
                HEAD_ROOM + (height - HEAD_ROOM) * (1.0 - (*cumulative as f32 / 100.0)),
            ));
        }
        let path = Path::new(|builder| {
            for (n, point) in line.iter().enumerate() {
                if n == 0 {
                    builder.move_to(*point);
                } else {
                    builder.line_to(*point);
                }
            }
        });
        frame.stroke(
            &path,
            Stroke::default()
                .with_width(2.0)
                .with_color(palette.danger.base.color),
        );
        for point in &line {
            frame.fill(&Path::circle(*point, 3.5), palette.danger.base.color);
        }
        label(
            &mut frame,
            "100%".to_owned(),
            Point::new(bounds.width, HEAD_ROOM - 16.0),
            palette.danger.base.color,
            alignment::Horizontal::Right,
        );
        vec![frame.into_geometry()]
    }
}

/// A weekly line with a dashed alarm level; weeks without orders leave a gap.
pub struct Trend {
    /// Per week: its label and its value, if it had orders.
    pub points: Vec<(String, Option<f64>)>,
    /// The top of the scale.
    pub max: f64,
    /// A level to draw across, such as the contacts alarm.
    pub alarm: Option<f64>,
    /// Whether higher is worse (contacts) or better (right first time).
    pub higher_is_worse: bool,
    /// How a value reads on the axis, in a language.
    pub format: fn(f64, Language) -> String,
    /// The language the numbers are written in.
    pub language: Language,
}

impl<Message> canvas::Program<Message> for Trend {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let palette = theme.extended_palette();
        let mut frame = Frame::new(renderer, bounds.size());
        let height = bounds.height - LABEL_ROOM;
        let max = if self.max > 0.0 { self.max } else { 1.0 };
        let step = (bounds.width - AXIS_ROOM) / self.points.len().max(1) as f32;
        // A point at the top of the scale keeps its whole dot in view.
        let top = 6.0;
        let y = |value: f64| top + (height - top) * (1.0 - (value / max).clamp(0.0, 1.0) as f32);
        let text = palette.background.base.text;
        label(
            &mut frame,
            (self.format)(max, self.language),
            Point::new(0.0, 0.0),
            text,
            alignment::Horizontal::Left,
        );
        label(
            &mut frame,
            (self.format)(0.0, self.language),
            Point::new(0.0, height - 14.0),
            text,
            alignment::Horizontal::Left,
        );
        frame.stroke(
            &Path::line(
                Point::new(AXIS_ROOM, height),
                Point::new(bounds.width, height),
            ),
            Stroke::default().with_color(palette.background.strong.color),
        );
        if let Some(alarm) = self.alarm {
            let level = y(alarm);
            let dashes = Path::new(|builder| {
                let mut x = AXIS_ROOM;
                while x < bounds.width {
                    builder.move_to(Point::new(x, level));
                    builder.line_to(Point::new((x + 6.0).min(bounds.width), level));
                    x += 12.0;
                }
            });
            frame.stroke(
                &dashes,
                Stroke::default()
                    .with_width(1.5)
                    .with_color(palette.danger.base.color),
            );
        }
        let mut last: Option<Point> = None;
        let every = (self.points.len() / 8).max(1);
        for (n, (name, value)) in self.points.iter().enumerate() {
            let x = AXIS_ROOM + step * (n as f32 + 0.5);
            if n % every == 0 {
                label(
                    &mut frame,
                    name.clone(),
                    Point::new(x, height + 4.0),
                    text,
                    alignment::Horizontal::Center,
                );
            }
            let Some(value) = value else {
                last = None;
                continue;
            };
            let point = Point::new(x, y(*value));
            if let Some(previous) = last {
                frame.stroke(
                    &Path::line(previous, point),
                    Stroke::default()
                        .with_width(2.0)
                        .with_color(palette.primary.base.color),
                );
            }
            let bad = match self.alarm {
                Some(alarm) if self.higher_is_worse => *value > alarm,
                _ => false,
            };
            let color = if bad {
                palette.danger.base.color
            } else {
                palette.primary.base.color
            };
            frame.fill(&Path::circle(point, 3.5), color);
            last = Some(point);
        }
        vec![frame.into_geometry()]
    }
}

/// Two bars, before and after a fix, in defects per 100 orders.
pub struct BeforeAfter {
    /// Defects per 100 orders before the fix, if there were orders.
    pub before: Option<f64>,
    /// And after it.
    pub after: Option<f64>,
    /// The two bars' labels.
    pub labels: (String, String),
    /// The language the numbers are written in.
    pub language: Language,
}

impl<Message> canvas::Program<Message> for BeforeAfter {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let palette = theme.extended_palette();
        let mut frame = Frame::new(renderer, bounds.size());
        let height = bounds.height - LABEL_ROOM;
        let most = self
            .before
            .unwrap_or(0.0)
            .max(self.after.unwrap_or(0.0))
            .max(0.1);
        let width = bounds.width / 2.0;
        let text = palette.background.base.text;
        let bars = [
            (self.before, &self.labels.0, palette.danger.base.color),
            (self.after, &self.labels.1, palette.success.base.color),
        ];
        for (n, (value, name, color)) in bars.into_iter().enumerate() {
            let x = width * n as f32;
            let bar = value.map_or(0.0, |v| (height - HEAD_ROOM) * (v / most) as f32);
            draw_bar(
                &mut frame,
                Bar {
                    x,
                    width,
                    share: 0.6,
                    tall: bar,
                    color,
                    value: value.map_or_else(|| "–".to_owned(), |v| self.language.decimal(v, 1)),
                    name: name.clone(),
                },
                height,
                text,
            );
        }
        vec![frame.into_geometry()]
    }
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn a_name_fits_its_slot_or_is_cut() {
        assert_eq!(fit("Method", 80.0), "Method");
        let cut = fit("Measurement", 60.0);
        assert!(cut.ends_with('…') && cut.chars().count() < "Measurement".chars().count());
        assert!(cut.starts_with("Meas"), "{cut}");
        // However narrow, something of the name is shown.
        assert_eq!(fit("Measurement", 1.0).chars().count(), 2);
    }
}
