import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers (helmet) on every response: nosniff, no framing, a strict Content-Security-Policy.
 * The few HTML pages replace the policy with their own (pagePolicy), each allowing exactly what it loads.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    xFrameOptions: { action: 'deny' },
  });
}

/**
 * Where Office hosts a task pane in a frame. Office on the web (Excel in a browser) runs add-ins in
 * an iframe of the Office page ("Privacy and security for Office Add-ins", Microsoft Learn,
 * https://learn.microsoft.com/office/dev/add-ins/concepts/privacy-and-security); these are the
 * domains Office for the web is served from (Excel Online: *.officeapps.live.com; Microsoft 365:
 * *.office.com, *.microsoft365.com, *.office365.com; files in SharePoint/OneDrive for work:
 * *.sharepoint.com). Desktop Excel uses a WebView, not a frame, so the list does not affect it.
 */
export const OFFICE_FRAME_ANCESTORS = [
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.office365.com',
  'https://*.sharepoint.com',
];

/** Office.js, which every Office page must load from Microsoft's CDN (it loads its own further scripts from there). */
export const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

/** CSP source expressions for the inline <script> and <style> blocks of a page, so no 'unsafe-inline' is needed. */
export function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  const blocks = [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1]);
  return blocks.map((block) => `'sha256-${createHash('sha256').update(block).digest('base64')}'`);
}

export interface PagePolicy {
  scripts?: string[];
  styles?: string[];
  connect?: string[];
  images?: string[];
  fonts?: string[];
  /** Who may frame the page; nobody by default. */
  frameAncestors?: string[];
}

/** The Content-Security-Policy of one HTML page (replacing the strict default), and the framing it allows. */
export function pagePolicy(policy: PagePolicy): RequestHandler {
  const csp = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", ...(policy.scripts ?? [])],
      styleSrc: ["'self'", ...(policy.styles ?? [])],
      connectSrc: ["'self'", ...(policy.connect ?? [])],
      imgSrc: ["'self'", 'data:', ...(policy.images ?? [])],
      fontSrc: ["'self'", 'data:', ...(policy.fonts ?? [])],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: policy.frameAncestors ?? ["'none'"],
    },
  });
  return (req, res, next) => {
    // Framed by Office: X-Frame-Options has no allow-list, so the CSP's frame-ancestors alone decides.
    if (policy.frameAncestors) res.removeHeader('X-Frame-Options');
    csp(req, res, next);
  };
}
