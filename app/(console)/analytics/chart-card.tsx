import { Card, CardHeader } from '@/components/ui/card';

type Props = {
  id: string;
  title: string;
  description?: React.ReactNode;
  /** What the chart shows, for screen readers: the drawing itself is hidden from them (role="img"); the numbers are in `table`. */
  label: string;
  chart: React.ReactNode;
  table: React.ReactNode;
};

/** A chart in a card, with its numbers as a table underneath (visible or visually hidden, as the caller decides). */
export function ChartCard({ id, title, description, label, chart, table }: Props) {
  return (
    <Card aria-labelledby={id} className="min-w-0">
      <CardHeader id={id} title={title} description={description} />
      <div role="img" aria-label={label} className="px-2 pt-4 pb-2 sm:px-4">
        {chart}
      </div>
      {table}
    </Card>
  );
}
