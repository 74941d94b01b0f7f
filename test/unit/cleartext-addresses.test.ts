import { describe, expect, it } from 'vitest';
import { chatCompletionsUrl } from '../../lib/ai/endpoint';
import { AiError } from '../../lib/ai/failure';
import { parseServerAddress } from '../../lib/sync/connection';
import { isLoopbackHost, sendsInTheClear } from '../../lib/web-address';

// Item 9 of issue 21: notes, an API key or a team token may travel over plain http only to
// this computer. One rule for the team server and the AI endpoint.

describe('plain http only to this computer', () => {
  it.each(['localhost', '127.0.0.1', '127.4.5.6', '[::1]'])('counts %s as this computer', (host) => {
    expect(isLoopbackHost(new URL(`http://${host}:8080/`).hostname)).toBe(true);
  });

  it.each(['example.com', '10.0.0.2', '192.168.1.10', '0.0.0.0', '[::ffff:7f00:1]', 'localhost.example.com', '128.0.0.1'])('does not count %s', (host) => {
    expect(isLoopbackHost(new URL(`http://${host}/`).hostname)).toBe(false);
  });

  it('says which addresses would carry secrets in the clear', () => {
    expect(sendsInTheClear(new URL('http://llm.lan:11434/v1'))).toBe(true);
    expect(sendsInTheClear(new URL('http://127.0.0.1:11434/v1'))).toBe(false);
    expect(sendsInTheClear(new URL('https://llm.example.com/v1'))).toBe(false);
  });

  it('refuses an AI endpoint over plain http on another host, with a reason a person can act on', () => {
    expect(() => chatCompletionsUrl('http://llm.lan:11434/v1')).toThrow(AiError);
    expect(() => chatCompletionsUrl('http://llm.lan:11434/v1')).toThrow(/cleartext: http:\/\/llm\.lan:11434/);
    expect(chatCompletionsUrl('http://127.0.0.1:11434/v1').href).toBe('http://127.0.0.1:11434/v1/chat/completions');
    expect(chatCompletionsUrl('http://[::1]:8000/v1').href).toBe('http://[::1]:8000/v1/chat/completions');
  });

  it('the team server address follows the same rule', () => {
    expect(parseServerAddress('http://127.0.0.2:8787')).toEqual({ ok: true, origin: 'http://127.0.0.2:8787' });
    expect(parseServerAddress('http://baton.lan:8787').ok).toBe(false);
  });
});
