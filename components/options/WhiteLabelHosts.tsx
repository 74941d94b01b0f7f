import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { clickupHosts, hostOrigin, originPattern } from '../storage/clickup-hosts';

/** Lets a team whose ClickUp runs on its own domain turn Baton on there. */
export function WhiteLabelHosts() {
  const [hosts, setHosts] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    void clickupHosts.getValue().then(setHosts);
    return clickupHosts.watch((next) => setHosts(next ?? []));
  }, []);

  function add() {
    const origin = hostOrigin(input);
    if (!origin) return setProblem(`"${input}" is not a web address like https://tasks.example.com`);
    if (hosts.includes(origin)) return setProblem(`${origin} is already on the list.`);
    // Asked inside the click itself: browsers grant permissions only during a user gesture.
    void browser.permissions.request({ origins: [originPattern(origin)] }).then(async (granted) => {
      if (!granted) return setProblem(`Baton was not allowed on ${origin}, so it cannot guard ClickUp there.`);
      await clickupHosts.setValue([...hosts, origin]);
      setInput('');
      setProblem(undefined);
    });
  }

  async function remove(origin: string) {
    await clickupHosts.setValue(hosts.filter((host) => host !== origin));
    await browser.permissions.remove({ origins: [originPattern(origin)] });
  }

  return (
    <div className="hosts">
      <p>Baton works on app.clickup.com. If your team opens ClickUp at its own address, add it here.</p>
      {hosts.length > 0 ? (
        <ul data-testid="clickup-hosts">
          {hosts.map((origin) => (
            <li key={origin}>
              {origin}{' '}
              <button type="button" aria-label={`Remove ${origin}`} onClick={() => void remove(origin)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={(event) => (event.preventDefault(), add())}>
        <label>
          ClickUp address
          <input value={input} placeholder="https://tasks.example.com" onChange={(event) => setInput(event.target.value)} />
        </label>
        <button type="submit">Add</button>
      </form>
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
