//! The format reference keeps up with the reader: every field name any record type
//! accepts, and every struct name, appears in `assets/docs/FORMAT.md`.
//!
//! The names come from the types themselves, through a deserializer that records what
//! serde asks for (`deserialize_struct`'s fields, each struct variant's fields), so a field
//! added later without a line in the reference fails here.

use std::cell::RefCell;
use std::collections::BTreeSet;

use serde::de::{self, DeserializeOwned, Deserializer, EnumAccess, VariantAccess, Visitor};

use rightfirst::model::{
    Action, ActionKind, Change, Channel, Check, CheckResult, Checklist, Columns, Contact,
    DateOrder, Defect, FoundBy, ImportMapping, Item, ItemKind, Maker, Order, Outcome, Person,
    Procedure, Recurrence, Role, RootCause, Severity, Signed, Spec, Status, Step, Training,
    Workspace,
};

const REFERENCE: &str = include_str!("../assets/docs/FORMAT.md");

/// What serde asked for: (struct or variant name, its field names).
type Seen = RefCell<BTreeSet<(String, Vec<String>)>>;

#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("recorded")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

/// Records a type's fields, or the fields of its `variant`-th variant, then stops.
struct Recorder<'a> {
    seen: &'a Seen,
    variant: usize,
}

fn record(seen: &Seen, name: &str, fields: &[&str]) {
    seen.borrow_mut().insert((
        name.to_owned(),
        fields.iter().map(|f| (*f).to_owned()).collect(),
    ));
}

impl<'de> Deserializer<'de> for Recorder<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        record(self.seen, name, fields);
        Err(Stop)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Stop> {
        let name = variants.get(self.variant).ok_or(Stop)?;
        visitor.visit_enum(Variant {
            seen: self.seen,
            name,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map identifier
        ignored_any
    }
}

struct Variant<'a> {
    seen: &'a Seen,
    name: &'static str,
}

impl<'de, 'a> EnumAccess<'de> for Variant<'a> {
    type Error = Stop;
    type Variant = Variant<'a>;

    fn variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Variant<'a>), Stop> {
        let value = seed.deserialize(de::value::StrDeserializer::<Stop>::new(self.name))?;
        Ok((value, self))
    }
}

impl<'de> VariantAccess<'de> for Variant<'_> {
    type Error = Stop;

    fn unit_variant(self) -> Result<(), Stop> {
        Err(Stop)
    }

    fn newtype_variant_seed<S: de::DeserializeSeed<'de>>(self, _: S) -> Result<S::Value, Stop> {
        Err(Stop)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        record(self.seen, self.name, fields);
        Err(Stop)
    }
}

/// Every struct and struct variant `T` reads, with the fields it accepts.
fn fields_of<T: DeserializeOwned>(seen: &Seen) {
    // Enough for every variant of our enums; a struct is recorded at the first.
    for variant in 0..16 {
        let _ = T::deserialize(Recorder { seen, variant });
    }
}

/// Every record type of the format, from the files' top down.
fn every_type() -> BTreeSet<(String, Vec<String>)> {
    let seen = Seen::default();
    fields_of::<Workspace>(&seen);
    fields_of::<Person>(&seen);
    fields_of::<Role>(&seen);
    fields_of::<Recurrence>(&seen);
    fields_of::<ImportMapping>(&seen);
    fields_of::<Columns>(&seen);
    fields_of::<Maker>(&seen);
    fields_of::<DateOrder>(&seen);
    fields_of::<Procedure>(&seen);
    fields_of::<Step>(&seen);
    fields_of::<Spec>(&seen);
    fields_of::<Status>(&seen);
    fields_of::<Change>(&seen);
    fields_of::<Checklist>(&seen);
    fields_of::<Item>(&seen);
    fields_of::<ItemKind>(&seen);
    fields_of::<Order>(&seen);
    fields_of::<Check>(&seen);
    fields_of::<CheckResult>(&seen);
    fields_of::<Outcome>(&seen);
    fields_of::<Defect>(&seen);
    fields_of::<FoundBy>(&seen);
    fields_of::<Severity>(&seen);
    fields_of::<RootCause>(&seen);
    fields_of::<Action>(&seen);
    fields_of::<ActionKind>(&seen);
    fields_of::<Contact>(&seen);
    fields_of::<Channel>(&seen);
    fields_of::<Training>(&seen);
    fields_of::<Signed>(&seen);
    seen.into_inner()
}

/// Whether the reference names `field`, as `field:` in an example or `` `field` `` in the text.
fn documented(field: &str) -> bool {
    REFERENCE.contains(&format!("{field}:")) || REFERENCE.contains(&format!("`{field}`"))
}

#[test]
fn every_field_the_reader_accepts_is_in_the_reference() {
    let types = every_type();
    let fields: BTreeSet<&str> = types
        .iter()
        .flat_map(|(_, fields)| fields.iter().map(String::as_str))
        .collect();
    // The recorder reaches every record struct and struct variant, not just a few.
    for name in [
        "Workspace",
        "Procedure",
        "Step",
        "Spec",
        "Approved",
        "Measure",
        "Choice",
        "Result",
        "Action",
    ] {
        assert!(
            types.iter().any(|(seen, _)| seen == name),
            "{name} not recorded: {types:?}"
        );
    }
    assert!(fields.contains("photos") && fields.contains("verified_by"));
    assert!(
        fields.len() > 60,
        "only {} fields: {fields:?}",
        fields.len()
    );
    let missing: Vec<&str> = fields.into_iter().filter(|f| !documented(f)).collect();
    assert!(
        missing.is_empty(),
        "assets/docs/FORMAT.md does not mention these fields: {missing:?}"
    );
    let unnamed: Vec<&str> = types
        .iter()
        .map(|(name, _)| name.as_str())
        .filter(|name| !REFERENCE.contains(&format!("{name}(")))
        .collect();
    assert!(
        unnamed.is_empty(),
        "assets/docs/FORMAT.md shows no example of {unnamed:?}"
    );
}

#[test]
fn a_field_the_reference_leaves_out_would_be_caught() {
    assert!(documented("review_by"));
    assert!(!documented("zz_not_a_field"));
}

#[test]
fn help_format_prints_the_reference_from_the_binary() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .args(["help", "format"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), REFERENCE);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .args(["help", "check"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("path:line:col"));
}
