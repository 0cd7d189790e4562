//! Logging a customer's contact: how, about what, whether we apologised, who took it.
//! It has to take seconds, so everything but "about" is filled in already.

use crate::model::{Channel, Contact, DateTime};
use crate::ui::screen::{Context, PersonChoice};

use super::words::OrderWords;

/// A contact being logged.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactForm {
    pub channel: Channel,
    pub about: String,
    pub apology: bool,
    pub by: Option<PersonChoice>,
}

impl ContactForm {
    /// A phone call taken by the person at the keyboard: the most common case.
    pub fn blank(ctx: &Context) -> ContactForm {
        ContactForm {
            channel: Channel::Phone,
            about: String::new(),
            apology: false,
            by: ctx.me.map(|me| PersonChoice {
                id: me.id.clone(),
                name: me.name.clone(),
            }),
        }
    }

    /// The contact as logged at `at`, or what is missing.
    pub fn finish(&self, at: DateTime, words: &OrderWords) -> Result<Contact, String> {
        let about = self.about.trim();
        if about.is_empty() {
            return Err(words.about_missing.to_owned());
        }
        let by = self.by.as_ref().ok_or(words.taken_by_missing)?;
        Ok(Contact {
            at,
            channel: self.channel,
            by: by.id.clone(),
            about: about.to_owned(),
            apology: self.apology,
        })
    }
}

/// Every channel, in the order the pick-list shows them.
pub const CHANNELS: [Channel; 5] = [
    Channel::Phone,
    Channel::Email,
    Channel::InPerson,
    Channel::Web,
    Channel::Social,
];

/// A channel in the user's words.
pub fn channel_name(channel: Channel, words: &OrderWords) -> &'static str {
    match channel {
        Channel::Phone => words.phone,
        Channel::Email => words.email,
        Channel::InPerson => words.in_person,
        Channel::Web => words.web,
        Channel::Social => words.social,
    }
}

/// A channel as a pick-list entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChannelChoice {
    pub channel: Channel,
    pub name: &'static str,
}

impl std::fmt::Display for ChannelChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}
