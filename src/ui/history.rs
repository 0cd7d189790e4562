//! Undo and redo within the open record: snapshots of the form, with typing in one
//! field folded into one step, as in any text editor.

/// Past and future versions of an edited value.
#[derive(Debug, Clone)]
pub struct History<T> {
    past: Vec<T>,
    future: Vec<T>,
    last_field: Option<String>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History {
            past: Vec::new(),
            future: Vec::new(),
            last_field: None,
        }
    }
}

/// How many steps back undo reaches.
const DEPTH: usize = 200;

impl<T: Clone> History<T> {
    /// Remembers `before` as the state ahead of an edit to `field`; consecutive edits
    /// of the same field (typing) make one undo step.
    pub fn record(&mut self, before: &T, field: Option<&str>) {
        let same_field = field.is_some() && field == self.last_field.as_deref();
        if !same_field {
            self.past.push(before.clone());
            if self.past.len() > DEPTH {
                self.past.remove(0);
            }
        }
        self.future.clear();
        self.last_field = field.map(str::to_owned);
    }

    /// Steps back; `false` when there is nothing to undo.
    pub fn undo(&mut self, current: &mut T) -> bool {
        let Some(previous) = self.past.pop() else {
            return false;
        };
        self.future.push(std::mem::replace(current, previous));
        self.last_field = None;
        true
    }

    /// Steps forward again; `false` when there is nothing to redo.
    pub fn redo(&mut self, current: &mut T) -> bool {
        let Some(next) = self.future.pop() else {
            return false;
        };
        self.past.push(std::mem::replace(current, next));
        self.last_field = None;
        true
    }

    /// Changes every remembered state, past and future, as `f` says.
    pub fn for_each_mut(&mut self, f: impl FnMut(&mut T)) {
        self.past.iter_mut().chain(&mut self.future).for_each(f);
    }

    /// Whether undo would do something.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether redo would do something.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_in_one_field_is_one_undo_step() {
        let mut history = History::default();
        let mut value = String::new();
        for typed in ["S", "St", "Sta"] {
            history.record(&value, Some("title"));
            value = typed.to_owned();
        }
        history.record(&value, Some("purpose"));
        value.push('!');
        assert!(history.undo(&mut value));
        assert_eq!(value, "Sta");
        assert!(history.undo(&mut value));
        assert_eq!(value, "");
        assert!(!history.undo(&mut value));
        assert!(history.redo(&mut value));
        assert_eq!(value, "Sta");
    }
}
