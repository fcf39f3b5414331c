//! Compiling the calendar sections of a catalogue file: month names, days of
//! the week and the clock words of times of day.

use super::super::Catalogue;
use super::super::schema::{ClockDef, ClockRole, MonthDef, PerLang};
use super::{Ctx, Result, insert, per_lang};

pub(super) fn months(cat: &mut Catalogue, cx: &mut Ctx, defs: PerLang<MonthDef>) -> Result {
    numbered_names(cat, cx, defs, Calendar::Months)
}

pub(super) fn weekdays(cat: &mut Catalogue, cx: &mut Ctx, defs: PerLang<MonthDef>) -> Result {
    numbered_names(cat, cx, defs, Calendar::Weekdays)
}

/// The two lists of numbered names: months 1–12, days of the week 1
/// (Monday) to 7 (Sunday).
#[derive(Clone, Copy)]
enum Calendar {
    Months,
    Weekdays,
}

fn numbered_names(
    cat: &mut Catalogue,
    cx: &mut Ctx,
    defs: PerLang<MonthDef>,
    which: Calendar,
) -> Result {
    let (what, last, range) = match which {
        Calendar::Months => ("month", 12, "1-12"),
        Calendar::Weekdays => ("weekday", 7, "1 (Monday) to 7 (Sunday)"),
    };
    for (lang, defs) in per_lang(defs) {
        for d in defs {
            if !(1..=last).contains(&d.number) {
                return Err(cx.fail(
                    &format!("number: {}", d.number),
                    format!("{what} number must be {range}"),
                ));
            }
            for n in &d.names {
                insert(
                    cat,
                    cx,
                    |c| match which {
                        Calendar::Months => &mut c.lang_mut(lang).months,
                        Calendar::Weekdays => &mut c.lang_mut(lang).weekdays,
                    },
                    n,
                    d.number,
                )?;
            }
            let standing_alone = !d.alone.is_empty() || !d.alone_after.is_empty();
            if standing_alone && !matches!(which, Calendar::Months) {
                let field = if d.alone.is_empty() {
                    "alone_after"
                } else {
                    "alone"
                };
                return Err(cx.fail(&d.names.join(", "), format!("`{field}` is for months")));
            }
            if let Some(n) = d.alone.iter().find(|n| !d.names.contains(n)) {
                return Err(cx.fail(n, "a name in `alone` must be one of `names`".into()));
            }
            let alone = super::syms(cat, &d.alone);
            cat.lang_mut(lang).month_alone.extend(alone);
            if !d.alone_after.is_empty() {
                let after = super::syms(cat, &d.alone_after);
                cat.lang_mut(lang).month_alone_after[d.number as usize] = after;
            }
            cx.examples
                .push((format!("{what} {}", d.number), d.examples));
        }
    }
    Ok(())
}

pub(super) fn clock(cat: &mut Catalogue, cx: &mut Ctx, defs: PerLang<ClockDef>) -> Result {
    for (lang, defs) in per_lang(defs) {
        for d in defs {
            let first = d.words.first().map_or("", String::as_str).to_string();
            for w in &d.words {
                match d.role {
                    ClockRole::DayPart => {
                        let (Some(from), Some(hours)) = (d.from, d.hours) else {
                            return Err(
                                cx.fail(w, format!("day part `{w}` needs `from` and `hours`"))
                            );
                        };
                        if from > 23 || hours == 0 || hours > 24 {
                            return Err(
                                cx.fail(w, format!("day part `{w}`: `from` is 0–23, `hours` 1–24"))
                            );
                        }
                        insert(
                            cat,
                            cx,
                            |c| &mut c.lang_mut(lang).clock.parts,
                            w,
                            (from, hours, d.needs_hour),
                        )?
                    }
                    ClockRole::Named => {
                        let Some(at) = d.at.filter(|&h| h < 24) else {
                            return Err(
                                cx.fail(w, format!("named time `{w}` needs `at`, an hour 0–23"))
                            );
                        };
                        insert(cat, cx, |c| &mut c.lang_mut(lang).clock.named, w, at)?
                    }
                    ClockRole::Hour => {
                        insert(cat, cx, |c| &mut c.lang_mut(lang).clock.hour, w, ())?
                    }
                    ClockRole::Minute => {
                        insert(cat, cx, |c| &mut c.lang_mut(lang).clock.minute, w, ())?
                    }
                    ClockRole::Marker => {
                        insert(cat, cx, |c| &mut c.lang_mut(lang).clock.marker, w, ())?
                    }
                    ClockRole::Zone => {
                        insert(cat, cx, |c| &mut c.lang_mut(lang).clock.zone, w, ())?
                    }
                }
            }
            cx.examples.push((format!("clock {first}"), d.examples));
        }
    }
    Ok(())
}
