//! The runbook engine through its seams: a fake [`StepRunner`] that records each argv
//! and answers as told, and fake prompters. Table-driven where the cases are alike.

use super::*;
use serde_json::json;
use std::cell::RefCell;
use std::fmt::Write as _;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::time::Duration;

fn load_text(text: &str) -> Runbook {
    match parse(text, Path::new("t.yaml")) {
        Ok(rb) => rb,
        Err(e) => panic!("did not load:\n{e}"),
    }
}

/// Every problem as `file:line:col: message`.
fn problems(text: &str) -> Vec<String> {
    match parse(text, Path::new("t.yaml")) {
        Ok(_) => panic!("loaded, but should not:\n{text}"),
        Err(e) => e.problems.iter().map(|p| format!("{}: {}", e.at(p), p.message)).collect(),
    }
}

/// The one problem of a file.
fn problem(text: &str) -> String {
    let p = problems(text);
    assert_eq!(p.len(), 1, "{p:#?}");
    p[0].clone()
}

fn given(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect()
}

fn params_of(rb: &Runbook, pairs: &[(&str, &str)]) -> Params {
    resolve_params(rb, &given(pairs), &NoPrompt).unwrap()
}

/// What the fake answers.
enum Reply {
    Out(StepOutput),
    /// Never answers (a hung command).
    Hang,
}

fn envelope(ok: bool, data: serde_json::Value) -> serde_json::Value {
    let mut e = json!({"schema": "deskhand.test.v1", "ok": ok, "outcome": if ok { "ok" } else { "check_failed" }});
    e["data"] = data;
    e
}

fn ok(data: serde_json::Value) -> Reply {
    Reply::Out(StepOutput { exit: 0, json: Some(envelope(true, data)), ..StepOutput::default() })
}

fn no(data: serde_json::Value) -> Reply {
    Reply::Out(StepOutput { exit: 1, json: Some(envelope(false, data)), ..StepOutput::default() })
}

fn err(exit: i32, msg: &str) -> Reply {
    Reply::Out(StepOutput { exit, error: Some(msg.into()), ..StepOutput::default() })
}

type Respond = Box<dyn Fn(&[String], usize) -> Reply>;

/// Records every argv; answers with `respond(argv, how many times this argv ran before)`.
struct Fake {
    calls: RefCell<Vec<Vec<String>>>,
    respond: Respond,
}

impl Fake {
    fn new(respond: impl Fn(&[String], usize) -> Reply + 'static) -> Self {
        Self { calls: RefCell::new(Vec::new()), respond: Box::new(respond) }
    }

    fn always_ok() -> Self {
        Self::new(|_, _| ok(json!({})))
    }

    fn calls(&self) -> Vec<Vec<String>> {
        self.calls.borrow().clone()
    }
}

impl StepRunner for Fake {
    fn run<'a>(&'a self, argv: &'a [String]) -> Pin<Box<dyn Future<Output = StepOutput> + 'a>> {
        let before = self.calls.borrow().iter().filter(|c| c.as_slice() == argv).count();
        self.calls.borrow_mut().push(argv.to_vec());
        let reply = (self.respond)(argv, before);
        Box::pin(async move {
            match reply {
                Reply::Out(o) => o,
                Reply::Hang => {
                    tokio::time::sleep(Duration::from_secs(3600)).await;
                    StepOutput::default()
                }
            }
        })
    }
}

/// Answers prompts as told, and counts the questions.
struct Asks {
    value: Option<String>,
    confirm: Option<bool>,
    asked: RefCell<Vec<String>>,
}

impl Asks {
    fn new(value: Option<&str>, confirm: Option<bool>) -> Self {
        Self { value: value.map(str::to_string), confirm, asked: RefCell::new(Vec::new()) }
    }
}

impl Prompter for Asks {
    fn value(&self, param: &Param) -> Result<Option<String>, deskhand_commands::CommandError> {
        self.asked.borrow_mut().push(param.name.clone());
        Ok(self.value.clone())
    }

    fn confirm(&self, question: &str) -> Option<bool> {
        self.asked.borrow_mut().push(question.to_string());
        self.confirm
    }
}

fn opts(prompter: &dyn Prompter) -> RunOptions<'_> {
    RunOptions { dry_run: false, ticket: None, yes: false, prompter, observer: &Quiet, interrupt: Interrupt::new(), default_timeout: None }
}

async fn run_with(rb: &Runbook, pairs: &[(&str, &str)], o: &RunOptions<'_>, fake: &Fake) -> RunReport {
    let p = params_of(rb, pairs);
    match run(rb, &p, o, fake).await {
        Ok(r) => r,
        Err(e) => panic!("run did not start: {}", e.message),
    }
}

fn argv(words: &[&str]) -> Vec<String> {
    words.iter().map(|s| (*s).to_string()).collect()
}

fn statuses(r: &RunReport) -> Vec<(&str, StepStatus)> {
    r.steps.iter().map(|s| (s.id.as_str(), s.status)).collect()
}

// ---------------------------------------------------------------- arguments, injection

const ACCOUNT: &str =
    "params:\n  user: { required: true }\n  groups: { type: list, default: [vpn, wifi] }\n  why: { default: none given }\n";

#[tokio::test]
async fn a_value_is_always_exactly_one_argument() {
    let rb = load_text(&format!(
        "{ACCOUNT}steps:\n  - id: show\n    run: account show {{{{ user }}}}\n  - id: add\n    run: [account, group, add, \"{{{{ user }}}}\", \"{{{{ groups }}}}\"]\n  - id: why\n    run: account unlock {{{{ user }}}} --reason={{{{ why }}}}\n"
    ));
    let fake = Fake::always_ok();
    let r = run_with(&rb, &[("user", "a b"), ("why", "-n --dry-run; rm -rf /")], &opts(&NoPrompt), &fake).await;
    assert_eq!(r.status, StepStatus::Ok, "{r:#?}");
    assert_eq!(
        fake.calls(),
        [
            argv(&["account", "show", "a b"]),
            argv(&["account", "group", "add", "a b", "vpn", "wifi"]),
            argv(&["account", "unlock", "a b", "--reason=-n --dry-run; rm -rf /"]),
        ]
    );
    // A list given on the command line: comma-separated, or repeated.
    let fake = Fake::always_ok();
    run_with(&rb, &[("user", "bob"), ("groups", "x, y"), ("groups", "z")], &opts(&NoPrompt), &fake).await;
    assert_eq!(fake.calls()[1], argv(&["account", "group", "add", "bob", "x", "y", "z"]));
}

#[tokio::test]
async fn a_value_never_becomes_an_option() {
    let rb = load_text(&format!(
        "{ACCOUNT}steps:\n  - id: show\n    run: account show {{{{ user }}}}\n  - id: add\n    run: account group add bob {{{{ groups }}}}\n"
    ));
    for (k, v) in [("user", "--all-servers"), ("user", "-"), ("user", "--"), ("groups", "ok,--dry-run")] {
        let fake = Fake::always_ok();
        let mut pairs = vec![(k, v)];
        if k != "user" {
            pairs.push(("user", "bob"));
        }
        let p = params_of(&rb, &pairs);
        let e = run(&rb, &p, &opts(&NoPrompt), &fake).await.unwrap_err();
        assert!(e.message.contains("begins with '-'") && e.message.contains("cannot start"), "{v}: {}", e.message);
        assert!(e.message.contains("t.yaml:"), "{}", e.message);
        assert!(fake.calls().is_empty(), "nothing runs when a value would be an option");
    }
    // After a literal `--` it is a plain argument; the run's flags go before the `--`.
    let rb = load_text(&format!("{ACCOUNT}steps:\n  - id: unlock\n    run: account unlock -- {{{{ user }}}}\n"));
    let fake = Fake::always_ok();
    let mut o = opts(&NoPrompt);
    o.dry_run = true;
    o.ticket = Some("-T1".into());
    run_with(&rb, &[("user", "-bob")], &o, &fake).await;
    assert_eq!(fake.calls(), [argv(&["account", "unlock", "--dry-run", "--ticket=-T1", "--", "-bob"])]);
}

#[tokio::test]
async fn a_value_from_a_steps_result_is_held_to_the_same_rule() {
    let rb = load_text(
        "steps:\n  - id: find\n    run: account find smith\n  - id: show\n    run: account show {{ steps.find.data.login }}\n  - id: after\n    run: net ping 127.0.0.1\n",
    );
    let fake = Fake::new(|a, _| if a[1] == "find" { ok(json!({"login": "-rf"})) } else { ok(json!({})) });
    let r = run_with(&rb, &[], &opts(&NoPrompt), &fake).await;
    assert_eq!(statuses(&r), [("find", StepStatus::Ok), ("show", StepStatus::Failed), ("after", StepStatus::NotRun)]);
    assert!(r.steps[1].summary.contains("begins with '-'"), "{}", r.steps[1].summary);
    assert_eq!(r.steps[1].exit_code, Some(2));
    assert_eq!(fake.calls().len(), 1);
    assert_eq!(r.exit_code, 2);
}

#[tokio::test]
async fn optional_options_come_from_if_blocks() {
    let rb = load_text(
        "params:\n  user: { required: true }\n  out: {}\n  flag: {}\nsteps:\n  - id: reset\n    run: account reset {{ user }} {% if out %}--password-out={{ out }}{% endif %}\n",
    );
    for (pairs, want) in [
        (vec![("user", "bob")], argv(&["account", "reset", "bob"])),
        (vec![("user", "bob"), ("out", "/tmp/p w")], argv(&["account", "reset", "bob", "--password-out=/tmp/p w"])),
    ] {
        let fake = Fake::always_ok();
        run_with(&rb, &pairs, &opts(&NoPrompt), &fake).await;
        assert_eq!(fake.calls(), [want]);
    }
    // A value inside an option's name is refused, whether written plainly or in a block.
    for run in ["account reset bob -{{ flag }}", "account reset bob -p{{ flag }}", "account reset bob {% if flag %}-{{ flag }}{% endif %}"]
    {
        let text = format!("params:\n  flag: {{ default: n }}\nsteps:\n  - id: x\n    run: {run}\n");
        let p = problem(&text);
        assert!(p.contains("cannot make an option's name"), "{run}: {p}");
    }
}

#[test]
fn the_command_is_written_out_not_templated() {
    let p = problem("params:\n  area: { default: account }\nsteps:\n  - id: x\n    run: '{{ area }} show bob'\n");
    assert_eq!(p, "t.yaml:5:11: step `x`: a template cannot choose the command; write `account show` out");
}

// ---------------------------------------------------------------- steps.<id>, when, until

#[tokio::test]
async fn later_steps_read_earlier_results() {
    let rb = load_text(
        "steps:\n  - id: a\n    run: account show bob\n    continue_on_error: true\n  - id: b\n    when: >-\n      not steps.a.ok and steps.a.status == 'check_failed' and steps.a.exit == 1\n      and steps.a.outcome == 'check_failed' and steps.a.data.reasons[0] == 'locked' and steps.a.attempts == 1\n      and steps.a.schema == 'deskhand.test.v1' and steps.a.error is none\n    run: account unlock {{ steps.a.data.login }}\n  - id: c\n    when: steps.b.ok\n    run: account groups {{ steps.a.data.login }}\n",
    );
    let fake = Fake::new(|a, _| {
        if a[1] == "show" && a.len() == 3 && a[2] == "bob" { no(json!({"login": "bob", "reasons": ["locked"]})) } else { ok(json!({})) }
    });
    let r = run_with(&rb, &[], &opts(&NoPrompt), &fake).await;
    assert_eq!(statuses(&r), [("a", StepStatus::CheckFailed), ("b", StepStatus::Ok), ("c", StepStatus::Ok)]);
    assert_eq!(fake.calls()[1], argv(&["account", "unlock", "bob"]));
    // continue_on_error lets the run go on, but the run still says no.
    assert_eq!((r.status, r.exit_code), (StepStatus::CheckFailed, 1));
    assert_eq!(r.summary, "3 steps: 2 ok, 1 check failed");
}

#[test]
fn a_bare_closer_in_an_expression_is_a_problem_not_a_panic() {
    // minijinja's expression lexer panics on a bare `}}` ("empty lexer stack"); found by
    // the runbook fuzz target.
    for when in ["hosts | length }}> 3", "}}", "x }} y"] {
        let p = problem(&format!(
            "params:\n  hosts: {{ type: list, default: [] }}\nsteps:\n  - id: a\n    when: \"{when}\"\n    run: net ping 127.0.0.1\n"
        ));
        assert!(p.contains("has no place in an expression"), "{when}: {p}");
    }
    // Inside a string it is text.
    load_text(
        "params:\n  hosts: { type: list, default: [] }\nsteps:\n  - id: a\n    when: \"hosts | join(',') != '}}'\"\n    run: net ping 127.0.0.1\n",
    );
}

#[tokio::test]
async fn when_false_skips_and_failure_stops_the_run() {
    let rb = load_text(
        "params:\n  go: { type: bool, default: false }\nsteps:\n  - id: maybe\n    when: go\n    run: net ping 127.0.0.1\n  - id: down\n    run: net ping 192.0.2.1\n  - id: never\n    run: net ping 127.0.0.2\n",
    );
    let fake = Fake::new(|a, _| if a[2] == "192.0.2.1" { err(3, "cannot connect\nhint: more") } else { ok(json!({})) });
    let r = run_with(&rb, &[], &opts(&NoPrompt), &fake).await;
    assert_eq!(statuses(&r), [("maybe", StepStatus::Skipped), ("down", StepStatus::Failed), ("never", StepStatus::NotRun)]);
    assert_eq!(r.steps[0].summary, "skipped: `go` is false");
    assert_eq!(r.steps[1].summary, "cannot connect");
    assert_eq!(r.steps[2].summary, "not run: step `down` failed");
    assert_eq!((r.status, r.exit_code), (StepStatus::Failed, 3));
    assert_eq!(fake.calls().len(), 1);
    // A usage failure alone is exit 2.
    let fake = Fake::new(|_, _| err(2, "bad"));
    let r = run_with(&rb, &[("go", "yes")], &opts(&NoPrompt), &fake).await;
    assert_eq!((r.status, r.exit_code), (StepStatus::Failed, 2));
}

#[tokio::test]
async fn a_change_without_an_answer_is_unknown_and_stops_the_run() {
    let rb = load_text("steps:\n  - id: unlock\n    run: account unlock -f users.txt\n  - id: after\n    run: account show bob\n");
    // The command's own report says `unknown` (some unlock went out, no answer came).
    let fake = Fake::new(|a, _| {
        if a[1] == "unlock" {
            let mut json = envelope(false, json!({"summary": {"changed": 3, "unknown": 2}}));
            json["outcome"] = json!("unknown");
            Reply::Out(StepOutput { exit: 3, json: Some(json), unknown: true, ..StepOutput::default() })
        } else {
            ok(json!({}))
        }
    });
    let r = run_with(&rb, &[], &opts(&NoPrompt), &fake).await;
    assert_eq!(statuses(&r), [("unlock", StepStatus::Unknown), ("after", StepStatus::NotRun)]);
    assert_eq!(r.steps[1].summary, "not run: step `unlock` sent changes that got no answer (a rerun settles them)");
    assert_eq!((r.status, r.exit_code, r.outcome()), (StepStatus::Unknown, 3, deskhand_commands::Outcome::Unknown));
    assert_eq!(r.summary, "2 steps: 1 unknown, 1 not run");
}

#[tokio::test]
async fn retries_until_a_condition_holds() {
    let rb = load_text(
        "steps:\n  - id: wait\n    run: net check 127.0.0.1:22\n    retries: 4\n    delay: 10ms\n    until: result.ok and result.data.up\n  - id: again\n    run: net ping 127.0.0.1\n    retries: 2\n    delay: 1ms\n",
    );
    // Down twice, up-but-not-ready once, then ready.
    let fake = Fake::new(|a, n| match (a[1].as_str(), n) {
        ("check", 0 | 1) => no(json!({"up": false})),
        ("check", 2) => ok(json!({"up": false})),
        ("check", _) => ok(json!({"up": true})),
        (_, 0) => err(3, "flaky"),
        _ => ok(json!({})),
    });
    let r = run_with(&rb, &[], &opts(&NoPrompt), &fake).await;
    assert_eq!(statuses(&r), [("wait", StepStatus::Ok), ("again", StepStatus::Ok)]);
    assert_eq!((r.steps[0].attempts, r.steps[1].attempts), (4, 2));
    assert!(r.steps[0].summary.ends_with("(attempt 4 of 5)"), "{}", r.steps[0].summary);
    // Never holds: the check said no, after every attempt.
    let fake = Fake::new(|_, _| ok(json!({"up": false})));
    let r = run_with(&rb, &[], &opts(&NoPrompt), &fake).await;
    assert_eq!(statuses(&r), [("wait", StepStatus::CheckFailed), ("again", StepStatus::NotRun)]);
    assert_eq!(r.steps[0].attempts, 5);
    assert!(r.steps[0].summary.starts_with("`result.ok and result.data.up` still false after 5 attempts"), "{}", r.steps[0].summary);
    // `until` may wait for a check to say no (an account that must stop logging in).
    let rb = load_text(
        "steps:\n  - id: gone\n    run: account show bob\n    until: result.data and not result.data.can_log_in\n    retries: 1\n    delay: 1ms\n",
    );
    let fake = Fake::new(|_, n| if n == 0 { ok(json!({"can_log_in": true})) } else { no(json!({"can_log_in": false})) });
    let r = run_with(&rb, &[], &opts(&NoPrompt), &fake).await;
    assert_eq!((statuses(&r), r.steps[0].exit_code, r.exit_code), (vec![("gone", StepStatus::Ok)], Some(1), 0));
    // An `until` that cannot be evaluated is the runbook's fault: exit 2, and the data stays.
    let fake = Fake::new(|_, _| ok(json!({"other": 1})));
    let r = run_with(&rb, &[], &opts(&NoPrompt), &fake).await;
    assert_eq!((r.steps[0].status, r.steps[0].exit_code, r.exit_code), (StepStatus::Failed, Some(2), 2));
    assert!(r.steps[0].summary.starts_with("until `result.data and not result.data.can_log_in`: "), "{}", r.steps[0].summary);
    assert_eq!(r.steps[0].report.as_ref().unwrap()["data"]["other"], 1);
}

#[tokio::test]
async fn a_hung_step_times_out() {
    let rb = load_text("steps:\n  - id: hang\n    run: net ping 127.0.0.1\n    timeout: 50ms\n  - id: next\n    run: net ping 127.0.0.1\n");
    let fake = Fake::new(|_, _| Reply::Hang);
    let r = run_with(&rb, &[], &opts(&NoPrompt), &fake).await;
    assert_eq!(statuses(&r), [("hang", StepStatus::Failed), ("next", StepStatus::NotRun)]);
    assert_eq!(r.steps[0].summary, "timed out after 50 ms");
    assert_eq!((r.steps[0].exit_code, r.exit_code), (Some(3), 3));
    // The run's default timeout covers steps without one.
    let rb = load_text("steps:\n  - id: hang\n    run: net ping 127.0.0.1\n");
    let mut o = opts(&NoPrompt);
    o.default_timeout = Some(Duration::from_millis(20));
    let r = run_with(&rb, &[], &o, &Fake::new(|_, _| Reply::Hang)).await;
    assert_eq!(r.steps[0].summary, "timed out after 20 ms");
}

#[tokio::test]
async fn ctrl_c_stops_the_run_with_the_report_so_far() {
    let rb = load_text(
        "steps:\n  - id: first\n    run: net ping 127.0.0.1\n  - id: hang\n    run: net ping 127.0.0.2\n  - id: last\n    run: net ping 127.0.0.3\n",
    );
    let fake = Fake::new(|a, _| if a[2] == "127.0.0.2" { Reply::Hang } else { ok(json!({})) });
    let o = opts(&NoPrompt);
    let stop = o.interrupt.clone();
    let p = params_of(&rb, &[]);
    let (r, ()) = tokio::join!(run(&rb, &p, &o, &fake), async {
        tokio::time::sleep(Duration::from_millis(50)).await;
        stop.trigger();
    });
    let r = r.unwrap();
    assert_eq!(statuses(&r), [("first", StepStatus::Ok), ("hang", StepStatus::Interrupted), ("last", StepStatus::NotRun)]);
    assert_eq!((r.status, r.exit_code, r.exit()), (StepStatus::Interrupted, 130, crate::exit::Exit::Interrupted));
    assert_eq!(r.steps[2].summary, "not run: interrupted");
    // Also while waiting between attempts.
    let rb = load_text("steps:\n  - id: wait\n    run: net ping 127.0.0.1\n    retries: 5\n    delay: 1m\n");
    let fake = Fake::new(|_, _| no(json!({})));
    let o = opts(&NoPrompt);
    let stop = o.interrupt.clone();
    let (r, ()) = tokio::join!(run(&rb, &p, &o, &fake), async {
        tokio::time::sleep(Duration::from_millis(30)).await;
        stop.trigger();
    });
    let r = r.unwrap();
    assert_eq!((r.steps[0].status, r.steps[0].attempts, r.exit_code), (StepStatus::Interrupted, 1, 130));
    // A changing step is not cut off mid-change: it finishes (its command sees Ctrl-C
    // itself), and the run stops after it.
    let rb = load_text("steps:\n  - id: unlock\n    run: account unlock bob\n  - id: next\n    run: account show bob\n");
    let fake = Slow;
    let o = opts(&NoPrompt);
    let stop = o.interrupt.clone();
    let (r, ()) = tokio::join!(run(&rb, &p, &o, &fake), async {
        tokio::time::sleep(Duration::from_millis(20)).await;
        stop.trigger();
    });
    let r = r.unwrap();
    assert_eq!(statuses(&r), [("unlock", StepStatus::Ok), ("next", StepStatus::Interrupted)]);
    assert_eq!((r.steps[1].summary.as_str(), r.exit_code), ("interrupted before it ran", 130));
}

/// Answers ok after 100 ms.
struct Slow;

impl StepRunner for Slow {
    fn run<'a>(&'a self, _argv: &'a [String]) -> Pin<Box<dyn Future<Output = StepOutput> + 'a>> {
        Box::pin(async {
            tokio::time::sleep(Duration::from_millis(100)).await;
            StepOutput::default()
        })
    }
}

// ---------------------------------------------------------------- dry run, ticket, confirm

#[tokio::test]
async fn dry_run_and_ticket_rewrite_changing_steps_only() {
    let rb = load_text(&format!(
        "{ACCOUNT}steps:\n  - id: show\n    run: account show {{{{ user }}}}\n  - id: unlock\n    run: account unlock {{{{ user }}}}\n    confirm: true\n  - id: own\n    run: account disable {{{{ user }}}} --ticket OTHER-1\n  - id: already\n    run: account enable {{{{ user }}}} -n\n  - id: groups\n    run: account group remove {{{{ user }}}} {{{{ groups }}}}\n  - id: reset\n    run: account reset {{{{ user }}}}\n"
    ));
    let fake = Fake::always_ok();
    let asks = Asks::new(None, None);
    let mut o = opts(&asks);
    o.dry_run = true;
    o.ticket = Some("INC-7".into());
    let r = run_with(&rb, &[("user", "bob")], &o, &fake).await;
    assert_eq!(
        fake.calls(),
        [
            argv(&["account", "show", "bob"]),
            argv(&["account", "unlock", "bob", "--dry-run", "--ticket=INC-7"]),
            argv(&["account", "disable", "bob", "--ticket", "OTHER-1", "--dry-run"]),
            argv(&["account", "enable", "bob", "-n", "--ticket=INC-7"]),
            argv(&["account", "group", "remove", "bob", "vpn", "wifi", "--dry-run", "--ticket=INC-7"]),
            argv(&["account", "reset", "bob", "--dry-run", "--ticket=INC-7"]),
        ]
    );
    let flags: Vec<(bool, bool)> = r.steps.iter().map(|s| (s.changing, s.dry_run)).collect();
    assert_eq!(flags, [(false, false), (true, true), (true, true), (false, false), (true, true), (true, true)]);
    assert!(asks.asked.borrow().is_empty(), "a dry run asks nothing");
    // Not a dry run: the ticket still goes to changing steps, and `confirm` asks.
    let fake = Fake::always_ok();
    let asks = Asks::new(None, Some(true));
    let mut o = opts(&asks);
    o.ticket = Some("INC-7".into());
    run_with(&rb, &[("user", "bob")], &o, &fake).await;
    assert_eq!(fake.calls()[1], argv(&["account", "unlock", "bob", "--ticket=INC-7"]));
    assert_eq!(*asks.asked.borrow(), ["Run step `unlock`: deskhand account unlock bob --ticket=INC-7?"]);
    // The static view agrees.
    let changing: Vec<bool> = rb.steps.iter().map(|s| s.changing).collect();
    assert_eq!(changing, [false, true, true, false, true, true]);
    assert_eq!(rb.steps[4].command, ["account", "group", "remove"]);
}

#[test]
fn known_changing_commands_without_dry_run_count_as_changing() {
    let p = command::Parsed {
        path: argv(&["account", "offboard"]),
        takes_dry_run: false,
        dry_run_set: false,
        takes_ticket: true,
        ticket_set: false,
        asks_yes: true,
    };
    assert!(p.changing());
    // Confirmed by the step: the command's own question is answered with --yes.
    assert_eq!(command::rewrite(argv(&["account", "offboard", "x"]), &p, false, None, true), argv(&["account", "offboard", "x", "--yes"]));
    assert_eq!(command::rewrite(argv(&["account", "offboard", "x"]), &p, false, None, false), argv(&["account", "offboard", "x"]));
    let p = command::Parsed {
        path: argv(&["net", "ping"]),
        takes_dry_run: false,
        dry_run_set: false,
        takes_ticket: false,
        ticket_set: false,
        asks_yes: false,
    };
    assert!(!p.changing());
    assert_eq!(command::rewrite(argv(&["a", "--", "-x"]), &p, true, Some("T"), true), argv(&["a", "--", "-x"]));
}

#[test]
fn a_command_that_asks_needs_a_step_that_confirms() {
    let p = problem("steps:\n  - id: leave\n    run: account offboard jdoe\n");
    assert!(p.contains("asks before it changes anything") && p.contains("confirm: true"), "{p}");
    // With `confirm: true`, or its own --yes, it is fine.
    load_text("steps:\n  - id: leave\n    run: account offboard jdoe\n    confirm: true\n");
    load_text("steps:\n  - id: leave\n    run: account offboard jdoe --yes\n");
    // A step that asks for its own dry run changes nothing and asks nothing.
    let rb = load_text("steps:\n  - id: plan\n    run: account offboard jdoe --dry-run\n");
    assert!(!rb.steps[0].changing);
}

#[tokio::test]
async fn confirm_declined_or_without_a_terminal() {
    let rb =
        load_text("steps:\n  - id: unlock\n    run: account unlock bob\n    confirm: true\n  - id: after\n    run: account show bob\n");
    let fake = Fake::always_ok();
    let asks = Asks::new(None, Some(false));
    let r = run_with(&rb, &[], &opts(&asks), &fake).await;
    assert_eq!(statuses(&r), [("unlock", StepStatus::Skipped), ("after", StepStatus::NotRun)]);
    assert_eq!(r.steps[1].summary, "not run: step `unlock` was declined");
    assert_eq!((r.exit_code, fake.calls().len()), (0, 0));
    // No terminal: the step fails (usage), unless --yes.
    let r = run_with(&rb, &[], &opts(&NoPrompt), &fake).await;
    assert_eq!((r.steps[0].status, r.exit_code), (StepStatus::Failed, 2));
    assert!(r.steps[0].summary.contains("--yes"), "{}", r.steps[0].summary);
    let mut o = opts(&NoPrompt);
    o.yes = true;
    let r = run_with(&rb, &[], &o, &fake).await;
    assert_eq!(statuses(&r), [("unlock", StepStatus::Ok), ("after", StepStatus::Ok)]);
}

// ---------------------------------------------------------------- secrets

#[tokio::test]
async fn secrets_never_show() {
    let rb = load_text(
        "params:\n  user: { required: true }\n  code: { secret: true, required: true, pattern: '[a-z0-9]+' }\nsteps:\n  - id: one\n    run: account unlock {{ user }} --reason=code-{{ code }}\n  - id: two\n    run: account show {{ user }}\n",
    );
    let fake = Fake::new(|a, _| {
        if a[1] == "show" { err(3, "server said: code-s3cr3t is wrong") } else { ok(json!({"echo": "code-s3cr3t", "n": [1, "s3cr3t"]})) }
    });
    let r = run_with(&rb, &[("user", "bob"), ("code", "s3cr3t")], &opts(&NoPrompt), &fake).await;
    // The command got the value; nothing shown has it.
    assert_eq!(fake.calls()[0], argv(&["account", "unlock", "bob", "--reason=code-s3cr3t"]));
    let shown = serde_json::to_string(&r).unwrap();
    assert!(!shown.contains("s3cr3t"), "{shown}");
    assert_eq!(r.steps[0].argv, argv(&["account", "unlock", "bob", "--reason=code-***"]));
    assert_eq!(r.params["code"], json!("***"));
    assert_eq!(r.steps[1].summary, "server said: code-*** is wrong");
    // Nor in parameter errors.
    let e = resolve_params(&rb, &given(&[("user", "bob"), ("code", "NOT-OK s3cr3t")]), &NoPrompt).unwrap_err();
    assert!(!e.message.contains("s3cr3t") && e.message.contains("param 'code': *** does not match"), "{}", e.message);
    // Nor when the run cannot start.
    let rb = load_text("params:\n  code: { secret: true }\nsteps:\n  - id: one\n    run: account show {{ code }}\n");
    let p = resolve_params(&rb, &given(&[("code", "-s3cr3t")]), &NoPrompt).unwrap();
    let e = run(&rb, &p, &opts(&NoPrompt), &Fake::always_ok()).await.unwrap_err();
    assert!(!e.message.contains("s3cr3t") && e.message.contains("***"), "{}", e.message);
    // Never from the command line (ps, shell history): the prompt, or the environment.
    let argv_given = given(&[("code", "s3cr3t")]);
    let e = super::with_env_secrets(&rb, &argv_given, &|_| None).unwrap_err();
    assert!(!e.message.contains("s3cr3t") && e.hint.unwrap_or_default().contains("DESKHAND_PARAM_CODE"), "{}", e.message);
    let from_env = super::with_env_secrets(&rb, &[], &|k| (k == "DESKHAND_PARAM_CODE").then(|| "s3cr3t".to_string())).unwrap();
    assert_eq!(from_env, given(&[("code", "s3cr3t")]));
    // A secret default would sit in the file in clear.
    assert!(problem("params:\n  pw: { secret: true, default: x }\nsteps:\n  - id: a\n    run: account show x\n").contains("secret"));
}

// ---------------------------------------------------------------- parameters

#[test]
fn params_are_typed_checked_and_asked_for() {
    let rb = load_text(
        "params:\n  user: { required: true, help: login }\n  days: { type: int, default: 14 }\n  all: { type: bool, default: false }\n  kind: { choices: [staff, intern], default: staff }\n  code: { pattern: '[A-Z]+-[0-9]+' }\n  tags: { type: list }\nsteps:\n  - id: a\n    run: account expiring --days {{ days }}\n",
    );
    let p = params_of(&rb, &[("user", "bob"), ("days", " 7 "), ("all", "yes"), ("tags", "a,b")]);
    assert_eq!(p.get("days"), Some(&ParamValue::Int(7)));
    assert_eq!(p.get("all"), Some(&ParamValue::Bool(true)));
    assert_eq!(p.get("kind"), Some(&ParamValue::Str("staff".into())));
    assert_eq!(p.get("tags"), Some(&ParamValue::List(vec!["a".into(), "b".into()])));
    assert_eq!(p.get("code"), None);
    // Every problem at once.
    let e = resolve_params(&rb, &given(&[("days", "soon"), ("all", "maybe"), ("kind", "boss"), ("code", "x1"), ("nope", "1")]), &NoPrompt)
        .unwrap_err();
    let lines: Vec<&str> = e.message.lines().collect();
    assert_eq!(
        lines,
        [
            "runbook 't' has no param 'nope' (it takes user, days, all, kind, code, tags)",
            "param 'user' is required (login)",
            "param 'days': 'soon' is not a whole number",
            "param 'all': 'maybe' is not true or false",
            "param 'kind': 'boss' is not one of staff, intern",
            "param 'code': 'x1' does not match the pattern [A-Z]+-[0-9]+",
        ]
    );
    assert!(e.hint.unwrap().contains("--param user=..."));
    assert!(resolve_params(&rb, &given(&[("user", "a"), ("user", "b")]), &NoPrompt).unwrap_err().message.contains("given twice"));
    assert!(resolve_params(&rb, &given(&[("user", "a\u{1b}[2J")]), &NoPrompt).unwrap_err().message.contains("control"));
    // Asked on the terminal when missing.
    let asks = Asks::new(Some("carol"), None);
    let p = resolve_params(&rb, &[], &asks).unwrap();
    assert_eq!((p.get("user"), asks.asked.borrow().clone()), (Some(&ParamValue::Str("carol".into())), vec!["user".to_string()]));
    assert_eq!(parse_param_arg("a=b=c"), Ok(("a".into(), "b=c".into())));
    assert!(parse_param_arg("novalue").is_err());
}

// ---------------------------------------------------------------- validation, file:line:col

#[test]
fn each_kind_of_problem_at_its_place() {
    let step = "steps:\n  - id: a\n    run: account show bob\n";
    let cases: Vec<(String, &str)> = vec![
        ("name: x\n  bad: [\n".into(), "t.yaml:2:"),
        (String::new(), "t.yaml:1:1: the runbook is empty: it needs at least `steps:`"),
        ("- a\n- b\n".into(), "t.yaml:1:1: a runbook is a mapping (name:, description:, params:, steps:), not a list"),
        (
            format!("nmae: x\n{step}"),
            "t.yaml:1:1: unknown key `nmae` in the runbook (did you mean `name`?); known keys: name, description, params, steps",
        ),
        ("name: x\n".into(), "t.yaml:1:1: the runbook has no `steps:`"),
        ("steps: []\n".into(), "t.yaml:1:8: `steps` is empty: a runbook needs at least one step"),
        ("steps: {a: 1}\n".into(), "t.yaml:1:8: `steps` is a list of steps (- id: ..., run: ...), not a mapping"),
        (
            "steps:\n  - id: a\n    run: account show bob\n    contine_on_error: true\n".into(),
            "t.yaml:4:5: unknown key `contine_on_error` in a step (did you mean `continue_on_error`?)",
        ),
        (
            "steps:\n  - id: a\n    run: account show bob\n    retries: many\n".into(),
            "t.yaml:4:14: `retries` is a whole number from 0 to 100",
        ),
        (
            "steps:\n  - id: a\n    run: account show bob\n    confirm: maybe\n".into(),
            "t.yaml:4:14: `confirm` must be true or false, not text",
        ),
        ("steps:\n  - id: a\n    run: account show bob\n    timeout: soon\n".into(), "t.yaml:4:14: `timeout`: 'soon' is not a duration"),
        (
            "steps:\n  - id: a\n    run: account show bob\n    until: result.ok\n".into(),
            "t.yaml:4:12: `until` has no effect without `retries`",
        ),
        ("steps:\n  - run: account show bob\n".into(), "t.yaml:2:5: this step has no `id`"),
        ("steps:\n  - id: a-b\n    run: account show bob\n".into(), "t.yaml:2:9: step id `a-b`: use letters, digits and _"),
        ("steps:\n  - id: a\n".into(), "t.yaml:2:5: step `a` has no `run`"),
        (
            "steps:\n  - id: a\n    run: {x: 1}\n".into(),
            "t.yaml:3:10: step `a`: `run` is a deskhand command line (text or a list), not a mapping",
        ),
        (
            "steps:\n  - id: a\n    run: [account, [show]]\n".into(),
            "t.yaml:3:20: step `a`: each element of `run` is one argument, not a list",
        ),
        ("steps:\n  - id: a\n    run: account show 'bob\n".into(), "t.yaml:3:23: step `a`: this quote (') is never closed"),
        (
            "steps:\n  - id: a\n    run: account show {{ user\n".into(),
            "t.yaml:3:23: step `a`: this template block ({{) is never closed with }}",
        ),
        (
            "steps:\n  - id: a\n    run: account show {{ user + }}\n".into(),
            "t.yaml:3:33: template: syntax error: unexpected end of variable block",
        ),
        (
            "steps:\n  - id: a\n    run: account show x{{ usr }}\n".into(),
            "t.yaml:3:27: unknown name `usr` (the runbook has no params; steps' results are `steps.<id>`)",
        ),
        (
            "params:\n  user: {}\nsteps:\n  - id: a\n    run: account show {{ usr }}\n".into(),
            "t.yaml:5:26: unknown name `usr` (did you mean `user`? params: user;",
        ),
        (
            "params:\n  user: {}\nsteps:\n  - id: a\n    run: account show {{ params.usr }}\n".into(),
            "t.yaml:5:26: `params.usr`: there is no param `usr` (params: user)",
        ),
        (
            "steps:\n  - id: a\n    run: account show {{ steps.b.data.login }}\n  - id: b\n    run: account show bob\n".into(),
            "t.yaml:3:26: `steps.b.data.login`: step `b` runs later, so its result is not there yet",
        ),
        (
            "steps:\n  - id: a\n    run: account show {{ steps.zz.data.login }}\n".into(),
            "t.yaml:3:26: `steps.zz.data.login`: there is no step `zz`",
        ),
        (
            "steps:\n  - id: a\n    when: steps.a.ok\n    run: account show bob\n".into(),
            "t.yaml:3:11: step `a` cannot read its own result here (`until:` can, as `result`)",
        ),
        ("steps:\n  - id: a\n    when: result.ok\n    run: account show bob\n".into(), "t.yaml:3:11: `result` is only there in `until:`"),
        (
            "steps:\n  - id: a\n    when: 'steps.a.ok and'\n    run: account show bob\n".into(),
            "t.yaml:3:11: when: syntax error: unexpected end of input, expected expression",
        ),
        (
            "steps:\n  - id: a\n    run: account show bob\n  - id: a\n    run: account show bob\n".into(),
            "t.yaml:4:9: duplicate step id `a` (first used at line 2)",
        ),
        ("steps:\n  - id: a\n    run: account frobnicate bob\n".into(), "t.yaml:3:18: step `a`: unrecognized subcommand 'frobnicate'"),
        ("steps:\n  - id: a\n    run: net ping 127.0.0.1 --colour\n".into(), "t.yaml:3:29: step `a`: unexpected argument '--colour' found"),
        (
            "params:\n  days: {}\nsteps:\n  - id: a\n    run: account expiring --days {{ days }}\n".into(),
            "t.yaml:5:34: step `a`: invalid value 'example' for '--days <DAYS>'",
        ),
        (
            "steps:\n  - id: a\n    run: runbook run other.yaml\n".into(),
            "t.yaml:3:10: step `a`: a runbook cannot run another runbook; copy its steps in instead",
        ),
        (
            "steps:\n  - id: a\n    run: -o json runbook run other.yaml\n".into(),
            "t.yaml:3:18: step `a`: a runbook cannot run another runbook",
        ),
        (
            "steps:\n  - id: a\n    run: generate man\n".into(),
            "t.yaml:3:10: step `a`: `generate` (completions, man pages) is not a runbook step",
        ),
        ("steps:\n  - id: a\n    run: net ping --help\n".into(), "t.yaml:3:10: step `a`: a step cannot ask for help"),
        ("steps:\n  - id: a\n    run: ''\n".into(), "t.yaml:3:10: step `a`: `run` has no command"),
        (format!("params: [a]\n{step}"), "t.yaml:1:9: `params` is a mapping of names to specs"),
        (format!("params:\n  user: {{ tpye: string }}\n{step}"), "t.yaml:2:11: unknown key `tpye` in param `user` (did you mean `type`?)"),
        (
            format!("params:\n  user: {{ type: text }}\n{step}"),
            "t.yaml:2:17: param `user`: unknown type `text`; use string, int, bool or list",
        ),
        (
            format!("params:\n  user: {{ required: true, default: bob }}\n{step}"),
            "t.yaml:2:36: param `user` is required, so a default is never used",
        ),
        (
            format!("params:\n  kind: {{ choices: [a, b], default: c }}\n{step}"),
            "t.yaml:2:37: param `kind`: the default 'c' is not one of the choices (a, b)",
        ),
        (
            format!("params:\n  code: {{ pattern: '[a-' }}\n{step}"),
            "t.yaml:2:20: param `code`: `pattern` is not a valid regular expression",
        ),
        (
            format!("params:\n  n: {{ type: int, default: x }}\n{step}"),
            "t.yaml:2:28: param `n`: the default must be a whole number, not text",
        ),
        (format!("params:\n  steps: {{}}\n{step}"), "t.yaml:2:3: param name `steps` is taken by the template engine; choose another"),
        (format!("params:\n  a-b: {{}}\n{step}"), "t.yaml:2:3: param name `a-b`: use letters, digits and _"),
        (format!("params:\n  on: {{ type: bool, choices: [a] }}\n{step}"), "t.yaml:2:30: param `on`: a bool param has no `choices`"),
    ];
    let mut wrong = Vec::new();
    for (text, want) in cases {
        let got = problems(&text);
        if !got.iter().any(|g| g.starts_with(want)) {
            wrong.push(format!("for\n{text}\nwant: {want}\ngot:  {got:#?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn every_problem_at_once_with_the_line_and_a_caret() {
    let text = "name: bad\nparams:\n  user: { tpye: x }\nsteps:\n  - id: a\n    run: account show {{ nobody }}\n  - id: a\n    run: account nope\n    retries: -1\n";
    let e = parse(text, Path::new("bad.yaml")).unwrap_err();
    let at: Vec<String> = e.problems.iter().map(|p| e.at(p)).collect();
    assert_eq!(at, ["bad.yaml:3:11", "bad.yaml:6:26", "bad.yaml:7:9", "bad.yaml:8:18", "bad.yaml:9:14"], "{e}");
    let shown = e.to_string();
    assert!(shown.contains("bad.yaml:6:26: unknown name `nobody`"), "{shown}");
    assert!(shown.contains("6 |     run: account show {{ nobody }}\n  |                          ^"), "{shown}");
    let ce = e.to_command_error();
    assert!(ce.message.starts_with("runbook bad.yaml has 5 errors:\nbad.yaml:3:11"), "{}", ce.message);
    assert_eq!(ce.kind, deskhand_commands::ErrorKind::Usage);
}

#[test]
fn list_form_words_and_scalars_keep_their_text() {
    let rb = load_text(
        "steps:\n  - id: a\n    run: [net, port, 192.0.2.1, -p, 443, --warn-days, 010]\n  - id: b\n    run: \"net ping 'a b' c\\\\ d\"\n",
    );
    let words: Vec<&str> = rb.steps[0].run.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(words, ["net", "port", "192.0.2.1", "-p", "443", "--warn-days", "010"]);
    assert_eq!(rb.steps[0].run_text, "net port 192.0.2.1 -p 443 --warn-days 010");
    let words: Vec<&str> = rb.steps[1].run.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(words, ["net", "ping", "a b", "c d"]);
    assert_eq!(rb.name, "t", "the file's stem when there is no name");
}

// ---------------------------------------------------------------- shipped examples, catalog

/// The example runbooks all load; `account create` and `account offboard` may not exist
/// in this build yet, and that is the only problem allowed.
#[test]
fn the_shipped_examples_load() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("runbooks");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        match load(&path) {
            Ok(rb) => assert_eq!(rb.name, stem),
            Err(e) => {
                let pending = match stem.as_str() {
                    "onboard" => "unrecognized subcommand 'create'",
                    "offboard" => "unrecognized subcommand 'offboard'",
                    _ => panic!("{e}"),
                };
                assert!(e.problems.iter().all(|p| p.message.contains(pending)), "{e}");
            }
        }
        names.push(stem);
    }
    names.sort();
    assert_eq!(names, ["network-triage", "offboard", "onboard", "password-reset", "weekly-maintenance"]);
}

#[tokio::test]
async fn the_examples_run_against_a_fake() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("runbooks");
    let rb = load(&dir.join("network-triage.yaml")).unwrap();
    let fake = Fake::new(|a, _| if a.get(2).is_some_and(|h| h.starts_with("mail")) { no(json!({})) } else { ok(json!({})) });
    let r = run_with(&rb, &[("hosts", "intranet.example.test:443,mail.example.test:993"), ("tls", "true")], &opts(&NoPrompt), &fake).await;
    assert_eq!(
        fake.calls(),
        [
            argv(&["net", "ping", "gw.example.test", "-c", "3"]),
            argv(&["net", "check", "intranet.example.test:443", "--tls"]),
            argv(&["net", "check", "mail.example.test:993", "--tls"]),
        ]
    );
    assert_eq!(statuses(&r)[3..], [("host3", StepStatus::Skipped), ("host4", StepStatus::Skipped)]);
    assert_eq!(r.exit_code, 1);
    let rb = load(&dir.join("password-reset.yaml")).unwrap();
    let fake = Fake::always_ok();
    let mut o = opts(&NoPrompt);
    o.dry_run = true;
    o.ticket = Some("INC-1".into());
    let r = run_with(&rb, &[("user", "alice")], &o, &fake).await;
    assert_eq!(fake.calls(), [argv(&["account", "show", "alice"]), argv(&["account", "reset", "alice", "--dry-run", "--ticket=INC-1"])]);
    assert_eq!(statuses(&r)[2], ("verify", StepStatus::Skipped));
    let rb = load(&dir.join("weekly-maintenance.yaml")).unwrap();
    let fake = Fake::always_ok();
    run_with(&rb, &[("directory", "corp")], &opts(&NoPrompt), &fake).await;
    assert_eq!(fake.calls()[1], argv(&["account", "expiring", "--days=14", "--directory=corp"]));
}

#[test]
fn list_find_show_and_validate() {
    let tmp = tempfile::tempdir().unwrap();
    let (first, second) = (tmp.path().join("a"), tmp.path().join("b"));
    let (a, b) = (&first, &second);
    std::fs::create_dir_all(a).unwrap();
    std::fs::create_dir_all(b).unwrap();
    std::fs::write(
        a.join("check.yaml"),
        "name: check\ndescription: Checks.\nparams:\n  pw: { secret: true }\nsteps:\n  - id: a\n    run: net ping 127.0.0.1\n",
    )
    .unwrap();
    std::fs::write(a.join("broken.yml"), "steps:\n  - id: a\n    run: account nope\n").unwrap();
    std::fs::write(a.join("notes.txt"), "not a runbook").unwrap();
    std::fs::write(b.join("check.yaml"), "steps:\n  - id: shadowed\n    run: net ping 127.0.0.1\n").unwrap();
    std::fs::write(b.join("other.yaml"), "description: Other.\nsteps:\n  - id: a\n    run: net ping 127.0.0.1\n").unwrap();
    let dirs = vec![first.clone(), second.clone()];
    let listed = list(&dirs);
    let got: Vec<(&str, Option<&str>, bool)> =
        listed.runbooks.iter().map(|r| (r.name.as_str(), r.description.as_deref(), r.error.is_some())).collect();
    assert_eq!(got, [("broken", None, true), ("check", Some("Checks."), false), ("other", Some("Other."), false)]);
    assert!(listed.runbooks[0].error.as_deref().unwrap().contains("broken.yml:3:18: step `a`: unrecognized subcommand 'nope'"));
    assert_eq!(find("check", &dirs).unwrap(), a.join("check.yaml"));
    assert_eq!(find("other", &dirs).unwrap(), b.join("other.yaml"));
    assert!(find("missing", &dirs).unwrap_err().hint.unwrap().contains("runbook list"));
    let rb = load(&a.join("check.yaml")).unwrap();
    let doc = show(&rb);
    assert_eq!((doc.params[0].name.as_str(), doc.params[0].secret, doc.steps[0].command.as_str()), ("pw", true, "net ping"));
    let checked = validate_files(&[a.join("check.yaml"), a.join("broken.yml"), tmp.path().join("nothing.yaml"), first.clone()]);
    let got: Vec<(bool, usize)> = checked.files.iter().map(|f| (f.ok, f.problems.len())).collect();
    assert_eq!(got, [(true, 0), (false, 1), (false, 1), (false, 1)]);
    assert!(checked.files[2].problems[0].message.starts_with("cannot read the runbook"));
    assert_eq!(checked.files[2].problems[0].at, tmp.path().join("nothing.yaml").display().to_string());
    assert!(!checked.ok);
    let env = |k: &str| match k {
        "HOME" => Some("/home/u".to_string()),
        _ => None,
    };
    assert_eq!(search_dirs(&env), [PathBuf::from("runbooks"), PathBuf::from("/home/u/.config/deskhand/runbooks")]);
    let env = |k: &str| (k == "XDG_CONFIG_HOME").then(|| "/cfg".to_string());
    assert_eq!(search_dirs(&env)[1], PathBuf::from("/cfg/deskhand/runbooks"));
}

#[tokio::test]
async fn the_report_serializes_every_steps_full_report() {
    let rb = load_text("name: r\nsteps:\n  - id: a\n    description: first\n    run: net ping 127.0.0.1\n");
    let r = run_with(&rb, &[], &opts(&NoPrompt), &Fake::new(|_, _| ok(json!({"alive": 1})))).await;
    let v = serde_json::to_value(&r).unwrap();
    for key in ["name", "file", "params", "dry_run", "ticket", "status", "exit_code", "started", "duration_ms", "summary", "steps"] {
        assert!(v.get(key).is_some(), "{key} in {v}");
    }
    let s = &v["steps"][0];
    assert_eq!((s["status"].as_str(), s["summary"].as_str()), (Some("ok"), Some("test: ok")));
    assert_eq!(s["report"]["data"]["alive"], 1);
    assert_eq!(s["argv"], json!(["net", "ping", "127.0.0.1"]));
    assert_eq!(r.outcome(), deskhand_commands::Outcome::Ok);
}

// ---------------------------------------------------------------- fuzzing

mod fuzz {
    use super::super::parse;
    use proptest::prelude::*;
    use std::path::Path;

    /// Pieces of runbook-like YAML, to be glued together at random.
    const PIECES: [&str; 40] = [
        "name: x\n",
        "steps:\n",
        "params:\n",
        "  - id: a\n",
        "  - id: b\n",
        "    run: account show {{ user }}\n",
        "    run: [net, ping, \"{{ h }}\"]\n",
        "    run: '{{'\n",
        "    run: \"{% if x %}\"\n",
        "    when: steps.a.ok\n",
        "    until: result.ok\n",
        "    retries: 3\n",
        "    retries: -9999999999999999999\n",
        "    delay: 1e400s\n",
        "    timeout: 0\n",
        "  user: { required: true }\n",
        "  h: { type: list, default: [a, -b] }\n",
        "  p: { pattern: '(a+)+$' }\n",
        "  c: { choices: [] }\n",
        "&x a: *x\n",
        "<<: *y\n",
        "? [a]\n: b\n",
        "!!binary x\n",
        "- - - -\n",
        "{{ }}\n",
        "{%\n",
        "\t- tab\n",
        "'unclosed\n",
        "\"\\u0000\"\n",
        "a: b: c\n",
        "---\n",
        "...\n",
        "    run: runbook run x\n",
        "    run: account {{ steps.b.data }}\n",
        "    confirm: yes\n",
        "    run: [account, show, ~, 1.10, true, {a: 1}]\n",
        "  \u{E000}: {}\n",
        "steps: 5\n",
        "    run: -o json\n",
        "    run: \"a \\\\\"\n",
    ];

    proptest! {
        // PROPTEST_CASES=100000 for a longer hunt.
        #![proptest_config(ProptestConfig {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400),
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let text = String::from_utf8_lossy(&bytes);
            let _ = parse(&text, Path::new("f.yaml"));
        }

        #[test]
        fn random_yamlish_text_never_panics(picks in proptest::collection::vec((0..PIECES.len(), ".{0,6}"), 0..24)) {
            let mut text = String::new();
            for (i, noise) in &picks {
                text.push_str(PIECES[*i]);
                if noise.len() % 3 == 0 {
                    text.push_str(noise);
                }
            }
            if let Err(e) = parse(&text, Path::new("f.yaml")) {
                // Every problem has a place and a message.
                prop_assert!(!e.problems.is_empty());
                for p in &e.problems {
                    prop_assert!(!p.message.is_empty());
                }
            }
        }

        /// Whatever a value holds (spaces, quotes, braces, `{{ }}`, dashes), it is one
        /// argument, never templated again, and never an option.
        #[test]
        fn a_value_is_one_argument_whatever_it_holds(value in "[-a-z {}%'\"=\\\\|;$]{1,24}") {
            let rb = super::load_text("params:\n  v: { required: true }\nsteps:\n  - id: a\n    run: account unlock {{ v }} --reason={{ v }}\n");
            let rt = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
            let fake = super::Fake::always_ok();
            let p = super::params_of(&rb, &[("v", &value)]);
            let result = rt.block_on(super::run(&rb, &p, &super::opts(&super::NoPrompt), &fake));
            match result {
                Ok(_) => {
                    prop_assert!(!value.starts_with('-'));
                    let want = super::argv(&["account", "unlock", &value, &format!("--reason={value}")]);
                    prop_assert_eq!(fake.calls(), vec![want]);
                }
                Err(e) => {
                    prop_assert!(value.starts_with('-'), "{}", e.message);
                    prop_assert!(fake.calls().is_empty());
                }
            }
        }

        #[test]
        fn random_run_lines_never_panic(line in "[a-z {}%#'\"\\\\|=.\\-\\[\\]]{0,60}") {
            let text = format!("params:\n  user: {{}}\nsteps:\n  - id: a\n    run: {line:?}\n");
            let _ = parse(&text, Path::new("f.yaml"));
        }
    }
}
#[test]
fn an_alias_bomb_is_refused() {
    let mut t = String::from("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let p = i - 1;
        let refs = vec![format!("*l{p}"); 10].join(", ");
        let _ = writeln!(t, "l{i}: &l{i} [{refs}]");
    }
    t.push_str("steps:\n  - id: a\n    run: net ping x\n");
    let e = problem(&t);
    assert!(e.starts_with("t.yaml:5:10: the file has more YAML nodes than a runbook can"), "{e}");
}

#[test]
fn a_changing_step_has_no_timeout() {
    let p = problem("steps:\n  - id: a\n    run: account unlock bob\n    timeout: 5s\n");
    assert!(p.starts_with("t.yaml:2:") && p.contains("cut a change off halfway"), "{p}");
    // Its dry run may have one; a day is the longest duration, and says so.
    load_text("steps:\n  - id: a\n    run: account unlock bob --dry-run\n    timeout: 1h\n");
    assert!(problem("steps:\n  - id: a\n    run: net ping x\n    timeout: 25h\n").contains("longer than a day"));
}
