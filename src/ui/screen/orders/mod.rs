//! Orders: the list by month with filters, a new order, and per order its checks, defects
//! and customer contacts.

pub mod check;
