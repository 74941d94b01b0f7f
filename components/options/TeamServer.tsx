import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { messenger } from '../../lib/messages';
import { parseServerAddress, type TeamConnection } from '../../lib/sync/connection';
import { RedeemResponseSchema } from '../../lib/sync/schemas';
import { batonDb } from '../storage/db';
import { useManagedPolicy } from '../managed/use-managed-policy';
import { teamConnection } from '../storage/team-connection';
import { linkDevice, unlinkDevice } from '../sync/link';
import { teamPolicyNotice } from '../sync/policy-guard';
import { syncStatusText } from '../sync/status-text';
import { teamRequest, TeamServerError } from '../sync/team-request';
import { useSyncState } from '../sync/use-sync-state';
import { RefusedChanges } from './RefusedChanges';

/** Settings → Team server: join with an invite code, see who this device syncs as, leave. */
export function TeamServer() {
  const [connection, setConnection] = useState<TeamConnection | null>();
  useEffect(() => {
    void teamConnection.get().then(setConnection);
    return teamConnection.watch(setConnection, { initial: true });
  }, []);
  if (connection === undefined) return null;
  return connection ? <Connected connection={connection} /> : <ConnectForm />;
}

function ConnectForm() {
  const id = useId();
  const [typed, setAddress] = useState('');
  const pinned = useManagedPolicy().teamServer;
  const locked = pinned !== undefined;
  const address = pinned ?? typed;
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // Why this device is not connected any more, when the worker disconnected it for the policy.
  const notice = useLiveQuery(() => teamPolicyNotice.get(batonDb()), []);

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const server = parseServerAddress(address);
    if (!server.ok) return setError(server.error);
    setBusy(true);
    try {
      const redeemed = await teamRequest({ server: server.origin }, '/v1/redeem', RedeemResponseSchema, { body: { code: code.trim() } });
      await linkDevice(batonDb(), { server: server.origin, token: redeemed.token, member: redeemed.member, connectedAt: Date.now() });
      await teamPolicyNotice.clear(batonDb());
      await messenger.sendMessage('syncNow').catch(() => undefined);
    } catch (caught) {
      setError(connectError(caught, server.origin));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void connect(event)} aria-describedby={`${id}-intro`} data-testid="team-connect">
      <p id={`${id}-intro`}>{i18n.t('sync.intro')}</p>
      {notice ? (
        <p className="notice notice--error" role="alert" data-testid="team-policy-notice">
          {i18n.t('sync.policyDisconnected', [notice.required, notice.disconnected])}
        </p>
      ) : null}
      <label>
        {i18n.t('sync.address')}
        <input name="server" value={address} readOnly={locked} placeholder={i18n.t('sync.addressPlaceholder')} onChange={(event) => setAddress(event.target.value)} aria-describedby={locked ? `${id}-managed` : undefined} />
      </label>
      {locked ? <p id={`${id}-managed`} className="help">{i18n.t('sync.managed')}</p> : null}
      <label>
        {i18n.t('sync.code')}
        <input name="code" value={code} autoComplete="off" spellCheck={false} onChange={(event) => setCode(event.target.value)} aria-describedby={`${id}-code`} />
      </label>
      <p id={`${id}-code`} className="help">{i18n.t('sync.codeHelp')}</p>
      <button type="submit" className="button" disabled={busy}>
        {busy ? i18n.t('sync.connecting') : i18n.t('sync.connect')}
      </button>
      {error ? <p className="notice notice--error" role="alert" data-testid="team-error">{error}</p> : null}
    </form>
  );
}

/** The server's reasons are already in words; these are the two a person most often meets. */
function connectError(error: unknown, server: string): string {
  if (!(error instanceof TeamServerError)) return String(error);
  if (error.unreachable) return i18n.t('sync.unreachable', [server]);
  if (error.status === 400 || error.status === 401) return i18n.t('sync.unknownCode');
  return error.message;
}

function Connected({ connection }: { connection: TeamConnection }) {
  const line = useSyncState();
  const locked = useManagedPolicy().teamServer !== undefined;
  const waiting = useLiveQuery(() => batonDb().outbox.filter((entry) => !entry.refused).count(), []) ?? 0;
  const [confirming, setConfirming] = useState(false);
  const disconnect = () => (waiting > 0 && !confirming ? setConfirming(true) : void unlinkDevice(batonDb()));
  return (
    <div data-testid="team-connected">
      <p>
        <strong data-testid="team-member">{i18n.t('sync.connected', [connection.member.email, connection.member.role])}</strong> · {connection.server}
        {locked ? <span className="locked-tag" data-testid="team-server-managed"> 🔒 {i18n.t('sync.managed')}</span> : null}
      </p>
      {line ? <p className={line.kind === 'revoked' ? 'notice notice--error' : 'help'} data-testid="team-status">{syncStatusText(line)}</p> : null}
      <RefusedChanges />
      {confirming ? <p className="notice notice--error" role="alert">{i18n.t('sync.disconnectWaiting', waiting)}</p> : null}
      <div className="brief__buttons">
        <button type="button" className="button button--secondary" onClick={disconnect}>
          {confirming ? i18n.t('sync.disconnectConfirm') : i18n.t('sync.disconnect')}
        </button>
        {confirming ? (
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {i18n.t('sync.cancel')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
