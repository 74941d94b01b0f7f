/**
 * One overlay Baton draws over a board (the move dialog, the blind-drop notice): the only one of
 * its kind, in an open shadow root with its own styles, so host CSS cannot restyle it.
 */
export function drawOverlay(tag: string, css: string, ...content: Node[]): HTMLElement {
  document.querySelector(tag)?.remove();
  const host = document.createElement(tag);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  shadow.append(style, ...content);
  document.documentElement.append(host);
  return host;
}
