import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AiSettingsForm } from '../../components/options/AiSettingsForm';
import { providerView } from '../../components/ai/use-ai-provider';
import { aiSettings } from '../../components/storage/ai-settings';
import { managedPolicy } from '../../components/storage/managed-policy';
import { effectiveAiSettings, parseAiSettings } from '../../lib/ai/settings';
import { parseManagedPolicy } from '../../lib/managed-policy';

// Item 6 of issue 21, for AI: a policy may pin the endpoint's address, not only the provider
// kind. The worker sends only there, the panel's preview names it, the form shows it locked.

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

const mine = parseAiSettings({ provider: 'endpoint', endpointUrl: 'https://my-own.example/v1', model: 'llama3.2' });
const pinned = { aiEndpoint: 'https://llm.corp.example/v1' };

describe('an AI endpoint pinned by policy', () => {
  it('is read from the policy', () => {
    expect(parseManagedPolicy({ aiEndpoint: 'https://llm.corp.example/v1' })).toEqual(pinned);
  });

  it('replaces the address the person typed, wherever the settings are applied', () => {
    expect(effectiveAiSettings(mine, pinned).endpointUrl).toBe('https://llm.corp.example/v1');
    expect(effectiveAiSettings(mine, {}).endpointUrl).toBe('https://my-own.example/v1');
    expect(effectiveAiSettings(mine, { aiProvider: 'off', ...pinned }).provider).toBe('off');
  });

  it('is the address the panel says the notes will go to', () => {
    expect(providerView(mine, pinned)?.url).toBe('https://llm.corp.example/v1/chat/completions');
  });

  it('unusable (plain http to another computer): no endpoint at all, never the person’s own instead', () => {
    expect(providerView(mine, { aiEndpoint: 'http://llm.corp.example/v1' })).toBeUndefined();
  });

  it('shows locked in settings, and saving keeps the person’s own address unchanged', async () => {
    await aiSettings.set(mine);
    vi.spyOn(managedPolicy, 'get').mockResolvedValue(pinned);
    render(<AiSettingsForm />);
    const address = await screen.findByRole<HTMLInputElement>('textbox', { name: /Endpoint address/ });
    expect(address.value).toBe('https://llm.corp.example/v1');
    expect(address.readOnly).toBe(true);
    expect(screen.getByTestId('ai-endpoint-managed').textContent).toBe('Set by your organization');
    screen.getByRole('button', { name: 'Save' }).click();
    await waitFor(() => expect(screen.getByTestId('ai-settings-outcome').textContent).toBe('Saved.'));
    expect((await aiSettings.get()).endpointUrl).toBe('https://my-own.example/v1');
  });

  it('the form keeps an API key it did not show being typed (read from the vault, not storage.local)', async () => {
    await aiSettings.set({ ...mine, apiKey: 'sk-1' });
    render(<AiSettingsForm />);
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>(/API key/).value).toBe('sk-1'));
  });
});
