// Who may do what on the team server. The server enforces it; the extension reads it to know
// which views to offer. Roles nest: a lead can do all a member can, an admin all a lead can.

export const ROLES = ['member', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = {
  /** Push and pull the team's records: drafts, briefs, receipts. Every record of the own team. */
  sync: 'member',
  readTemplates: 'member',
  /** Every handoff of the team by owner and state, and its health metrics. */
  teamView: 'lead',
  manageMembers: 'admin',
  manageTemplates: 'admin',
} as const satisfies Record<string, Role>;
export type Action = keyof typeof ACTIONS;

export function may(role: Role, action: Action): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(ACTIONS[action]);
}
