import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AiSettingsForm } from '../../components/options/AiSettingsForm';
import { managedPolicy } from '../../components/storage/managed-policy';
import { aiSettings } from '../../components/storage/ai-settings';

// The settings page's AI section: Off by default, and a managed policy can lock it.

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

const radio = (name: RegExp) => screen.getByRole<HTMLInputElement>('radio', { name });

describe('AI settings', () => {
  it('say what is wrong with a setting by its label and what to do, never a schema path, and jump to it', async () => {
    await aiSettings.set({ provider: 'endpoint', endpointUrl: 'http://localhost:11434/v1', model: 'llama3.2', apiKey: '', timeoutSeconds: 60 });
    render(<AiSettingsForm />);
    const timeout = await screen.findByLabelText('Give up after (seconds)');
    fireEvent.change(timeout, { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const outcome = await screen.findByTestId('ai-settings-outcome');
    expect(outcome.textContent).toContain('“Give up after” takes a whole number of seconds from 5 to 300.');
    expect(outcome.textContent).not.toMatch(/timeoutSeconds|Too small/);
    fireEvent.click(screen.getByRole('button', { name: 'Go to the field' }));
    expect(document.activeElement).toBe(timeout);
  });

  it('start Off, with no organization note', async () => {
    render(<AiSettingsForm />);
    await waitFor(() => expect(radio(/^Off/).checked).toBe(true));
    expect(screen.queryByTestId('ai-managed')).toBeNull();
  });

  it('show Off, locked and "Set by your organization" when the policy forces AI off, whatever was chosen', async () => {
    await aiSettings.set({ provider: 'endpoint', endpointUrl: 'http://localhost:11434/v1', model: 'llama3.2', apiKey: '', timeoutSeconds: 60 });
    vi.spyOn(managedPolicy, 'get').mockResolvedValue({ aiProvider: 'off' });
    render(<AiSettingsForm />);
    await waitFor(() => expect(screen.getByTestId('ai-managed').textContent).toBe('Set by your organization'));
    expect(radio(/^Off/).checked).toBe(true);
    expect(radio(/Your own endpoint/).disabled).toBe(true);
    expect((screen.getByRole('group') as HTMLFieldSetElement).disabled).toBe(true);
  });

  it('allow only the provider a policy names (and Off)', async () => {
    vi.spyOn(managedPolicy, 'get').mockResolvedValue({ aiProvider: 'builtIn' });
    render(<AiSettingsForm />);
    await waitFor(() => expect(screen.getByTestId('ai-managed')).toBeTruthy());
    expect(radio(/Your own endpoint/).disabled).toBe(true);
    expect(radio(/Built into the browser/).disabled).toBe(false);
  });
});
