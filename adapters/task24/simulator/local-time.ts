// The simulator keeps its own clock formatting instead of importing the adapter's, so a bug in the
// adapter's time handling cannot hide behind the same bug in the system it is tested against.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
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

/** An instant as task24 writes it: "YYYY-MM-DD HH:mm:ss" in the given IANA time zone. */
export function formatLocal(date: Date, timeZone: string): string {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(date)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** "YYYY-MM-DD HH:mm:ss" → "DD.MM.YY HH:mm:ss", the form of a ticket's `view` ("№32 от 28.11.14 00:00:00"). */
export function shortDate(local: string): string {
  const [, year, month, day, time] = /^\d\d(\d\d)-(\d\d)-(\d\d) (.*)$/.exec(local) ?? [];
  return year ? `${day}.${month}.${year} ${time}` : local;
}
