//! Active Directory (and Samba AD): disabled is `userAccountControl` bit 0x2; locked is
//! the constructed `msDS-User-Account-Control-Computed` bit 0x10 (`lockoutTime` stays
//! set after a lockout lapses); must-change is `pwdLastSet: 0`; expiry is
//! `msDS-UserPasswordExpiryTimeComputed`. Times are FILETIME: 100 ns since 1601.
//!
//! These are the flavour's pure rules, unit-tested here and against the Samba AD lab
//! (`tests/account_ad.rs`).

use super::{AccountState, Lock, Plan, Policy};
use crate::account::directory::{Change, Entry};
use crate::util::rfc3339;

/// The root DSE capability that says "Active Directory" (`LDAP_CAP_ACTIVE_DIRECTORY_OID`).
pub const CAPABILITY: &str = "1.2.840.113556.1.4.800";

/// Constructed attributes, computed only for a base-scope read.
pub const COMPUTED_ATTRS: &[&str] = &["msDS-User-Account-Control-Computed", "msDS-UserPasswordExpiryTimeComputed", "msDS-ResultantPSO"];

/// What the status card reads besides, in the same base-scope read: every group the
/// account is in, nested ones too, by SID (`tokenGroups`, constructed), and its own SID,
/// for Protected Users (the group is known by its RID: names are localised).
pub const CARD_ATTRS: &[&str] =
    &["msDS-User-Account-Control-Computed", "msDS-UserPasswordExpiryTimeComputed", "msDS-ResultantPSO", "objectSid", "tokenGroups"];

/// What a fine-grained password policy (PSO, `msDS-PasswordSettings`) holds.
const PSO_ATTRS: &[&str] = &["msDS-LockoutDuration", "msDS-LockoutThreshold", "msDS-MaximumPasswordAge", "msDS-MinimumPasswordLength"];

/// userAccountControl bits.
pub const UAC_DISABLED: u32 = 0x2;
pub const UAC_LOCKOUT: u32 = 0x10;
pub const UAC_DONT_EXPIRE_PASSWORD: u32 = 0x1_0000;
pub const UAC_SMARTCARD_REQUIRED: u32 = 0x4_0000;

/// Seconds between 1601-01-01 and 1970-01-01.
const EPOCH_DIFF: i64 = 11_644_473_600;

pub const STATUS_ATTRS: &[&str] = &[
    "sAMAccountName",
    "userPrincipalName",
    "cn",
    "displayName",
    "mail",
    "userAccountControl",
    "isCriticalSystemObject",
    // The constructed attributes (COMPUTED_ATTRS) are read per entry at base scope:
    // asked in a subtree search they cost the server dearly and come back empty.
    "lockoutTime",
    "badPwdCount",
    "badPasswordTime",
    "pwdLastSet",
    "accountExpires",
    "lastLogonTimestamp",
    "primaryGroupID",
    "logonHours",
    "userWorkstations",
];

/// A FILETIME as seconds since the Unix epoch; `None` for 0 and "never".
pub fn filetime(text: &str) -> Option<i64> {
    let v: i64 = text.trim().parse().ok()?;
    if v <= 0 || v == i64::MAX {
        return None;
    }
    Some(v / 10_000_000 - EPOCH_DIFF)
}

/// A duration of the domain policy (negative 100 ns intervals) in seconds. AD writes
/// "until an administrator unlocks" as the most negative value.
pub fn policy_interval(text: &str) -> Option<i64> {
    let v: i64 = text.trim().parse().ok()?;
    if v == i64::MIN {
        return Some(0);
    }
    Some(v.saturating_abs() / 10_000_000)
}

/// A fine-grained policy (PSO): the same fields as the domain's, under `msDS-` names.
pub fn policy_from_pso(pso: &Entry) -> Policy {
    let threshold = pso.first("msDS-LockoutThreshold").and_then(|v| v.parse::<u32>().ok());
    Policy {
        source: Some(pso.dn.clone()),
        max_age: pso.first("msDS-MaximumPasswordAge").and_then(policy_interval).filter(|s| *s > 0),
        lockout: threshold.map(|t| t > 0),
        lockout_duration: pso.first("msDS-LockoutDuration").and_then(policy_interval),
        max_failure: threshold,
        grace_limit: None,
        min_length: pso.first("msDS-MinimumPasswordLength").and_then(|v| v.parse().ok()),
    }
}

/// The domain's policy, from the attributes of the domain root object.
pub fn policy_from(domain: &Entry) -> Policy {
    let threshold = domain.first("lockoutThreshold").and_then(|v| v.parse::<u32>().ok());
    Policy {
        source: Some(domain.dn.clone()),
        max_age: domain.first("maxPwdAge").and_then(policy_interval).filter(|s| *s > 0),
        lockout: threshold.map(|t| t > 0),
        lockout_duration: domain.first("lockoutDuration").and_then(policy_interval),
        max_failure: threshold,
        grace_limit: None,
        min_length: domain.first("minPwdLength").and_then(|v| v.parse().ok()),
    }
}

fn uac(entry: &Entry, attr: &str) -> Option<u32> {
    entry.first(attr).and_then(|v| v.parse::<i64>().ok()).map(|v| v as u32)
}

pub fn state(entry: &Entry, policy: &Policy, now: i64) -> AccountState {
    let mut s = AccountState::default();
    let control = uac(entry, "userAccountControl").unwrap_or(0);
    s.disabled = control & UAC_DISABLED != 0;
    s.smartcard_required = control & UAC_SMARTCARD_REQUIRED != 0;
    let lock_time = entry.first("lockoutTime").and_then(filetime);
    // The constructed attribute is the truth when present; else lockoutTime and the
    // domain's duration.
    let locked = match uac(entry, "msDS-User-Account-Control-Computed") {
        Some(computed) => computed & UAC_LOCKOUT != 0,
        None => lock_time.is_some_and(|t| match policy.lockout_duration {
            Some(d) if d > 0 => now < t.saturating_add(d),
            _ => true,
        }),
    };
    if locked {
        let until = match (lock_time, policy.lockout_duration) {
            (Some(t), Some(d)) if d > 0 => Some(rfc3339(t.saturating_add(d))),
            _ => None,
        };
        s.lock = Lock { locked: true, since: lock_time.map(rfc3339), until };
    }
    s.failures = entry.first("badPwdCount").and_then(|v| v.parse().ok()).unwrap_or(0);
    s.last_failure = entry.first("badPasswordTime").and_then(filetime).map(rfc3339);
    let last_set = entry.first("pwdLastSet");
    s.must_change = last_set.is_some_and(|v| v.trim() == "0");
    s.password_changed = last_set.and_then(filetime).map(rfc3339);
    if control & UAC_DONT_EXPIRE_PASSWORD == 0
        && let Some(expires) = entry.first("msDS-UserPasswordExpiryTimeComputed").and_then(filetime)
    {
        s.password_expires = Some(rfc3339(expires));
        s.password_expired = now >= expires && !s.must_change;
    }
    if let Some(end) = entry.first("accountExpires").and_then(filetime) {
        s.account_expires = Some(rfc3339(end));
        s.account_expired = now >= end;
        s.account_expires_from = Some("accountExpires".into());
    }
    if let Some(t) = entry.first("lastLogonTimestamp").and_then(filetime) {
        s.last_logon = Some(rfc3339(t));
        s.last_logon_from = Some(LAST_LOGON_TIMESTAMP_NOTE.into());
    }
    match entry.first("logonHours").map(logon_hours) {
        Some(Some(bits)) if bits.iter().any(|b| *b != 0xff) => {
            s.logon_hours = Some(describe_hours(&bits));
            s.outside_logon_hours = !allowed_at(&bits, now);
        }
        Some(None) => s.unreadable.push("logonHours: not 21 bytes (168 hours)".into()),
        _ => {}
    }
    // Read only by the card (CARD_ATTRS): absent, it is not known.
    if entry.attrs.contains_key("tokengroups") {
        s.protected_users = protected_users_sid(entry.first("objectSid").unwrap_or_default())
            .map(|sid| entry.all("tokenGroups").iter().any(|g| g.eq_ignore_ascii_case(&sid)));
    }
    s.workstations = entry
        .first("userWorkstations")
        .map(|w| w.split(',').map(str::trim).filter(|m| !m.is_empty()).map(crate::util::sanitize).collect())
        .unwrap_or_default();
    let numbers = [
        "userAccountControl",
        "msDS-User-Account-Control-Computed",
        "badPwdCount",
        "lockoutTime",
        "badPasswordTime",
        "pwdLastSet",
        "accountExpires",
        "msDS-UserPasswordExpiryTimeComputed",
    ];
    super::check_syntax(entry, &numbers, |v| v.trim().parse::<i64>().is_ok(), "a number", &mut s.unreadable);
    s
}

/// Unlocking: `lockoutTime: 0`, the only value one may write. It also clears
/// `badPwdCount` on the DC written to, so it is written when that DC counts failures
/// even though the lock itself is gone (replicated from an unlock on another DC).
pub fn unlock_plan(entry: &Entry) -> Option<Plan> {
    let failures = entry.first("badPwdCount").and_then(|v| v.trim().parse::<u32>().ok()).unwrap_or(0);
    if entry.first("lockoutTime").and_then(filetime).is_none() && failures == 0 {
        return None;
    }
    Some(Plan { changes: vec![Change::Replace { attr: "lockoutTime".into(), values: vec!["0".into()] }], relax: false, after: vec![] })
}

/// Sets or clears the disabled bit, keeping every other bit, as a compare-and-swap:
/// delete the value read, add the new one, so a concurrent change fails instead of
/// being overwritten.
fn toggle_disabled(entry: &Entry, disable: bool) -> Option<Plan> {
    let old = uac(entry, "userAccountControl")?;
    let new = if disable { old | UAC_DISABLED } else { old & !UAC_DISABLED };
    (new != old).then(|| Plan {
        changes: vec![
            Change::Delete { attr: "userAccountControl".into(), values: vec![old.to_string()] },
            Change::Add { attr: "userAccountControl".into(), values: vec![new.to_string()] },
        ],
        relax: false,
        after: vec![],
    })
}

pub fn disable_plan(entry: &Entry) -> Option<Plan> {
    toggle_disabled(entry, true)
}

/// `logonHours` (hex, as the directory layer gives binary values): 21 bytes, one bit an
/// hour of the week in UTC from Sunday 00:00, low bit first.
fn logon_hours(hex: &str) -> Option<[u8; 21]> {
    let hex = hex.trim();
    if hex.len() != 42 || !hex.is_ascii() {
        return None;
    }
    let mut out = [0u8; 21];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).ok()?;
    }
    Some(out)
}

fn hour_allowed(bits: &[u8; 21], hour_of_week: usize) -> bool {
    bits[hour_of_week / 8] & (1 << (hour_of_week % 8)) != 0
}

/// Whether `now` (Unix seconds) falls in an allowed hour. 1970-01-01 was a Thursday.
fn allowed_at(bits: &[u8; 21], now: i64) -> bool {
    let hours = now.div_euclid(3600);
    let day = (hours.div_euclid(24) + 4).rem_euclid(7); // 0 = Sunday
    let hour_of_week = usize::try_from(day * 24 + hours.rem_euclid(24)).unwrap_or(0);
    hour_allowed(bits, hour_of_week)
}

/// The allowed hours in words, Monday first, days with the same hours together:
/// "Mon-Fri 08:00-18:00, Sat 09:00-12:00 (UTC)", or "none".
fn describe_hours(bits: &[u8; 21]) -> String {
    const NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    let day_ranges = |day: usize| -> String {
        let mut ranges = Vec::new();
        let mut start = None;
        for hour in 0..=24 {
            let on = hour < 24 && hour_allowed(bits, day * 24 + hour);
            match (on, start) {
                (true, None) => start = Some(hour),
                (false, Some(s)) => {
                    ranges.push(if s == 0 && hour == 24 { "all day".to_string() } else { format!("{s:02}:00-{hour:02}:00") });
                    start = None;
                }
                _ => {}
            }
        }
        ranges.join(" and ")
    };
    let order = [1, 2, 3, 4, 5, 6, 0];
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < order.len() {
        let hours = day_ranges(order[i]);
        let mut j = i;
        while j + 1 < order.len() && day_ranges(order[j + 1]) == hours {
            j += 1;
        }
        if !hours.is_empty() {
            let days = if i == j { NAMES[order[i]].to_string() } else { format!("{}-{}", NAMES[order[i]], NAMES[order[j]]) };
            parts.push(format!("{days} {hours}"));
        }
        i = j + 1;
    }
    if parts.is_empty() { "none".into() } else { format!("{} (UTC)", parts.join(", ")) }
}

/// The SID (hex, as entries hold binary values) of Protected Users (well-known RID 525)
/// in the domain of the account whose SID is `account` (hex): the same SID with its last
/// sub-authority, the account's RID, replaced by 525 (little-endian).
fn protected_users_sid(account: &str) -> Option<String> {
    // Revision, count, 6-byte authority, then count sub-authorities of 4 bytes each.
    let count = usize::from_str_radix(account.get(2..4)?, 16).ok()?;
    (count >= 1 && account.len() == 16 + count * 8 && account.is_ascii()).then(|| format!("{}0d020000", &account[..account.len() - 8]))
}

/// What the card says of AD's replicated last logon figure.
pub const LAST_LOGON_TIMESTAMP_NOTE: &str =
    "lastLogonTimestamp (replicated, up to 14 days behind; --all-servers reads each DC's own lastLogon)";

/// A time as FILETIME (100 ns since 1601).
pub fn to_filetime(t: i64) -> String {
    (t.saturating_add(EPOCH_DIFF).saturating_mul(10_000_000)).to_string()
}

/// The account's end date: `accountExpires` (a FILETIME; 0 for never, as
/// Clear-ADAccountExpiration writes it).
pub fn expire_plan(entry: &Entry, when: Option<i64>) -> Option<Plan> {
    if entry.first("accountExpires").and_then(filetime) == when {
        return None;
    }
    let value = when.map_or_else(|| "0".to_string(), to_filetime);
    Some(Plan { changes: vec![Change::Replace { attr: "accountExpires".into(), values: vec![value] }], relax: false, after: vec![] })
}

pub fn enable_plan(entry: &Entry) -> Option<Plan> {
    toggle_disabled(entry, false)
}

/// The policy that applies to the account: its fine-grained policy (`msDS-ResultantPSO`)
/// when it has one and the binding identity may read it (by default only domain admins
/// may), else the domain's, from the domain root object.
pub async fn policy<D: crate::account::directory::Directory>(
    dir: &D,
    profile: &crate::account::directory::Profile,
    entry: &Entry,
) -> crate::error::Result<Policy> {
    use crate::account::directory::Scope;
    // The constructed attribute comes only from a base-scope read (Flavor::complete).
    let pso = if entry.first("msDS-User-Account-Control-Computed").is_some() || entry.dn.is_empty() {
        entry.first("msDS-ResultantPSO").map(ToString::to_string)
    } else {
        let found = dir.search(&entry.dn, Scope::Base, "(objectClass=*)", &["msDS-ResultantPSO"]).await?;
        found.first().and_then(|e| e.first("msDS-ResultantPSO")).map(ToString::to_string)
    };
    let domain =
        dir.search(&profile.base_dn, Scope::Base, "(objectClass=*)", &["lockoutDuration", "lockoutThreshold", "maxPwdAge", "minPwdLength"]);
    let mut unreadable = None;
    let found = if let Some(pso) = pso {
        // Both at once (one round trip): the domain's applies when the PSO cannot be read.
        let (from_pso, from_domain) = futures::join!(dir.search(&pso, Scope::Base, "(objectClass=*)", PSO_ATTRS), domain);
        match from_pso {
            Ok(found) if found.first().is_some_and(|e| e.first("msDS-LockoutThreshold").is_some()) => {
                return Ok(policy_from_pso(&found[0]));
            }
            Err(e) if e.kind == crate::error::ErrorKind::Connection => return Err(e),
            _ => unreadable = Some(pso),
        }
        from_domain?
    } else {
        domain.await?
    };
    let mut policy = found.first().map(policy_from).unwrap_or_default();
    if let Some(pso) = unreadable {
        policy.source = Some(format!(
            "{} (the fine-grained policy {pso} applies, but this identity may not read it)",
            policy.source.as_deref().unwrap_or(&profile.base_dn)
        ));
    }
    Ok(policy)
}

/// A reset: `unicodePwd` (only over TLS) and `pwdLastSet: 0` (must change) in one
/// modify, and `lockoutTime: 0` unless asked to keep the lock.
pub fn reset_plan(entry: &Entry, password: &str, keep_lock: bool) -> Plan {
    let mut changes = vec![
        Change::password("unicodePwd", unicode_pwd(password)),
        Change::Replace { attr: "pwdLastSet".into(), values: vec!["0".into()] },
    ];
    if !keep_lock && entry.first("lockoutTime").and_then(filetime).is_some() {
        changes.push(Change::Replace { attr: "lockoutTime".into(), values: vec!["0".into()] });
    }
    Plan { changes, relax: false, after: vec![] }
}

/// The primary group (which `member` never lists), by its well-known RID.
pub fn primary_group(entry: &Entry) -> Option<String> {
    let rid: u32 = entry.first("primaryGroupID")?.parse().ok()?;
    let name = match rid {
        512 => "Domain Admins".to_string(),
        513 => "Domain Users".to_string(),
        514 => "Domain Guests".to_string(),
        515 => "Domain Computers".to_string(),
        516 => "Domain Controllers".to_string(),
        other => format!("RID {other}"),
    };
    Some(format!("{name} (primary)"))
}

/// `unicodePwd` takes the password in double quotes, as UTF-16LE bytes.
pub fn unicode_pwd(password: &str) -> Vec<u8> {
    format!("\"{password}\"").encode_utf16().flat_map(u16::to_le_bytes).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(pairs: &[(&str, &str)]) -> Entry {
        Entry {
            dn: "CN=x,DC=lab,DC=test".into(),
            attrs: pairs.iter().map(|(k, v)| (k.to_ascii_lowercase(), vec![(*v).to_string()])).collect(),
        }
    }

    /// 2026-11-23T08:00:00Z as FILETIME.
    const FT_NOW: i64 = (1_795_420_800 + EPOCH_DIFF) * 10_000_000;
    const NOW: i64 = 1_795_420_800;

    #[test]
    fn filetimes() {
        assert_eq!(filetime(&FT_NOW.to_string()), Some(NOW));
        assert_eq!(filetime("0"), None);
        assert_eq!(filetime("9223372036854775807"), None);
        assert_eq!(policy_interval("-18000000000"), Some(1800));
        assert_eq!(policy_interval("-9223372036854775808"), Some(0));
    }

    #[test]
    fn states() {
        let policy = Policy { lockout: Some(true), lockout_duration: Some(1800), ..Policy::default() };
        let locked = state(
            &entry(&[
                ("userAccountControl", "512"),
                ("msDS-User-Account-Control-Computed", "16"),
                ("lockoutTime", &(FT_NOW - 600 * 10_000_000).to_string()),
                ("badPwdCount", "3"),
            ]),
            &policy,
            NOW,
        );
        assert!(locked.lock.locked && locked.failures == 3);
        assert_eq!(locked.lock.until.as_deref(), Some("2026-11-23T08:20:00Z"));
        // lockoutTime stays after the lockout lapses: the computed bit says not locked.
        let lapsed = state(
            &entry(&[("userAccountControl", "512"), ("msDS-User-Account-Control-Computed", "0"), ("lockoutTime", "133000000000000000")]),
            &policy,
            NOW,
        );
        assert!(!lapsed.lock.locked);
        let disabled = state(&entry(&[("userAccountControl", "514")]), &policy, NOW);
        assert!(disabled.disabled && !disabled.verdict().0);
        let must = state(
            &entry(&[("userAccountControl", "512"), ("pwdLastSet", "0"), ("msDS-UserPasswordExpiryTimeComputed", "0")]),
            &policy,
            NOW,
        );
        assert!(must.must_change && !must.password_expired);
        let expired = state(
            &entry(&[
                ("userAccountControl", "512"),
                ("pwdLastSet", "130000000000000000"),
                ("msDS-UserPasswordExpiryTimeComputed", &(FT_NOW - 1).to_string()),
            ]),
            &policy,
            NOW,
        );
        assert!(expired.password_expired && !expired.verdict().0);
        let never =
            state(&entry(&[("userAccountControl", "66048"), ("msDS-UserPasswordExpiryTimeComputed", "9223372036854775807")]), &policy, NOW);
        assert!(never.password_expires.is_none());
    }

    #[test]
    fn plans() {
        assert!(unlock_plan(&entry(&[("lockoutTime", "0")])).is_none());
        assert!(unlock_plan(&entry(&[("lockoutTime", "0"), ("badPwdCount", "0")])).is_none());
        assert!(unlock_plan(&entry(&[("lockoutTime", "0"), ("badPwdCount", "3")])).is_some());
        let p = unlock_plan(&entry(&[("lockoutTime", &FT_NOW.to_string())])).unwrap();
        assert_eq!(p.changes, vec![Change::Replace { attr: "lockoutTime".into(), values: vec!["0".into()] }]);
        let d = disable_plan(&entry(&[("userAccountControl", "66048")])).unwrap();
        assert_eq!(d.changes[1], Change::Add { attr: "userAccountControl".into(), values: vec!["66050".into()] });
        assert!(disable_plan(&entry(&[("userAccountControl", "514")])).is_none());
        assert_eq!(
            enable_plan(&entry(&[("userAccountControl", "514")])).unwrap().changes[1],
            Change::Add { attr: "userAccountControl".into(), values: vec!["512".into()] }
        );
        assert_eq!(unicode_pwd("ab"), vec![0x22, 0, b'a', 0, b'b', 0, 0x22, 0]);
    }

    /// Protected Users by SID: the account's domain SID with RID 525, among its
    /// tokenGroups (values as the lab's DC gives them, in hex); not read: not known.
    #[test]
    fn protected_users_is_found_by_sid() {
        // S-1-5-21-1813542234-682452149-1988471540-1103 (alice on the lab DC).
        let alice = "0105000000000005150000005a75186cb568ad28f4aa85764f040000";
        assert_eq!(protected_users_sid(alice).as_deref(), Some("0105000000000005150000005a75186cb568ad28f4aa85760d020000"));
        assert_eq!(protected_users_sid("0102"), None);
        assert_eq!(protected_users_sid(""), None);
        assert_eq!(protected_users_sid("01ff"), None);
        let policy = Policy::default();
        let member = state(
            &entry(&[("objectSid", alice), ("tokenGroups", "0105000000000005150000005a75186cb568ad28f4aa85760d020000")]),
            &policy,
            NOW,
        );
        assert_eq!(member.protected_users, Some(true));
        let other = state(&entry(&[("objectSid", alice), ("tokenGroups", "0102000000000005200000002102000")]), &policy, NOW);
        assert_eq!(other.protected_users, Some(false));
        assert_eq!(state(&entry(&[("objectSid", alice)]), &policy, NOW).protected_users, None);
    }

    /// logonHours as hex, the allowed hours of the week (0 = Sunday 00:00 UTC) given.
    fn hours_hex(allowed: impl Fn(usize) -> bool) -> String {
        let mut bits = [0u8; 21];
        for h in (0..168).filter(|h| allowed(*h)) {
            bits[h / 8] |= 1 << (h % 8);
        }
        crate::account::directory::hex(&bits)
    }

    /// Logon hours (UTC, a bit an hour from Sunday 00:00) and workstations: in words, and
    /// outside the hours the account cannot log in (AD answers data 530).
    #[test]
    fn logon_hours_and_workstations() {
        let policy = Policy::default();
        let office = hours_hex(|h| (1..=5).contains(&(h / 24)) && (8..18).contains(&(h % 24)));
        let s = state(&entry(&[("userAccountControl", "512"), ("logonHours", &office), ("userWorkstations", "PC1, PC2")]), &policy, NOW);
        assert_eq!(s.logon_hours.as_deref(), Some("Mon-Fri 08:00-18:00 (UTC)"));
        // NOW is a Monday, 08:00 UTC: inside.
        assert!(!s.outside_logon_hours);
        assert_eq!(s.workstations, ["PC1", "PC2"]);
        assert!(!s.smartcard_required);
        let card = state(&entry(&[("userAccountControl", "262656")]), &policy, NOW);
        assert!(card.smartcard_required && card.verdict().0);
        assert_eq!(card.verdict().1, ["a smart card is required: password sign-ins fail"]);
        let (ok, why) = s.verdict();
        assert!(ok, "{why:?}");
        assert!(why.iter().any(|w| w.starts_with("logons only from PC1, PC2")), "{why:?}");
        // An hour earlier, and on the Sunday before: outside.
        for t in [NOW - 3600, NOW - 86_400] {
            let s = state(&entry(&[("logonHours", &office)]), &policy, t);
            assert!(s.outside_logon_hours, "{t}");
            assert_eq!(s.verdict().1, ["now is outside the account's logon hours (Mon-Fri 08:00-18:00 (UTC))"]);
        }
        // Every hour: no restriction; none: never; odd shapes in words.
        assert_eq!(state(&entry(&[("logonHours", &hours_hex(|_| true))]), &policy, NOW).logon_hours, None);
        let never = state(&entry(&[("logonHours", &hours_hex(|_| false))]), &policy, NOW);
        assert_eq!((never.logon_hours.as_deref(), never.outside_logon_hours), (Some("none"), true));
        let odd = hours_hex(|h| h / 24 == 0 || h / 24 == 6 && (h % 24 < 2 || h % 24 >= 22));
        assert_eq!(describe_hours(&logon_hours(&odd).unwrap()), "Sat 00:00-02:00 and 22:00-24:00, Sun all day (UTC)");
        // Not 21 bytes: said, not guessed.
        let bad = state(&entry(&[("logonHours", "ff00")]), &policy, NOW);
        assert_eq!((bad.logon_hours, bad.unreadable.len()), (None, 1));
    }
}
