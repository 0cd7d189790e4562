use super::*;
use crate::model::Pin;

fn day(d: i8) -> Date {
    Date::new(2026, 11, d).expect("a day")
}

/// Anna (Owner) and Bram (Staff), no records.
fn shop() -> Workspace {
    let mut workspace = Workspace::new("IJssalon De Hoorn");
    workspace.add_person("Anna de Vries", Role::Owner).unwrap();
    workspace.add_person("Bram Jansen", Role::Staff).unwrap();
    workspace
}

fn ids(people: &[&Person]) -> Vec<String> {
    people.iter().map(|p| p.id.clone()).collect()
}

#[test]
fn ids_come_from_names_and_stay_unique() {
    let none = |_: &str| false;
    assert_eq!(person_id_from("Piet Jansen", none).unwrap(), "piet-jansen");
    assert_eq!(
        person_id_from("  Zoë  Ĳsselmeer ", none).unwrap(),
        "zoe-ysselmeer"
    );
    assert_eq!(
        person_id_from("Renée O'Brien-Smit", none).unwrap(),
        "renee-o-brien-smit"
    );
    let taken = |id: &str| id == "piet-jansen" || id == "piet-jansen-2";
    assert_eq!(
        person_id_from("Piet Jansen", taken).unwrap(),
        "piet-jansen-3"
    );
    assert_eq!(person_id_from("李", none).unwrap(), "person");
    for blank in ["", "   ", "\t\n"] {
        assert_eq!(person_id_from(blank, none), Err(PeopleError::NoName));
    }
}

#[test]
fn two_people_with_one_name_get_two_ids() {
    let mut workspace = shop();
    assert_eq!(
        workspace.add_person("Piet Jansen", Role::Staff).unwrap(),
        "piet-jansen"
    );
    assert_eq!(
        workspace.add_person(" Piet Jansen ", Role::Staff).unwrap(),
        "piet-jansen-2"
    );
    let second = workspace.person("piet-jansen-2").unwrap();
    assert_eq!(second.name, "Piet Jansen");
    assert_eq!((second.left, second.pin.clone()), (None, None));
    assert_eq!(
        workspace.add_person(" ", Role::Owner),
        Err(PeopleError::NoName)
    );
    assert_eq!(workspace.staff.len(), 4);
}

#[test]
fn a_new_business_has_its_owner_and_the_defaults() {
    let workspace = Workspace::for_business(" Bakkerij Jansen ", "Piet Jansen", Language::Nl)
        .expect("a business");
    let mut expected = Workspace::new("Bakkerij Jansen");
    expected.language = "nl".into();
    expected.add_person("Piet Jansen", Role::Owner).unwrap();
    assert_eq!(workspace, expected);
    assert_eq!(workspace.staff[0].id, "piet-jansen");
    assert_eq!(
        Workspace::for_business("  ", "Piet", Language::En),
        Err(PeopleError::NoBusinessName)
    );
    assert_eq!(
        Workspace::for_business("Bakkerij", "", Language::En),
        Err(PeopleError::NoName)
    );
}

#[test]
fn a_leaver_is_offered_until_the_day_they_leave() {
    let mut workspace = shop();
    workspace.set_left("bram-jansen", Some(day(15))).unwrap();
    assert_eq!(
        ids(&workspace.offered(day(14))),
        ["anna-de-vries", "bram-jansen"]
    );
    assert_eq!(ids(&workspace.offered(day(15))), ["anna-de-vries"]);
    assert_eq!(ids(&workspace.offered(day(30))), ["anna-de-vries"]);
    // Back on the staff.
    workspace.set_left("bram-jansen", None).unwrap();
    assert_eq!(workspace.offered(day(30)).len(), 2);
    assert_eq!(
        workspace.set_left("nobody", Some(day(1))),
        Err(PeopleError::Unknown("nobody".into()))
    );
}

#[test]
fn there_is_always_an_owner_who_has_not_left() {
    let records = Records::new(Workspace::new("x"));
    let mut workspace = shop();
    let last = PeopleError::LastOwner {
        id: "anna-de-vries".into(),
        name: "Anna de Vries".into(),
    };
    assert_eq!(
        workspace.set_left("anna-de-vries", Some(day(1))),
        Err(last.clone())
    );
    assert_eq!(
        workspace.set_role("anna-de-vries", Role::Staff, &records),
        Err(last.clone())
    );
    assert_eq!(
        workspace.remove_person("anna-de-vries", &records).err(),
        Some(last)
    );
    assert_eq!(workspace, shop(), "a refused change changes nothing");
    // With a second owner, the first may leave; then the second is the last.
    workspace
        .set_role("bram-jansen", Role::Owner, &records)
        .unwrap();
    workspace.set_left("anna-de-vries", Some(day(1))).unwrap();
    assert!(workspace.has_free_owner());
    assert!(matches!(
        workspace.set_left("bram-jansen", Some(day(2))),
        Err(PeopleError::LastOwner { .. })
    ));
}

#[test]
fn a_business_without_a_free_owner_can_still_be_mended() {
    let records = Records::new(Workspace::new("x"));
    let mut workspace = shop();
    // As a hand edit could leave it: the only owner has left.
    workspace.staff[0].left = Some(day(1));
    assert!(!workspace.has_free_owner());
    workspace.add_person("Cor", Role::Staff).unwrap();
    workspace.remove_person("cor", &records).unwrap();
    workspace
        .set_role("bram-jansen", Role::Owner, &records)
        .unwrap();
    assert!(workspace.has_free_owner());
}

#[test]
fn an_owner_who_approved_stays_an_owner() {
    let mut records = Records::new(shop());
    let mut checklist = crate::model::Checklist {
        id: "cone-check".into(),
        title: "Cone check".into(),
        procedure: None,
        four_eyes: true,
        revision: 1,
        status: Status::Approved {
            by: "anna-de-vries".into(),
            on: day(2),
        },
        items: Vec::new(),
        changes: Vec::new(),
    };
    records.checklists.push(checklist.clone());
    checklist.status = Status::Draft;
    checklist.id = "other".into();
    records.checklists.push(checklist);
    let mut workspace = records.workspace.clone();
    workspace.add_person("Cor", Role::Owner).unwrap();
    assert_eq!(
        workspace.set_role("anna-de-vries", Role::Staff, &records),
        Err(PeopleError::Approved {
            id: "anna-de-vries".into(),
            records: vec![NamedIn::Checklist("cone-check".into())],
        })
    );
    workspace.set_role("cor", Role::Staff, &records).unwrap();
    assert_eq!(
        workspace
            .remove_person("anna-de-vries", &records)
            .map(|p| p.id),
        Err(PeopleError::Named {
            id: "anna-de-vries".into(),
            records: vec![NamedIn::Checklist("cone-check".into())],
        })
    );
    assert_eq!(
        workspace.remove_person("cor", &records).unwrap().name,
        "Cor"
    );
}

#[test]
fn a_pin_is_kept_as_a_hash_and_an_owner_can_clear_it() {
    let mut workspace = shop();
    let pin = Pin::parse("4711").unwrap();
    workspace.set_pin("bram-jansen", &pin).unwrap();
    let kept = workspace
        .person("bram-jansen")
        .unwrap()
        .pin
        .clone()
        .unwrap();
    assert!(crate::model::verify_pin(&kept, &pin));
    assert!(workspace.person("bram-jansen").unwrap().has_pin());
    workspace.clear_pin("bram-jansen").unwrap();
    assert!(!workspace.person("bram-jansen").unwrap().has_pin());
    assert_eq!(
        workspace.set_pin("nobody", &pin),
        Err(PeopleError::Unknown("nobody".into()))
    );
}
