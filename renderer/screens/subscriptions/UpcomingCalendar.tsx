import { useCallback, useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc/index.ts';
import { useApp } from '../../app/app-context.tsx';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { useLoad } from '../../components/use-load.ts';
import { type Locale, type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { addDays, addMonths, daysBetween, storeDate, weekday } from '../../store-time.ts';

/** The channel's longest window: the calendar never pages past it. */
const MAX_DAYS = 366;
/*
 * Before the first answer the store's today is unknown (the PC's clock may be a different day), so
 * the first call asks for a window that covers the rest of any month, whatever its length.
 */
const FIRST_DAYS = 32;

const WEEKDAYS: readonly MessageKey[] = [
  'calendar.sun',
  'calendar.mon',
  'calendar.tue',
  'calendar.wed',
  'calendar.thu',
  'calendar.fri',
  'calendar.sat',
];

type Day = ResponseOf<'upcoming'>['byDay'][number];

/*
 * Captions and cell labels are calendar dates, not instants: they are formatted as UTC midnights so
 * neither the PC's zone nor the store's can move them to a neighbouring day.
 */
const monthFormats = new Map<Locale, Intl.DateTimeFormat>();
const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

function formatIn(
  cache: Map<Locale, Intl.DateTimeFormat>,
  locale: Locale,
  options: Intl.DateTimeFormatOptions,
) {
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    cache.set(locale, format);
  }
  return format;
}

function utcMidnight(date: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

/** '2026-03-01' → '2026년 3월' / 'March 2026'. */
function monthName(month: string, locale: Locale): string {
  return formatIn(monthFormats, locale, { year: 'numeric', month: 'long' }).format(utcMidnight(month));
}

/** '2026-03-02' → '3월 2일 월요일' / 'Monday, March 2'. */
function dayName(date: string, locale: Locale): string {
  return formatIn(dayFormats, locale, { month: 'long', day: 'numeric', weekday: 'long' }).format(
    utcMidnight(date),
  );
}

/** A grid cell: a day of the month, or padding (date null) before the 1st and after the last. */
interface Cell {
  readonly key: string;
  readonly date: string | null;
}

/** The month's days in weeks of seven, Sunday first. */
function weeksOf(month: string): Cell[][] {
  const length = daysBetween(month, addMonths(month, 1));
  const cells: Cell[] = Array.from({ length: weekday(month) }, (_, index) => ({
    key: `before-${index}`,
    date: null,
  }));
  for (let day = 0; day < length; day += 1) {
    const date = addDays(month, day);
    cells.push({ key: date, date });
  }
  for (let index = 0; cells.length % 7 !== 0; index += 1) cells.push({ key: `after-${index}`, date: null });
  const weeks: Cell[][] = [];
  for (let start = 0; start < cells.length; start += 7) weeks.push(cells.slice(start, start + 7));
  return weeks;
}

/** How many days the `upcoming` call needs so that every day of `month` is fully in its window. */
function daysToCover(today: string, month: string): number {
  // The window ends `days` × 24 h after now: one day past the month's last, and one more for a DST day.
  return Math.min(MAX_DAYS, daysBetween(today, addMonths(month, 1)) + 1);
}

/**
 * A month grid of the scheduled charges: each day's count and total, today marked, from the store's
 * current month up to the last month the `upcoming` channel can see.
 */
export function UpcomingCalendar() {
  const { t, won, locale } = useI18n();
  const { status } = useApp();
  const [shown, setShown] = useState<{ month: string; days: number } | null>(null);
  const days = shown?.days ?? FIRST_DAYS;
  const load = useCallback(() => call('upcoming', { days }), [days]);
  const { data, failure } = useLoad(load);

  if (failure) return <ErrorAlert>{failure}</ErrorAlert>;
  if (!data) return null;

  // Today comes from the core's clock (the window's start), never the PC's.
  const today = storeDate(new Date(data.from), status.timeZone);
  const thisMonth = addMonths(today, 0);
  const month = shown?.month ?? thisMonth;
  // Days on and after the window's last (partly covered) day may have charges it did not list yet.
  const windowEnd = storeDate(new Date(data.until), status.timeZone);
  const lastMonth = addMonths(addDays(today, MAX_DAYS - 1), 0);
  const canGoBack = month > thisMonth;
  const canGoOn = month < lastMonth;
  const byDate = new Map<string, Day>(data.byDay.map((day) => [day.date, day]));

  const go = (step: number) => {
    const target = addMonths(month, step);
    setShown({ month: target, days: daysToCover(today, target) });
  };

  return (
    <div className="calendar" data-testid="upcoming-calendar">
      <div className="calendar-nav">
        {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus onto the page. */}
        <button type="button" aria-disabled={!canGoBack} onClick={() => canGoBack && go(-1)}>
          <span aria-hidden="true">‹ </span>
          {t('calendar.prev')}
        </button>
        <button type="button" aria-disabled={!canGoOn} onClick={() => canGoOn && go(1)}>
          {t('calendar.next')}
          <span aria-hidden="true"> ›</span>
        </button>
      </div>
      <table className="calendar-grid">
        <caption aria-live="polite" data-testid="calendar-caption">
          {monthName(month, locale)}
        </caption>
        <thead>
          <tr>
            {WEEKDAYS.map((key) => (
              <th key={key} scope="col">
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeksOf(month).map((week) => (
            <tr key={week[0]?.key}>
              {week.map(({ key, date }) => {
                if (date === null) return <td key={key} className="calendar-pad" />;
                const day = byDate.get(date);
                const isToday = date === today;
                const outside = !isToday && (date < today || date >= windowEnd);
                return (
                  <td
                    key={date}
                    data-date={date}
                    aria-current={isToday ? 'date' : undefined}
                    className={
                      [isToday && 'calendar-today', outside && 'calendar-outside', day && 'calendar-due']
                        .filter(Boolean)
                        .join(' ') || undefined
                    }
                  >
                    <span className="calendar-day" aria-hidden="true">
                      {Number(date.slice(8))}
                    </span>
                    <span className="visually-hidden">{dayName(date, locale)}</span>
                    {isToday && <span className="calendar-today-mark">{t('calendar.today')}</span>}
                    {day && (
                      <span className="calendar-charges">
                        <span>{t('calendar.count', { count: day.count })}</span>
                        <span className="num">{won(day.amount)}</span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
