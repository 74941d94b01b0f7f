import { CLICKUP_MATCHES } from './clickup';
import { HUBSPOT_MATCHES } from './hubspot';
import { PIPEDRIVE_MATCHES } from './pipedrive';
import { SALESFORCE_MATCHES } from './salesforce';

/** Every page Baton works on: host permissions and the panel's web-accessible matches. */
export const ALL_HOST_MATCHES = [...HUBSPOT_MATCHES, ...SALESFORCE_MATCHES, ...PIPEDRIVE_MATCHES, ...CLICKUP_MATCHES];
