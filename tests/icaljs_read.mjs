// Read iCalendar files as Thunderbird does, with Mozilla's ical.js, and print
// each occurrence's start and end as JSON: UTC instants ("...Z") for times,
// "YYYY-MM-DD" for whole days. Used by tests/icaljs.py.
//
//   node tests/icaljs_read.mjs SINCE UNTIL FILE.ics...
//
// SINCE and UNTIL (UTC, "YYYY-MM-DDTHH:MM:SSZ") bound the expansion of
// recurring events: occurrences starting in [SINCE, UNTIL) are printed.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const [since, until, ...files] = process.argv.slice(2);
const first = ICAL.Time.fromDateTimeString(since.replace(/Z$/, ""));
first.zone = ICAL.Timezone.utcTimezone;
const last = ICAL.Time.fromDateTimeString(until.replace(/Z$/, ""));
last.zone = ICAL.Timezone.utcTimezone;

function written(time) {
  if (time.isDate) {
    return time.toString();
  }
  return time.toJSDate().toISOString().replace(".000Z", "Z");
}

// A runaway expansion must fail the test, not hang it.
const LIMIT = 10000;
const found = [];
for (const file of files) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  for (const component of calendar.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(component);
    const uid = event.uid;
    if (!event.isRecurring()) {
      found.push({ uid, start: written(event.startDate), end: written(event.endDate) });
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(), count = 0; next; next = iterator.next()) {
      if (++count > LIMIT) {
        throw new Error(`${uid}: more than ${LIMIT} occurrences`);
      }
      const details = event.getOccurrenceDetails(next);
      if (details.startDate.compare(last) >= 0) {
        break;
      }
      if (details.endDate.compare(first) <= 0 && details.startDate.compare(first) < 0) {
        continue;
      }
      found.push({ uid, start: written(details.startDate), end: written(details.endDate) });
    }
  }
}
process.stdout.write(JSON.stringify(found));
