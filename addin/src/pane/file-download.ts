/**
 * "Download as file": the bound table's current version as an .xlsx workbook, for colleagues without the
 * add-in, through the server's short-lived signed address (no token ever goes into an address). Where Office
 * can open the system browser (OpenBrowserWindowApi 1.1: desktop Excel, whose web view keeps no downloads)
 * the address opens there; elsewhere (Excel on the web) a download link is followed in the pane.
 */
/// <reference types="office-js" />
import type { PlanBridgeClient } from '../api/graphql';
import type { Lang } from '../api/types';

function canOpenBrowserWindow(): boolean {
  const context = typeof Office === 'undefined' ? undefined : Office.context;
  return !!context?.ui?.openBrowserWindow && !!context.requirements?.isSetSupported('OpenBrowserWindowApi', '1.1');
}

/** Starts the download; answers the file's name. */
export async function downloadTableFile(client: PlanBridgeClient, tableId: string, lang: Lang): Promise<string> {
  const link = await client.workbookLink(tableId);
  // The signature covers table, version, user and expiry; the language of the headers is free to choose.
  const url = `${client.serverUrl}${link.path}${lang === 'en' ? '&lang=en' : ''}`;
  if (canOpenBrowserWindow()) {
    Office.context.ui.openBrowserWindow(url);
    return link.fileName;
  }
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = link.fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  return link.fileName;
}
