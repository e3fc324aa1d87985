import type { ResponseOf } from '../../../shared/ipc/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Day = ResponseOf<'getDashboard'>['last30Days'][number];

const WIDTH = 600;
const HEIGHT = 160;
const GAP = 2;

/** 'YYYY-MM-DD' → 'M/D': short enough for an axis. */
function shortDate(date: string): string {
  const [, month, day] = date.split('-');
  return `${Number(month)}/${Number(day)}`;
}

/**
 * Thirty bars in plain SVG (no chart library: it would cost more bundle than this whole screen).
 * Each bar carries its own title for a pointer; the figure's label says the total for a screen reader.
 */
export function RevenueChart({ days }: { days: readonly Day[] }) {
  const { t, won } = useI18n();
  const highest = Math.max(1, ...days.map((day) => day.amount));
  const total = days.reduce((sum, day) => sum + day.amount, 0);
  const slot = WIDTH / Math.max(1, days.length);
  const first = days[0];
  const last = days.at(-1);
  return (
    <figure className="panel chart" data-testid="home-chart">
      <figcaption>
        <h2>{t('home.chartTitle')}</h2>
        <span className="muted small">{t('home.chartTotal', { amount: won(total) })}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('home.chartLabel', { amount: won(total) })}
        preserveAspectRatio="none"
      >
        {days.map((day, index) => {
          const height = Math.round((day.amount / highest) * HEIGHT);
          return (
            <rect
              key={day.date}
              className={day.amount > 0 ? 'bar' : 'bar bar-empty'}
              x={index * slot + GAP / 2}
              y={HEIGHT - Math.max(height, 1)}
              width={slot - GAP}
              height={Math.max(height, 1)}
            >
              <title>{`${shortDate(day.date)} ${won(day.amount)} (${t('home.count', { count: day.count })})`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="chart-axis" aria-hidden="true">
        <span>{first && shortDate(first.date)}</span>
        <span>{last && shortDate(last.date)}</span>
      </div>
    </figure>
  );
}
