import { ShieldAlert } from 'lucide-react';
import { InertText } from '@/components/inert-text';
import { Card, CardHeader } from '@/components/ui/card';
import type { EmailPreview, EmailRole } from '@/lib/review/email-preview';
import { describeFlag, inspectText } from '@/lib/review/inspect-text';

const ROLE_LABELS: Record<EmailRole, string> = { from: 'From', replyTo: 'Reply-To', to: 'To', cc: 'Cc', bcc: 'Bcc' };

/**
 * The e-mail as its recipient will read it. Always text, never rendered HTML: what a mail client would obey
 * (tags, links, hidden characters) is shown as written and flagged beside the part that carries it.
 */
export function EmailPreviewCard({ email, version }: { email: EmailPreview; version: string }) {
  return (
    <Card aria-labelledby="email-preview">
      <CardHeader
        id="email-preview"
        title="E-mail preview"
        description={`What the recipient will read (${version}). Shown as plain text: nothing in it is rendered or followed.`}
      />
      <div className="p-3 sm:p-4">
        <article
          className="overflow-hidden rounded-md border border-gray-200 bg-white"
          aria-label="E-mail as the recipient sees it"
        >
          <dl className="grid grid-cols-[4.5rem_minmax(0,1fr)] gap-x-3 gap-y-1.5 border-b border-gray-200 bg-gray-50 px-4 py-3 text-sm">
            {email.headers.map((field) => (
              <div key={field.path} className="contents">
                <dt className="text-gray-500">{ROLE_LABELS[field.role]}</dt>
                <dd className="min-w-0 break-words text-gray-900">
                  {field.values.map((value, index) => (
                    <span key={index}>
                      {index > 0 ? ', ' : null}
                      <InertText text={value} />
                    </span>
                  ))}
                  {field.values.map((value, index) => (
                    <PartFlags key={index} text={value} />
                  ))}
                </dd>
              </div>
            ))}
            <dt className="text-gray-500">Subject</dt>
            <dd className="min-w-0 font-semibold break-words text-gray-900">
              {email.subject ? (
                <>
                  <InertText text={email.subject.text} />
                  <PartFlags text={email.subject.text} />
                </>
              ) : (
                <span className="font-normal text-gray-500 italic">(no subject)</span>
              )}
            </dd>
          </dl>
          <div className="px-4 py-4">
            <PartFlags text={email.body.text} className="mb-3" />
            {email.bodyIsHtml ? (
              <p className="mb-3 text-xs text-gray-600">
                The tool sends this body as HTML; it is shown here as its source text.
              </p>
            ) : null}
            <div
              className="max-h-[28rem] overflow-auto text-sm leading-relaxed break-words whitespace-pre-wrap text-gray-900"
              data-testid="email-body"
            >
              <InertText text={email.body.text} />
            </div>
          </div>
        </article>
      </div>
    </Card>
  );
}

/** Beside one part of the mail: what in it a mail client could obey or hide. */
function PartFlags({ text, className }: { text: string; className?: string }) {
  const flags = inspectText(text);
  if (flags.length === 0) return null;
  return (
    <p
      className={`mt-1 flex items-start gap-1.5 text-xs font-normal text-rose-800 ${className ?? ''}`}
      data-testid="email-flag"
    >
      <ShieldAlert aria-hidden className="mt-px size-3.5 shrink-0" />
      <span>
        Contains <InertText text={flags.map(describeFlag).join(', ')} />
      </span>
    </p>
  );
}
