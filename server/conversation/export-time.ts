/** When a conversation was exported, in the document's time zone: for the file (20251208-0930) and for people. */
export function exportTime(date: Date, timeZone: string): { display: string; stamp: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return {
    display: `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`,
    stamp: `${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}`,
  };
}
