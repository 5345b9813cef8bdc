/** The launcher variant: a floating button and the modal dialog it opens. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { checkTitle } from '../strings.ts';

export interface LauncherView {
  locale: string;
  dir: 'ltr' | 'rtl';
  /** The page is right-to-left: the launcher sits bottom-left, whatever the widget's language. */
  pageRtl: boolean;
  /** The check itself; undefined until the dialog is first opened, so a closed launcher costs little. */
  content?: TemplateResult;
  /** The launcher was pressed (`true`), or the dialog was closed by its button or Escape (`false`). */
  onOpenChange: (open: boolean) => void;
}

/**
 * A floating button and the native modal dialog it opens (`showModal()` gives focus trapping and
 * Escape). The button's corner follows the page's direction, not the widget's language. Below
 * about 480 px it shows a short label instead (CSS), so its name is always the visible text.
 */
export function renderLauncher(view: LauncherView) {
  return html`
    <div class="launcher-root" lang=${view.locale} dir=${view.dir}>
      <button
        type="button"
        part="launcher"
        class=${view.pageRtl ? 'launcher page-rtl' : 'launcher'}
        aria-haspopup="dialog"
        @click=${() => view.onOpenChange(true)}
      >
        <svg class="launcher-icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M4 4h16v12H8l-4 4z"></path>
        </svg>
        <span class="launcher-full">${checkTitle()}</span>
        <span class="launcher-short">${msg('Second opinion?', { id: 'launcher.short' })}</span>
      </button>
      <dialog part="dialog" class="dialog" aria-label=${checkTitle()} @close=${() => view.onOpenChange(false)}>
        <div class="dialog-bar">
          <button type="button" part="button" class="close" @click=${() => view.onOpenChange(false)}>
            <span aria-hidden="true">×</span>
            <span class="visually-hidden">${msg('Close', { id: 'launcher.close' })}</span>
          </button>
        </div>
        ${view.content ?? nothing}
      </dialog>
    </div>
  `;
}
