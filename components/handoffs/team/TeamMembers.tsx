import { useCallback, useEffect, useState, type FormEvent } from 'react';
import * as z from 'zod/mini';
import { i18n } from '#i18n';
import type { TeamConnection } from '../../../lib/sync/connection';
import { ROLES, type Role } from '../../../lib/sync/roles';
import { InviteCreatedSchema, MemberListSchema, type InviteCreated, type MemberList } from '../../../lib/sync/schemas';
import { teamRequest, TeamServerError } from '../../sync/team-request';
import { LocalTime } from '../LocalTime';
import { InviteCode } from './InviteCode';

const RevokedSchema = z.object({ revoked: z.string() });

type Entry = MemberList['members'][number];

/** Admins: who is in the team, inviting someone (the code is shown once) and revoking access. */
export function TeamMembers({ connection }: { connection: TeamConnection }) {
  const [members, setMembers] = useState<Entry[]>();
  const [error, setError] = useState<string>();
  const [invite, setInvite] = useState<InviteCreated>();
  const [confirming, setConfirming] = useState<string>();
  const [busy, setBusy] = useState(false);

  /** Runs one call to the server; a failure is shown in words and keeps what is on screen. */
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      setError(undefined);
    } catch (caught) {
      setError(caught instanceof TeamServerError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }, []);
  const load = useCallback(() => run(async () => setMembers((await teamRequest(connection, '/v1/members', MemberListSchema)).members)), [connection, run]);
  useEffect(() => void load(), [load]);

  function onInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const body = { email: String(form.get('email') ?? '').trim(), role: form.get('role') as Role };
    void run(async () => {
      setInvite(await teamRequest(connection, '/v1/members/invite', InviteCreatedSchema, { body }));
      // Only a refused invite keeps what was typed, to correct it.
      formElement.reset();
      await load();
    });
  }

  function revoke(email: string) {
    setConfirming(undefined);
    void run(async () => {
      await teamRequest(connection, '/v1/members/revoke', RevokedSchema, { body: { email } });
      await load();
    });
  }

  return (
    <section aria-labelledby="members-title" data-testid="team-members">
      <h2 id="members-title">{i18n.t('teamView.members.title')}</h2>
      {error ? (
        <p className="notice notice--error" role="alert" data-testid="members-error">
          {error}
        </p>
      ) : null}
      {members === undefined ? (
        busy ? <p className="muted">{i18n.t('teamView.members.loading')}</p> : null
      ) : (
        <table className="handoffs" data-testid="members-table">
          <caption className="sr-only">{i18n.t('teamView.members.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t('teamView.members.email')}</th>
              <th scope="col">{i18n.t('teamView.members.role')}</th>
              <th scope="col">{i18n.t('teamView.members.status')}</th>
              <th scope="col">{i18n.t('teamView.members.since')}</th>
              <th scope="col">{i18n.t('teamView.members.invitedBy')}</th>
              <th scope="col">{i18n.t('teamView.members.access')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={`${member.email}-${member.status}-${member.since}`} data-testid="member-row" data-email={member.email}>
                <th scope="row">{member.email}</th>
                <td>{i18n.t(`teamView.members.roles.${member.role}`)}</td>
                <td data-column="status">{i18n.t(`teamView.members.statuses.${member.status}`)}</td>
                <td>
                  <LocalTime at={member.since} />
                </td>
                <td data-column="invited-by">{member.invitedBy ?? i18n.t('teamView.members.operator')}</td>
                <td>
                  {member.status === 'revoked' || member.email === connection.member.email ? null : confirming === member.email ? (
                    <span className="confirm" role="group" aria-label={i18n.t('teamView.members.confirmLabel', [member.email])}>
                      {i18n.t('teamView.members.confirm', [member.email])}{' '}
                      <button type="button" disabled={busy} onClick={() => revoke(member.email)}>
                        {i18n.t('teamView.members.revokeYes')}
                      </button>{' '}
                      <button type="button" className="secondary" onClick={() => setConfirming(undefined)}>
                        {i18n.t('teamView.members.cancel')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="secondary" disabled={busy} onClick={() => setConfirming(member.email)}>
                      {i18n.t('teamView.members.revoke', [member.email])}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="invite" onSubmit={onInvite}>
        <h3>{i18n.t('teamView.members.inviteTitle')}</h3>
        <label>
          {i18n.t('teamView.members.email')}
          <input type="email" name="email" required autoComplete="off" />
        </label>
        <label>
          {i18n.t('teamView.members.role')}
          <select name="role" defaultValue="member">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {i18n.t(`teamView.members.roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>
          {i18n.t('teamView.members.invite')}
        </button>
      </form>
      {invite ? <InviteCode invite={invite} onDone={() => setInvite(undefined)} /> : null}
    </section>
  );
}
