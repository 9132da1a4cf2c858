//! The published JSON Schemas of deskhand's reports: one per `schema` name, generated from
//! the very types that are serialized (so they cannot drift from the output), written by
//! `deskhand generate schemas --dir schemas` and committed under `schemas/`. A test checks
//! the committed files are current, and every report the integration tests produce is
//! validated against its schema.

use deskhand_commands::{Outcome, account, inventory, net};
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{Map, Value, json};

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schema of a report document: `{"schema": NAME, "ok", "outcome", "data": T}`.
fn envelope<T: JsonSchema>(name: &str, about: &str) -> Value {
    let mut g = SchemaSettings::draft2020_12().for_serialize().into_generator();
    let data = g.subschema_for::<T>();
    let outcome = g.subschema_for::<Outcome>();
    let mut doc = json!({
        "$schema": DRAFT,
        "title": name,
        "description": about,
        "type": "object",
        "required": ["schema", "ok", "outcome", "data"],
        "properties": {
            "schema": {"const": name},
            "ok": {"type": "boolean", "description": "whether the check passed (exit 0)"},
            "outcome": outcome,
            "data": data,
        },
    });
    add_defs(&mut doc, &mut g);
    doc
}

/// A standalone document (a file deskhand writes, not a report on stdout).
fn document<T: JsonSchema>(name: &str, about: &str) -> Value {
    let mut g = SchemaSettings::draft2020_12().for_serialize().into_generator();
    let mut doc = g.root_schema_for::<T>().to_value();
    if let Some(o) = doc.as_object_mut() {
        o.insert("$schema".into(), DRAFT.into());
        o.insert("title".into(), name.into());
        o.insert("description".into(), about.into());
    }
    add_defs(&mut doc, &mut g);
    doc
}

fn add_defs(doc: &mut Value, g: &mut SchemaGenerator) {
    let defs: Map<String, Value> = g.take_definitions(true);
    if !defs.is_empty()
        && let Some(o) = doc.as_object_mut()
    {
        let entry = o.entry("$defs").or_insert_with(|| Value::Object(Map::new()));
        if let Some(existing) = entry.as_object_mut() {
            existing.extend(defs);
        }
    }
}

/// The error document on stderr (`--output json`).
fn error_schema() -> Value {
    json!({
        "$schema": DRAFT,
        "title": "deskhand.error.v1",
        "description": "an error instead of a report (on stderr with --output json)",
        "type": "object",
        "required": ["schema", "ok", "error"],
        "properties": {
            "schema": {"const": "deskhand.error.v1"},
            "ok": {"const": false},
            "error": {
                "type": "object",
                "required": ["kind", "message", "hint", "exit_code"],
                "properties": {
                    "kind": {"enum": ["usage", "environment", "connection", "unanswered", "interrupted"]},
                    "message": {"type": "string"},
                    "hint": {"type": ["string", "null"]},
                    "exit_code": {"type": "integer"},
                },
            },
        },
    })
}

/// Every schema, by name, in a stable order.
pub fn all() -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = Vec::new();
    let mut add = |name: &str, schema: Value| out.push((name.to_string(), schema));
    add("deskhand.net.ping.v1", envelope::<net::ping::PingReport>("deskhand.net.ping.v1", "net ping"));
    add("deskhand.net.dns.v1", envelope::<net::dns::DnsReport>("deskhand.net.dns.v1", "net dns"));
    add("deskhand.net.port.v1", envelope::<net::port::PortReport>("deskhand.net.port.v1", "net port"));
    add("deskhand.net.check.v1", envelope::<net::check::CheckReport>("deskhand.net.check.v1", "net check"));
    add("deskhand.account.show.v1", envelope::<account::show::AccountStatus>("deskhand.account.show.v1", "account show"));
    add("deskhand.account.find.v1", envelope::<account::find::FindReport>("deskhand.account.find.v1", "account find"));
    add("deskhand.account.locked.v1", envelope::<account::locked::LockedReport>("deskhand.account.locked.v1", "account locked"));
    add("deskhand.account.groups.v1", envelope::<account::groups::GroupsReport>("deskhand.account.groups.v1", "account groups"));
    for (name, about) in [("deskhand.account.expiring.v1", "account expiring"), ("deskhand.account.expired.v1", "account expired")] {
        add(name, envelope::<account::locked::ExpiryReport>(name, about));
    }
    add("deskhand.diagnose.v1", envelope::<deskhand_commands::diagnose::DiagnoseReport>("deskhand.diagnose.v1", "diagnose"));
    add("deskhand.account.reset.v1", envelope::<account::reset::ResetBatch>("deskhand.account.reset.v1", "account reset"));
    for action in ["unlock", "disable", "enable", "expire", "group-add", "group-remove"] {
        let name = format!("deskhand.account.{action}.v1");
        add(&name, envelope::<account::change::ChangeReport>(&name, &format!("account {}", action.replace('-', " "))));
    }
    add("deskhand.account.create.v1", envelope::<account::create::CreateReport>("deskhand.account.create.v1", "account create"));
    add("deskhand.account.onboard.v1", envelope::<account::onboard::OnboardReport>("deskhand.account.onboard.v1", "account onboard"));
    for (name, about) in [("deskhand.account.offboard.v1", "account offboard"), ("deskhand.account.restore.v1", "account restore")] {
        add(name, envelope::<account::offboard::OffboardReport>(name, about));
    }
    for (name, about) in [("deskhand.inventory.list.v1", "inventory list"), ("deskhand.inventory.show.v1", "inventory show")] {
        add(name, envelope::<inventory::query::ListReport>(name, about));
    }
    add("deskhand.inventory.facts.v1", envelope::<inventory::facts::Facts>("deskhand.inventory.facts.v1", "inventory facts"));
    add("deskhand.inventory.check.v1", envelope::<inventory::baseline::CheckReport>("deskhand.inventory.check.v1", "inventory check"));
    add(
        "deskhand.inventory.snapshot-taken.v1",
        envelope::<inventory::query::SnapshotReport>("deskhand.inventory.snapshot-taken.v1", "inventory snapshot"),
    );
    add("deskhand.inventory.diff.v1", envelope::<inventory::snapshot::DiffReport>("deskhand.inventory.diff.v1", "inventory diff"));
    add(
        inventory::snapshot::SCHEMA,
        document::<inventory::snapshot::Snapshot>(inventory::snapshot::SCHEMA, "the snapshot file inventory snapshot writes"),
    );
    add(crate::runbook::SCHEMA, envelope::<crate::runbook::RunReport>(crate::runbook::SCHEMA, "runbook run"));
    add("deskhand.runbook.list.v1", envelope::<crate::runbook::ListReport>("deskhand.runbook.list.v1", "runbook list"));
    add("deskhand.runbook.show.v1", envelope::<crate::runbook::ShowReport>("deskhand.runbook.show.v1", "runbook show"));
    add("deskhand.runbook.validate.v1", envelope::<crate::runbook::ValidateReport>("deskhand.runbook.validate.v1", "runbook validate"));
    add("deskhand.fleet.report.v1", envelope::<crate::fleet::FleetReport>("deskhand.fleet.report.v1", "fleet report"));
    add("deskhand.error.v1", error_schema());
    out
}
