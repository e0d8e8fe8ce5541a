/**
 * Excel on iPad is not supported. The manifest requires AddinCommands 1.1, which Office on iPad lacks, so Office
 * should not activate the add-in there; a manifest deployed before that, or a client that activates it anyway,
 * still reaches this check, and the pane then refuses to start instead of failing half-way.
 */
import { t } from './i18n';

type OfficePlatform = { context: { platform?: unknown }; PlatformType: { iOS: unknown } };

/** The refusal shown in both languages (the person's language is not known yet), or null where the pane runs. */
export function platformRefusal(office: OfficePlatform): string | null {
  if (office.context.platform !== office.PlatformType.iOS) return null;
  return `${t('vi', 'iPadUnsupported')} ${t('en', 'iPadUnsupported')}`;
}
