import { InertText } from './inert-text';
import { Button } from './ui/button';

/**
 * Agent values longer than this are shown clipped, with a "Show all" button: one agent sending 256 KiB in a field
 * must not make every page that shows it carry the whole of it (in the HTML and again in the page's payload).
 */
export const DISPLAY_LIMIT = 2000;

/** The first `limit` characters (never half of a surrogate pair) and how many are left out. */
export function clipText(text: string, limit = DISPLAY_LIMIT): { head: string; hidden: number } {
  if (text.length <= limit) return { head: text, hidden: 0 };
  const end = /[\ud800-\udbff]/.test(text[limit - 1] ?? '') ? limit - 1 : limit;
  return { head: text.slice(0, end), hidden: text.length - end };
}

/**
 * Agent text, clipped at the display limit unless `shown`. The rest is loaded only when asked: "Show all" reloads the
 * page with `?show=<showKey>`, and only that value is then rendered in full. A value without a showKey is clipped
 * with a note (used where the same value is shown in full elsewhere on the page on demand).
 */
export function ClippedText({
  text,
  showKey,
  shown = false,
  limit = DISPLAY_LIMIT,
  className,
}: {
  text: string;
  showKey?: string;
  shown?: boolean;
  limit?: number;
  className?: string;
}) {
  const { head, hidden } = shown ? { head: text, hidden: 0 } : clipText(text, limit);
  if (hidden === 0) return <InertText text={text} className={className} />;
  return (
    <span data-clipped={hidden}>
      <InertText text={head} className={className} />
      <span className="text-gray-500">… </span>
      {showKey ? (
        <ShowAllButton showKey={showKey} hidden={hidden} />
      ) : (
        <span className="text-xs text-gray-500">({hidden.toLocaleString('en')} more characters)</span>
      )}
    </span>
  );
}

/** A real button (a GET form, so it works before hydration too): reloads the page with this one value in full. */
export function ShowAllButton({
  showKey,
  hidden,
  unit = 'characters',
  className,
}: {
  showKey: string;
  hidden: number;
  unit?: string;
  className?: string;
}) {
  return (
    <form method="get" className={className ?? 'inline'}>
      <input type="hidden" name="show" value={showKey} />
      <Button type="submit" variant="secondary" size="sm" className="h-7 px-2 text-xs">
        Show all{' '}
        <span className="font-normal text-gray-600">
          ({hidden.toLocaleString('en')} more {unit})
        </span>
      </Button>
    </form>
  );
}
