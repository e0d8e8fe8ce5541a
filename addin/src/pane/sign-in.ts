/**
 * Signing in through an Office dialog when the server may be on another origin than the pane. The first page a
 * dialog loads must be on the pane's own origin (protocol and port included), else Office fails with 12004 ("Best
 * practices and rules for the Office Dialog API"); AppDomains does not change that. So the dialog opens
 * signin-start.html next to the pane, which redirects to the server's /signin with the pane's origin; the server's
 * page answers with messageParent(…, { targetOrigin }) (DialogOrigin 1.1), and the pane accepts a message only from
 * the server it chose (arg.origin).
 */
import type { MessageKey } from './i18n';

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** What the dialog opens first: the server's page itself when it shares the pane's origin, else the start page. */
export function signInDialogUrl(paneHref: string, serverUrl: string): string {
  const paneOrigin = new URL(paneHref).origin;
  if (originOf(serverUrl) === paneOrigin) return `${serverUrl.replace(/\/+$/, '')}/signin`;
  const start = new URL('signin-start.html', paneHref);
  start.searchParams.set('server', serverUrl);
  return start.href;
}

/**
 * Whether a dialog message comes from the chosen server. Clients without DialogOrigin 1.1 give no origin; they
 * can only deliver same-origin messages, so such a message is accepted only when the server is the pane's origin.
 */
export function fromChosenServer(origin: string | undefined, serverUrl: string, paneOrigin: string): boolean {
  const server = originOf(serverUrl);
  if (origin === undefined || origin === null || origin === '') return server === paneOrigin;
  return origin === server;
}

/** The pane's words for a dialog's failure (displayDialogAsync codes and DialogEventReceived errors). */
export function dialogErrorKey(code: number): MessageKey {
  switch (code) {
    case 12002:
      return 'dialogNotFound';
    case 12003:
      return 'dialogInsecure';
    case 12006:
      return 'dialogClosed';
    default:
      return 'dialogBlocked';
  }
}
