import { describe, expect, it } from 'vitest';
import { isHostAppOrigin } from '../../lib/hosts/origins';

describe('pages that may frame the panel', () => {
  it.each(['https://app.hubspot.com', 'https://app-eu1.hubspot.com', 'https://acme.lightning.force.com', 'https://acme--uat.sandbox.lightning.force.com', 'https://acme.my.salesforce.com', 'https://acme.pipedrive.com', 'https://app.clickup.com'])(
    '%s',
    (origin) => expect(isHostAppOrigin(origin, [])).toBe(true),
  );

  it.each(['https://evil.example', 'https://hubspot.com.evil.example', 'https://lightning.force.com.evil.example', 'http://app.hubspot.com', 'https://pipedrive.com', 'https://notapp.clickup.com'])(
    'not %s',
    (origin) => expect(isHostAppOrigin(origin, [])).toBe(false),
  );

  it('a team’s own ClickUp domain once added in the settings', () => {
    expect(isHostAppOrigin('https://tasks.example.com', ['https://tasks.example.com'])).toBe(true);
    expect(isHostAppOrigin('https://tasks.example.com', [])).toBe(false);
  });
});
