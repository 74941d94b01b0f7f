import { describe, expect, it } from 'vitest';
import { hostOrigin, originPattern } from '../../components/storage/clickup-hosts';

describe('a team’s own ClickUp address', () => {
  it.each([
    ['tasks.example.com', 'https://tasks.example.com'],
    ['https://tasks.example.com', 'https://tasks.example.com'],
    ['https://tasks.example.com/9012345/v/l/1', 'https://tasks.example.com'],
    ['  clickup.acme.io  ', 'https://clickup.acme.io'],
  ])('"%s" becomes %s', (input, origin) => {
    expect(hostOrigin(input)).toBe(origin);
    expect(originPattern(origin)).toBe(`${origin}/*`);
  });

  it.each(['', 'localhost', 'http://tasks.example.com', 'ftp://tasks.example.com', 'not a url at all'])('"%s" is refused', (input) => {
    expect(hostOrigin(input)).toBeUndefined();
  });
});
