const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether the runtime knows the IANA time zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** An instant as task24 writes it: "YYYY-MM-DD HH:mm:ss" in the account's time zone. */
export function formatLocal(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** The instant a task24 "YYYY-MM-DD[ HH:mm[:ss]]" names in the account's time zone; null if it is not one. */
export function parseLocal(text: string, timeZone: string): Date | null {
  const match = LOCAL.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  const wall = Date.UTC(+year!, +month! - 1, +day!, +hour, +minute, +second);
  // The zone's offset at the wall time, found from a first guess and corrected once (DST edges).
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant);
}

function offsetAt(instant: number, timeZone: string): number {
  const wall = LOCAL.exec(formatLocal(new Date(instant), timeZone))!;
  return Date.UTC(+wall[1]!, +wall[2]! - 1, +wall[3]!, +wall[4]!, +wall[5]!, +wall[6]!) - instant;
}
