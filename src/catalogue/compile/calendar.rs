//! Compiling the calendar sections of a catalogue file: month names, days of
//! the week and the clock words of times of day.

use super::super::Catalogue;
use super::super::schema::{ClockDef, ClockRole, MonthDef, PerLang};
use super::{Ctx, Result, insert, per_lang};

pub(super) fn months(cat: &mut Catalogue, cx: &mut Ctx, defs: PerLang<MonthDef>) -> Result {
    for (lang, defs) in per_lang(defs) {
        for d in defs {
            if !(1..=12).contains(&d.number) {
                return Err(cx.fail(
                    &format!("number: {}", d.number),
                    "month number must be 1-12".into(),
                ));
            }
            for n in &d.names {
                insert(cat, cx, |c| &mut c.lang_mut(lang).months, n, d.number)?;
            }
            cx.examples
                .push((format!("month {}", d.number), d.examples));
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
                            (from, hours),
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

pub(super) fn weekdays(cat: &mut Catalogue, cx: &mut Ctx, defs: PerLang<MonthDef>) -> Result {
    for (lang, defs) in per_lang(defs) {
        for d in defs {
            if !(1..=7).contains(&d.number) {
                return Err(cx.fail(
                    &format!("number: {}", d.number),
                    "weekday number must be 1 (Monday) to 7 (Sunday)".into(),
                ));
            }
            for n in &d.names {
                insert(cat, cx, |c| &mut c.lang_mut(lang).weekdays, n, d.number)?;
            }
            cx.examples
                .push((format!("weekday {}", d.number), d.examples));
        }
    }
    Ok(())
}
