import { i18n } from '#i18n';
import { useState } from 'react';
import { MAX_IMPORT_BYTES, parseHandoffFile, planCounts, type ImportPlan } from '../../lib/handoff-import';
import { messenger } from '../../lib/messages';
import { batonDb } from '../storage/db';
import { applyImport, previewImport } from '../storage/handoff-import';
import { ImportPreview } from './ImportPreview';

type ImportStep =
  | { kind: 'choose' }
  | { kind: 'invalid'; fileName: string; errors: string[] }
  | { kind: 'preview'; fileName: string; plan: ImportPlan; applying: boolean }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

/**
 * Merges a JSON export into this browser's handoffs. A file is checked in full and its
 * changes previewed; nothing is written until the user confirms, and never an older value
 * over a newer one.
 */
export function HandoffImport() {
  const [step, setStep] = useState<ImportStep>({ kind: 'choose' });

  async function read(file: File | undefined) {
    if (!file) return setStep({ kind: 'choose' });
    // Checked before reading: a huge file is refused without loading it into memory.
    if (file.size > MAX_IMPORT_BYTES) return setStep({ kind: 'invalid', fileName: file.name, errors: [i18n.t('handoffs.import.tooBig', [megabytes(file.size), megabytes(MAX_IMPORT_BYTES)])] });
    try {
      const parsed = parseHandoffFile(await file.text());
      if (!parsed.ok) return setStep({ kind: 'invalid', fileName: file.name, errors: parsed.errors });
      setStep({ kind: 'preview', fileName: file.name, plan: await previewImport(batonDb(), parsed.document), applying: false });
    } catch (error) {
      setStep({ kind: 'failed', message: i18n.t('handoffs.import.unreadable', [file.name, errorText(error)]) });
    }
  }

  async function apply(fileName: string, plan: ImportPlan) {
    setStep({ kind: 'preview', fileName, plan, applying: true });
    try {
      const counts = planCounts(await applyImport(batonDb(), plan));
      setStep({
        kind: 'done',
        message: i18n.t('handoffs.import.done', [
          fileName,
          i18n.t('handoffs.counts.newHandoffs', counts.newHandoffs),
          i18n.t('handoffs.counts.fields', counts.updatedFields),
          counts.keptFields,
          i18n.t('handoffs.counts.logEntries', counts.newRevisions),
        ]),
      });
      // Open record tabs ask for their status again: their guards decide on the imported values.
      await messenger.sendMessage('templatesChanged', undefined).catch(() => undefined);
    } catch (error) {
      setStep({ kind: 'failed', message: i18n.t('handoffs.import.failed', [errorText(error)]) });
    }
  }

  return (
    <section className="import" aria-labelledby="import-title">
      <h2 id="import-title">{i18n.t('handoffs.import.title')}</h2>
      <p>{i18n.t('handoffs.import.intro')}</p>
      <label>
        {i18n.t('handoffs.import.file')}
        <input
          type="file"
          accept="application/json,.json"
          onChange={(event) => {
            void read(event.target.files?.[0]);
            // Cleared, so choosing the same file again (after fixing it) is read again.
            event.target.value = '';
          }}
        />
      </label>
      {step.kind === 'invalid' ? (
        <div className="notice notice--error" role="alert" data-testid="import-errors">
          <strong>{i18n.t('handoffs.import.invalid', [step.fileName])}</strong>
          <ul>
            {step.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {step.kind === 'preview' ? (
        <>
          <h3>{i18n.t('handoffs.import.willChange', [step.fileName])}</h3>
          <ImportPreview plan={step.plan} />
          <div className="actions">
            <button type="button" disabled={step.applying} onClick={() => void apply(step.fileName, step.plan)}>
              {i18n.t('handoffs.import.apply')}
            </button>
            <button type="button" className="secondary" disabled={step.applying} onClick={() => setStep({ kind: 'choose' })}>
              {i18n.t('handoffs.import.cancel')}
            </button>
          </div>
        </>
      ) : null}
      {step.kind === 'done' || step.kind === 'failed' ? (
        <p className={`notice notice--${step.kind === 'done' ? 'ok' : 'error'}`} role={step.kind === 'done' ? 'status' : 'alert'} data-testid="import-outcome">
          {step.message}
        </p>
      ) : null}
    </section>
  );
}

/** "1.5": sizes in the file-size message. */
function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
