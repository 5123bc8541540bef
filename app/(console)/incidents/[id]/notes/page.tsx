import type { Metadata } from 'next';
import { AccessDenied } from '@/components/access-denied';
import { EmptyState } from '@/components/empty-state';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/actor';
import { getIncident } from '@/lib/incidents/get-incident';
import { listIncidentNotes } from '@/lib/incidents/list-incident-notes';
import { orNotFound } from '../../../errors';
import { requireUser } from '../../../require-user';
import { LocalTime } from '@/components/viewer-zone';
import { FallbackForm } from './fallback-form';
import { NoteForm } from './note-form';

export const metadata: Metadata = { title: 'Incident notes' };

/** The responders' log (who wrote what, when) and the manual fallback reviewers read while the incident is open. */
export default async function IncidentNotesPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  if (!can(actor, 'incidents.manage')) {
    return <AccessDenied title="Incident notes">Incidents are opened, worked and closed by admins.</AccessDenied>;
  }
  const { id } = await params;
  const [incident, notes] = await Promise.all([
    orNotFound(getIncident(actor, id)),
    orNotFound(listIncidentNotes(actor, id)),
  ]);
  const open = incident.status === 'open';

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <Card aria-labelledby="incident-notes">
        <CardHeader
          id="incident-notes"
          title="Notes"
          description={`${notes.length} ${notes.length === 1 ? 'note' : 'notes'}, oldest first. Notes are never edited.`}
        />
        {notes.length === 0 ? (
          <EmptyState
            title="No notes yet"
            description={open ? 'Write down what you find as you go: the next responder reads it here.' : undefined}
          />
        ) : (
          <ol className="divide-y divide-gray-100">
            {notes.map((note) => (
              <li key={note.id} className="px-4 py-3 sm:px-5">
                <p className="text-xs text-gray-600">
                  <span className="font-medium text-gray-900">{note.author}</span> · <LocalTime iso={note.createdAt} />
                </p>
                <p className="mt-1 text-sm break-words whitespace-pre-line text-gray-900">{note.body}</p>
              </li>
            ))}
          </ol>
        )}
        {open ? (
          <CardBody className="border-t border-gray-200">
            <NoteForm id={incident.id} />
          </CardBody>
        ) : null}
      </Card>
      <Card aria-labelledby="incident-fallback">
        <CardHeader
          id="incident-fallback"
          title="Manual fallback"
          description={
            open
              ? 'What reviewers do by hand while this incident is open: shown on the affected agents’ pages and their review cards.'
              : 'The incident is closed: the fallback is no longer shown.'
          }
        />
        <CardBody>
          {open ? (
            <FallbackForm id={incident.id} version={incident.version} text={incident.manualFallback} />
          ) : (
            <p className="text-sm break-words whitespace-pre-line text-gray-900">
              {incident.manualFallback || <span className="text-gray-600">None was written.</span>}
            </p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
