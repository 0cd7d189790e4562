//! The rules that tie a record to the file it is in, and problems placed at their lines.

use super::super::Finding;
use super::super::layout::{Place, order_parts};
use super::super::locate::locate;
use crate::model::{Date, Field, Order, Problem, Workspace};

/// Turns a record's problems into findings at the lines they are about.
pub(super) fn place_problems(
    path: &str,
    text: &str,
    problems: Vec<Problem>,
    findings: &mut Vec<Finding>,
) {
    findings.extend(problems.into_iter().map(|problem| Finding {
        path: path.to_owned(),
        at: locate(text, &problem.field),
        severity: problem.severity,
        message: problem.message,
    }));
}

fn stem_mismatch(stem: &str, expected: &str, what: &str) -> Option<Problem> {
    (stem != expected).then(|| {
        Problem::error(
            Field::at(if what == "person" { "person" } else { "id" }),
            format!(
                "the file is named \"{stem}.ron\" but the {what} is \"{expected}\"; they must match"
            ),
        )
    })
}

/// The rules that tie a record to the file it is in.
pub(super) fn file_problems(
    path: &str,
    place: &Place,
    id: &str,
    revision: Option<u32>,
) -> Option<Problem> {
    match place {
        Place::Procedure { stem } | Place::Checklist { stem } => stem_mismatch(stem, id, "id"),
        Place::Training { stem } => stem_mismatch(stem, id, "person"),
        Place::ArchivedProcedure { stem } | Place::ArchivedChecklist { stem } => {
            let expected = format!("{id}@{}", revision.unwrap_or_default());
            (*stem != expected).then(|| {
                Problem::error(
                    Field::at("id"),
                    format!("an archived revision is named <id>@<revision>.ron; this one should be \"{expected}.ron\", not \"{stem}.ron\""),
                )
            })
        }
        Place::Order { .. } => stem_mismatch(order_parts(path).1, id, "id"),
        Place::Workspace => None,
    }
}

pub(super) fn order_folder_problem(path: &str, place: &Place, order: &Order) -> Option<Problem> {
    if !matches!(place, Place::Order { .. }) {
        return None;
    }
    let folder = order_parts(path).0;
    if folder.is_some_and(|folder| in_month(folder, order.placed)) {
        return None;
    }
    let month = order.placed.month_folder();
    match folder {
        Some(folder) if folder == month => None,
        Some(folder) => Some(Problem::error(
            Field::at("placed"),
            format!(
                "placed {} belongs in orders/{month}/, not in orders/{folder}/",
                order.placed
            ),
        )),
        None => Some(Problem::error(
            Field::at("placed"),
            format!("orders live in a folder per month: this one belongs in orders/{month}/"),
        )),
    }
}

/// Whether `folder` is the month folder of `day`, as [`Date::month_folder`] names it, told
/// without writing that name: a hundred thousand orders each formatting a string only to
/// compare it showed in a cold `check`. `false` where it cannot tell (a year outside
/// 0-9999): the caller then compares the name itself.
fn in_month(folder: &str, day: Date) -> bool {
    let Ok(year) = u16::try_from(day.year()) else {
        return false;
    };
    let month = day.month() as u8;
    let digit = |n: u16| b'0' + (n % 10) as u8;
    year <= 9999
        && folder.as_bytes()
            == [
                digit(year / 1000),
                digit(year / 100),
                digit(year / 10),
                digit(year),
                b'-',
                b'0' + month / 10,
                b'0' + month % 10,
            ]
}

/// A business always has an Owner who has not left: only an Owner approves, and the window
/// refuses the change that would take the last one away, so a folder without one was
/// hand-edited into it.
pub(super) fn owner_problem(workspace: &Workspace) -> Option<Problem> {
    (!workspace.has_free_owner()).then(|| {
        Problem::error(
            Field::at("staff"),
            "no Owner who has not left; give someone the role Owner, or remove the left date of one",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::in_month;
    use crate::model::Date;

    #[test]
    fn a_folder_is_the_month_of_a_day_exactly_when_month_folder_names_it() {
        let folders = [
            "2026-07", "2026-7", "2026-07 ", "2026_07", "2025-07", "2026-08", "0026-07", "+026-07",
            "0001-01", "1-01", "9999-12", "",
        ];
        for (year, month, day) in [(2026, 7, 31), (1, 1, 1), (26, 7, 1), (9999, 12, 31)] {
            let day = Date::new(year, month, day).expect("a day");
            for folder in folders.iter().copied().chain([day.month_folder().as_str()]) {
                assert_eq!(
                    in_month(folder, day),
                    folder == day.month_folder(),
                    "{folder:?} for {day}"
                );
            }
        }
    }
}
