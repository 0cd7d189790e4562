//! The orders screen's work on the order in front: a new order, a check, a defect and its
//! proposals, a customer contact, and moving through the list.

use super::check;
use super::contact::ContactForm;
use super::new::NewOrder;
use super::words::OrderWords;
use super::{LIST_ID, Message, Note, Orders, Pane, PhotoFor, Work};
use super::{pick_photo, save};
use crate::model::{Defect, Order};
use crate::ui::request::Request;
use crate::ui::screen::Context;
use crate::ui::screen::defects::form::DefectForm;

impl Orders {
    /// Up or down the list the search shows, from the order in front.
    pub(super) fn step(&mut self, search: String, down: bool, ctx: &Context) -> Request<Message> {
        self.derive(ctx, &search);
        let (mut shown, total) = self.listed(ctx, &search);
        let place = |shown: &[&Order]| {
            let selected = self.selected.as_deref()?;
            shown.iter().position(|order| order.id == selected)
        };
        let mut at = place(&shown);
        // Down from the last row drawn: a page more is drawn first.
        if down && at.is_some_and(|at| at + 1 == shown.len()) && self.rows.has_more(total) {
            self.rows.more();
            (shown, _) = self.listed(ctx, &search);
            at = place(&shown);
        }
        let listed: Vec<&str> = shown.into_iter().map(|order| order.id.as_str()).collect();
        let next = match (at, down) {
            (None, _) => Some(0),
            (Some(at), true) => Some(at + 1),
            (Some(at), false) => at.checked_sub(1),
        };
        let Some((next, id)) = next.and_then(|next| Some((next, (*listed.get(next)?).to_owned())))
        else {
            return Request::None;
        };
        self.show(&id);
        // The list's entries are alike in height: the order's place in the list is
        // about its place in the scrolled content, and snapping there keeps it in view.
        Request::Scroll {
            id: LIST_ID,
            y: next as f32 / listed.len().saturating_sub(1).max(1) as f32,
        }
    }

    /// A new order, or the one begun and left.
    pub(super) fn begin_order(&mut self, ctx: &Context) -> Request<Message> {
        self.park();
        self.selected = None;
        self.message = None;
        let form = self.parked_new.take();
        self.pane = Pane::New(form.unwrap_or_else(|| NewOrder::blank(ctx)));
        Request::Focus("order-product".to_owned())
    }

    pub(super) fn save_new(&mut self, ctx: &Context) -> Request<Message> {
        let Pane::New(form) = &self.pane else {
            return Request::None;
        };
        if ctx.read_only {
            self.message = Some(Note::ErrorWord(|w| w.read_only));
            return Request::None;
        }
        match form.finish(ctx.records, ctx.language) {
            Ok(order) => save(order),
            // Said when drawn, in the language of then, of the form as it is then.
            Err(_) => {
                self.message = Some(Note::Refused);
                Request::None
            }
        }
    }

    pub(super) fn new_defect(&mut self, ctx: &Context) -> Request<Message> {
        let Some(order) = self.order(ctx) else {
            return Request::None;
        };
        self.message = None;
        self.pane = Pane::Order(Work::Defect {
            form: Box::new(DefectForm::new(blank_defect(order, ctx))),
            proposals: Vec::new(),
            proposed: false,
        });
        Request::Focus("defect-description".to_owned())
    }

    pub(super) fn open_defect(&mut self, id: String, ctx: &Context) -> Request<Message> {
        let Some(defect) = self
            .order(ctx)
            .and_then(|order| order.defects.iter().find(|d| d.id == id))
        else {
            return Request::None;
        };
        self.message = None;
        self.pane = Pane::Order(Work::Defect {
            form: Box::new(DefectForm::new(defect.clone())),
            proposals: Vec::new(),
            proposed: false,
        });
        Request::None
    }

    /// On to the next defect a failed check proposed, or back to the order.
    pub(super) fn skip_proposal(&mut self) -> Request<Message> {
        let Pane::Order(Work::Defect {
            proposals,
            proposed: true,
            ..
        }) = &mut self.pane
        else {
            return Request::None;
        };
        self.pane = if proposals.is_empty() {
            Pane::Order(Work::Overview)
        } else {
            let next = proposals.remove(0);
            Pane::Order(Work::Defect {
                form: Box::new(DefectForm::new(next)),
                proposals: std::mem::take(proposals),
                proposed: true,
            })
        };
        Request::None
    }

    pub(super) fn save_contact(&mut self, ctx: &Context) -> Request<Message> {
        let words = OrderWords::of(ctx.language);
        let (Some(order), Pane::Order(Work::Contact(form))) = (self.order(ctx), &self.pane) else {
            return Request::None;
        };
        match form.finish(ctx.now, words) {
            Ok(contact) => {
                let mut order = order.clone();
                order.contacts.push(contact);
                self.save(order, ctx)
            }
            // Said when drawn, in the language of then, of the form as it is then.
            Err(_) => {
                self.message = Some(Note::Refused);
                Request::None
            }
        }
    }

    pub(super) fn close(&mut self) -> Request<Message> {
        self.message = None;
        self.proposals.clear();
        self.pane = match (&self.pane, &self.selected) {
            (Pane::Order(Work::Overview) | Pane::Empty | Pane::New(_), _) | (_, None) => {
                self.selected = None;
                Pane::Empty
            }
            (_, Some(_)) => Pane::Order(Work::Overview),
        };
        Request::None
    }

    /// A photo copied into the workspace, for the check item or defect that asked.
    pub(super) fn photo_attached(&mut self, photo: PhotoFor, path: String) {
        match (&mut self.pane, photo) {
            (Pane::Order(Work::Check(runner)), PhotoFor::Item(item)) => {
                runner.photo_attached(&item, path)
            }
            (Pane::Order(Work::Defect { form, .. }), PhotoFor::Defect) => form.add_photo(path),
            _ => {}
        }
    }

    pub(super) fn edit_new(&mut self, edit: impl FnOnce(&mut NewOrder)) -> Request<Message> {
        if let Pane::New(form) = &mut self.pane {
            edit(form);
        }
        Request::None
    }

    pub(super) fn edit_contact(&mut self, edit: impl FnOnce(&mut ContactForm)) -> Request<Message> {
        if let Pane::Order(Work::Contact(form)) = &mut self.pane {
            edit(form);
        }
        Request::None
    }

    pub(super) fn save(&mut self, order: Order, ctx: &Context) -> Request<Message> {
        if ctx.read_only {
            self.message = Some(Note::ErrorWord(|w| w.read_only));
            return Request::None;
        }
        save(order)
    }

    pub(super) fn check(&mut self, message: check::Message, ctx: &Context) -> Request<Message> {
        let Some(order) = self.order(ctx) else {
            return Request::None;
        };
        let Pane::Order(Work::Check(runner)) = &mut self.pane else {
            return Request::None;
        };
        match runner.update(message, order, ctx) {
            check::Event::None => Request::None,
            check::Event::Cancel => {
                self.pane = Pane::Order(Work::Overview);
                Request::None
            }
            check::Event::Focus(id) => Request::Focus(id),
            check::Event::PickPhoto(item) => pick_photo(PhotoFor::Item(item)),
            check::Event::Done { check, proposals } => {
                let mut saved = order.clone();
                saved.checks.push(check);
                // The check is saved first; its proposals follow one at a time, and a
                // proposal's id must not collide with the ones before it.
                self.proposals = number_proposals(&saved, proposals, ctx.desk);
                self.save(saved, ctx)
            }
        }
    }

    pub(super) fn save_defect(&mut self, ctx: &Context) -> Request<Message> {
        let (Some(order), Pane::Order(Work::Defect { form, .. })) = (self.order(ctx), &self.pane)
        else {
            return Request::None;
        };
        match form.finish(ctx) {
            Ok(defect) => {
                let mut order = order.clone();
                match order.defects.iter_mut().find(|d| d.id == defect.id) {
                    Some(old) => *old = defect,
                    None => order.defects.push(defect),
                }
                self.save(order, ctx)
            }
            // Said when drawn, in the language of then, of the form as it is then.
            Err(_) => {
                self.message = Some(Note::Refused);
                Request::None
            }
        }
    }
}

/// Gives proposals ids that follow the order's defects and each other: d1, d2, …
pub(super) fn number_proposals(
    order: &Order,
    proposals: Vec<Defect>,
    desk: Option<crate::model::Desk>,
) -> Vec<Defect> {
    let mut taken = order.clone();
    proposals
        .into_iter()
        .map(|mut defect| {
            defect.id = taken.next_defect_id_at(desk);
            taken.defects.push(defect.clone());
            defect
        })
        .collect()
}

/// A defect found by the person at the keyboard today, for them to fill in.
fn blank_defect(order: &Order, ctx: &Context) -> Defect {
    Defect {
        id: order.next_defect_id_at(ctx.desk),
        found: ctx.today,
        found_by: match ctx.me {
            Some(me) => crate::model::FoundBy::Staff(me.id.clone()),
            None => crate::model::FoundBy::Customer,
        },
        category: ctx
            .records
            .workspace
            .defect_categories
            .first()
            .cloned()
            .unwrap_or_default(),
        procedure: None,
        step: None,
        severity: crate::model::Severity::Minor,
        description: String::new(),
        cost_cents: 0,
        root_cause: None,
        action: None,
        photos: Vec::new(),
    }
}
