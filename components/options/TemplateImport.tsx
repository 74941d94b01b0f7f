import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { sameAnswer } from '../../lib/completeness';
import { templateProblemText } from '../words/template-problem-words';
import { managedTemplateIds } from '../../lib/managed-policy';
import { managedPolicy } from '../storage/managed-policy';
import { messenger } from '../../lib/messages';
import { parseTemplateJson, type TemplateParseResult } from '../../lib/template-json';
import { batonDb } from '../storage/db';
import { importTemplate } from '../storage/templates';

/** A template file is read as text: anything bigger is not a checklist template. */
const MAX_FILE_BYTES = 256 * 1024;

type Outcome = { kind: 'saved'; message: string } | { kind: 'failed'; message: string };

/**
 * Adds a template from JSON (a file or pasted text). Every problem is listed with its path
 * before anything is stored; an invalid template is never saved.
 */
export function TemplateImport() {
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const parsed: TemplateParseResult | undefined = text.trim() ? parseTemplateJson(text) : undefined;
  const installed = useLiveQuery(() => batonDb().templates.toArray());
  // Two templates of one name would show as two identical tabs on a record: refused, as in the editor.
  const sameName = parsed?.ok ? installed?.find((other) => other.id !== parsed.template.id && sameAnswer(other.name, parsed.template.name)) : undefined;

  async function readFile(file: File | undefined) {
    setOutcome(undefined);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setOutcome({ kind: 'failed', message: i18n.t('options.import.tooBig', [file.name, Math.round(file.size / 1024)]) });
      return;
    }
    setText(await file.text());
  }

  async function install() {
    if (!parsed?.ok || sameName) return;
    try {
      if (managedTemplateIds(await managedPolicy.get()).has(parsed.template.id)) {
        throw new Error(`"${parsed.template.name}": ${i18n.t('managed.setByOrganization')}.`);
      }
      const { replaced } = await importTemplate(batonDb(), parsed.template);
      const { name, version } = parsed.template;
      const message = replaced ? i18n.t('options.import.replaced', [replaced.version, name, version]) : i18n.t('options.import.installed', [name, version]);
      setOutcome({ kind: 'saved', message });
      setText('');
      await messenger.sendMessage('templatesChanged', undefined).catch(() => undefined);
    } catch (error) {
      setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div className="import">
      <h3>{i18n.t('options.import.title')}</h3>
      <label>
        {i18n.t('options.import.file')}
        <input type="file" accept="application/json,.json" onChange={(event) => void readFile(event.target.files?.[0])} />
      </label>
      <label>
        {i18n.t('options.import.paste')}
        <textarea value={text} rows={8} spellCheck={false} onChange={(event) => (setText(event.target.value), setOutcome(undefined))} />
      </label>
      {parsed && !parsed.ok ? (
        <div className="notice notice--error" role="alert" data-testid="template-errors">
          <strong>{i18n.t('options.import.invalid')}</strong>
          <ul>
            {parsed.notJson !== undefined ? <li>{i18n.t('options.import.notJson', [parsed.notJson])}</li> : null}
            {parsed.problems.map((problem, index) => (
              <li key={index}>{templateProblemText(problem)}</li>
            ))}
            {parsed.errors.length > parsed.problems.length && parsed.notJson === undefined ? <li>{i18n.t('options.import.moreProblems', [parsed.errors.length - parsed.problems.length])}</li> : null}
          </ul>
        </div>
      ) : null}
      {sameName ? (
        <p className="notice notice--error" role="alert" data-testid="template-errors">
          {i18n.t('options.import.sameName', [sameName.name])}
        </p>
      ) : null}
      {parsed?.ok ? (
        <p className="notice" data-testid="template-preview">
          {i18n.t('options.import.preview', [
            parsed.template.name,
            parsed.template.version,
            parsed.template.fields.length,
            parsed.template.appliesTo.map((target) => `${target.host} ${target.objectType}`).join(', '),
          ])}
        </p>
      ) : null}
      <button type="button" disabled={!parsed?.ok || sameName !== undefined} onClick={() => void install()}>
        {i18n.t('options.import.install')}
      </button>
      {outcome ? (
        <p className={`notice notice--${outcome.kind === 'saved' ? 'ok' : 'error'}`} role={outcome.kind === 'saved' ? 'status' : 'alert'} data-testid="template-outcome">
          {outcome.message}
        </p>
      ) : null}
    </div>
  );
}
