//! `account`: directory account work for the help desk. The connection and its profile
//! live in [`directory`]; what "locked", "disabled" and "must change" mean in each kind
//! of directory lives in [`flavor`]; each verb has its own file.

pub mod audit;
pub mod change;
pub mod create;
pub mod directory;
pub mod escape;
pub mod find;
pub mod flavor;
pub mod groups;
pub mod kerberos;
pub mod locked;
pub mod offboard;
pub mod onboard;
pub mod password;
pub mod pool;
pub mod reset;
pub mod resolve;
pub mod servers;
pub mod show;
pub mod template;
