import { i18n } from '#i18n';
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
    if (!origin) return setProblem(i18n.t('options.clickup.notAddress', [input]));
    if (hosts.includes(origin)) return setProblem(i18n.t('options.clickup.already', [origin]));
    // Asked inside the click itself: browsers grant permissions only during a user gesture.
    void browser.permissions.request({ origins: [originPattern(origin)] }).then(async (granted) => {
      if (!granted) return setProblem(i18n.t('options.clickup.refused', [origin]));
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
      <p>{i18n.t('options.clickup.intro')}</p>
      {hosts.length > 0 ? (
        <ul data-testid="clickup-hosts">
          {hosts.map((origin) => (
            <li key={origin}>
              {origin}{' '}
              <button type="button" aria-label={i18n.t('options.clickup.removeOne', [origin])} onClick={() => void remove(origin)}>
                {i18n.t('options.clickup.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={(event) => (event.preventDefault(), add())}>
        <label>
          {i18n.t('options.clickup.address')}
          <input value={input} placeholder={i18n.t('options.clickup.example')} onChange={(event) => setInput(event.target.value)} />
        </label>
        <button type="submit">{i18n.t('options.clickup.add')}</button>
      </form>
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
