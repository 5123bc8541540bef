'use client';

import { Check, Copy, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/field';

/**
 * A secret shown this one time (an agent key, a webhook signing secret): a warning, a read-only field that selects
 * itself, and a copy button. When the clipboard is refused, the field is focused so the person can copy by hand.
 */
export function OneTimeValue({
  id,
  label,
  value,
  warning,
  copyLabel,
  children,
}: {
  id: string;
  label: string;
  value: string;
  warning: string;
  copyLabel: string;
  children?: React.ReactNode;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      document.getElementById(id)?.focus();
    }
  };
  return (
    <>
      <p className="flex gap-2 text-sm font-medium text-amber-900">
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        {warning}
      </p>
      <div>
        <Label htmlFor={id}>{label}</Label>
        <div className="flex gap-2">
          <Input id={id} readOnly value={value} className="font-mono text-xs" onFocus={(e) => e.target.select()} />
          <Button variant="secondary" onClick={() => void copy()} aria-label={copyLabel}>
            {copied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
            {copied ? 'Copied' : 'Copy'}
          </Button>
        </div>
      </div>
      {children}
    </>
  );
}
