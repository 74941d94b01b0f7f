// Which web addresses may carry a secret (a team token, an API key, a record's notes) over plain
// http: only those that never leave this computer. Shared by the team server address and the AI
// endpoint so the two cannot drift apart.

/**
 * A hostname as `new URL()` writes it: the URL parser already turns `127.1` into `127.0.0.1` and
 * `[0:0::1]` into `[::1]`, so only canonical forms need recognising. `0.0.0.0` is not loopback
 * (it means "every interface" to a server), and `*.localhost` names are left out on purpose.
 */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  const octets = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(hostname);
  return octets !== null && octets[1] === '127';
}

/** True for plain http to another computer: anything sent there can be read by the network on the way. */
export function sendsInTheClear(url: URL): boolean {
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}
