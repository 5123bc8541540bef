'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps, SyntheticEvent } from 'react';

type Props = Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'> & { href: string };

/**
 * A link that prefetches its page when the pointer, a finger or the focus reaches it, not when it scrolls into view.
 * For long lists that refresh live (the review queue): Next re-prefetches every visible link after each refresh,
 * which on a busy queue meant rendering a dozen action pages a second for every open queue.
 */
export function IntentPrefetchLink({ href, onMouseEnter, onFocus, onTouchStart, ...props }: Props) {
  const router = useRouter();
  const prefetchThen =
    <E extends SyntheticEvent>(handler?: (event: E) => void) =>
    (event: E) => {
      router.prefetch(href);
      handler?.(event);
    };
  return (
    <Link
      href={href}
      prefetch={false}
      onMouseEnter={prefetchThen(onMouseEnter)}
      onFocus={prefetchThen(onFocus)}
      onTouchStart={prefetchThen(onTouchStart)}
      {...props}
    />
  );
}
