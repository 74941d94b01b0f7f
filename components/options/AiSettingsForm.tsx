import { i18n } from '#i18n';
import { useEffect, useState, type FormEvent } from 'react';
import { chatCompletionsUrl } from '../../lib/ai/endpoint';
import { AiSettingsSchema, type AiSettings } from '../../lib/ai/settings';
import { AI_PROVIDERS, type AiProvider, type ManagedPolicy } from '../../lib/managed-policy';
import { builtInAvailability, type BuiltInAvailability } from '../ai/built-in';
import { aiSettings } from '../storage/ai-settings';
import { managedPolicy } from '../storage/managed-policy';

/** Where the model runs (Off by default); a managed policy can force Off or allow one provider only. */
export function AiSettingsForm() {
  const [draft, setDraft] = useState<AiSettings>();
  const [policy, setPolicy] = useState<ManagedPolicy>({});
  const [builtIn, setBuiltIn] = useState<BuiltInAvailability>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; field?: SettingsInput }>();

  useEffect(() => {
    void aiSettings.withKey().then(setDraft);
    void managedPolicy.get().then(setPolicy);
    void builtInAvailability().then(setBuiltIn);
    return managedPolicy.watch(setPolicy);
  }, []);
  if (!draft) return null;

  const forced = policy.aiProvider;
  const pinnedUrl = policy.aiEndpoint;
  const allowed = (provider: AiProvider) => !forced || provider === 'off' || provider === forced;
  const edit = (change: Partial<AiSettings>) => (setDraft({ ...draft, ...change }), setOutcome(undefined));

  const save = (event: FormEvent) => {
    event.preventDefault();
    const parsed = AiSettingsSchema.safeParse({ ...draft, endpointUrl: draft.endpointUrl.trim(), model: draft.model.trim() });
    if (!parsed.success) {
      // Named by the label the person sees, with what to do: never a schema path.
      const fields = [...new Set(parsed.error.issues.map((issue) => SETTINGS_INPUTS[String(issue.path[0])] ?? 'other'))];
      return setOutcome({ ok: false, text: i18n.t('ai.settings.invalid', [fields.map((field) => i18n.t(`ai.settings.problems.${field}`)).join(' ')]), ...(fields[0] === 'other' ? {} : { field: fields[0] }) });
    }
    if (parsed.data.provider === 'endpoint') {
      // A pinned address is the organization's to get right; the person's own stays as it was.
      const problem = endpointProblem(parsed.data, pinnedUrl);
      if (problem) return setOutcome({ ok: false, text: i18n.t('ai.settings.invalid', [problem.text]), field: problem.field });
    }
    void aiSettings.set(parsed.data).then(
      () => setOutcome({ ok: true, text: i18n.t('ai.settings.saved') }),
      (error: unknown) => setOutcome({ ok: false, text: i18n.t('ai.settings.invalid', [String(error)]) }),
    );
  };

  return (
    <form className="ai-settings" onSubmit={save} noValidate>
      <p>{i18n.t('ai.settings.intro')}</p>
      {forced ? <p className="notice" data-testid="ai-managed">{i18n.t('ai.settings.managed')}</p> : null}
      <fieldset disabled={forced === 'off'}>
        <legend>{i18n.t('ai.settings.provider')}</legend>
        {AI_PROVIDERS.map((provider) => (
          <label key={provider} className="choice">
            <input type="radio" name="ai-provider" value={provider} checked={(forced === 'off' ? 'off' : draft.provider) === provider} disabled={!allowed(provider)} onChange={() => edit({ provider })} />{' '}
            {i18n.t(`ai.settings.${provider}`)}
          </label>
        ))}
        {draft.provider === 'builtIn' && builtIn ? <p className="muted" data-testid="ai-builtin-status">{i18n.t(`ai.settings.builtInStatus.${builtIn}`)}</p> : null}
        {draft.provider === 'endpoint' ? (
          <>
            <label>
              {i18n.t('ai.settings.url')}
              <input
                id={INPUT_IDS.url}
                value={pinnedUrl ?? draft.endpointUrl}
                readOnly={pinnedUrl !== undefined}
                aria-describedby={pinnedUrl !== undefined ? 'ai-endpoint-managed' : undefined}
                placeholder={i18n.t('ai.settings.urlHint')}
                onChange={(event) => edit({ endpointUrl: event.target.value })}
              />
            </label>
            {pinnedUrl !== undefined ? (
              <p className="help" id="ai-endpoint-managed" data-testid="ai-endpoint-managed">
                {i18n.t('ai.settings.managed')}
              </p>
            ) : null}
            <label>
              {i18n.t('ai.settings.model')}
              <input id={INPUT_IDS.model} value={draft.model} onChange={(event) => edit({ model: event.target.value })} />
            </label>
            <label>
              {i18n.t('ai.settings.key')}
              <input id={INPUT_IDS.key} type="password" autoComplete="off" value={draft.apiKey} onChange={(event) => edit({ apiKey: event.target.value })} />
            </label>
          </>
        ) : null}
        {draft.provider !== 'off' ? (
          <label>
            {i18n.t('ai.settings.timeout')}
            <input id={INPUT_IDS.timeout} type="number" min={5} max={300} value={draft.timeoutSeconds} onChange={(event) => edit({ timeoutSeconds: Number(event.target.value) })} />
          </label>
        ) : null}
        <button type="submit">{i18n.t('ai.settings.save')}</button>
      </fieldset>
      {outcome ? (
        <p className={`notice ${outcome.ok ? 'notice--ok' : 'notice--error'}`} role={outcome.ok ? 'status' : 'alert'} data-testid="ai-settings-outcome">
          {outcome.text}
          {outcome.field ? (
            <>
              {' '}
              <button type="button" className="link" onClick={() => document.getElementById(INPUT_IDS[outcome.field!])?.focus()}>
                {i18n.t('ai.settings.goToField')}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
    </form>
  );
}

type SettingsInput = 'url' | 'model' | 'key' | 'timeout';
const INPUT_IDS: Record<SettingsInput, string> = { url: 'ai-endpoint-url', model: 'ai-model', key: 'ai-api-key', timeout: 'ai-timeout' };
/** Which input a setting is typed in (the schema's keys are not words a person reads). */
const SETTINGS_INPUTS: Record<string, SettingsInput> = { endpointUrl: 'url', model: 'model', apiKey: 'key', timeoutSeconds: 'timeout' };

function endpointProblem(settings: AiSettings, pinnedUrl: string | undefined): { text: string; field: SettingsInput } | undefined {
  if (!settings.model) return { text: i18n.t('ai.settings.needModel'), field: 'model' };
  if (pinnedUrl !== undefined) return undefined;
  try {
    chatCompletionsUrl(settings.endpointUrl);
    return undefined;
  } catch {
    return { text: i18n.t('ai.settings.badUrl'), field: 'url' };
  }
}
