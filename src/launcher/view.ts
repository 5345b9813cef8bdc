import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { checkTitle } from '../questionnaire/questions.ts';

export interface LauncherView {
  locale: string;
  dir: 'ltr' | 'rtl';
  /** The host page's direction: the launcher sits in the page's bottom inline-end corner. */
  pageDir: 'ltr' | 'rtl';
  /** Shown in the dialog's header row beside the close button: the clinic's name, else the check's title. */
  clinicName?: TemplateResult;
  /** The check itself; undefined until the dialog is first opened, so a closed launcher costs little. */
  content?: TemplateResult;
  onOpenClick: () => void;
  onCloseClick: () => void;
  onDialogClose: () => void;
}

/** The launcher and its dialog are named by the check's title. */
export const launcherLabel = checkTitle;

/** The closed launcher's label on a narrow screen, so it covers little of the page. */
export const launcherShortLabel = () => msg('Second opinion?', { id: 'launcher.short' });

/**
 * A floating button and the native modal dialog it opens (`showModal()` gives focus trapping and
 * Escape). The button's corner follows the page's direction, not the widget's language: an
 * Arabic widget on an English page stays bottom-right.
 */
export function renderLauncher(view: LauncherView) {
  const corner = view.pageDir === 'rtl' ? 'left' : 'right';
  return html`
    <div class="launcher-root" lang=${view.locale} dir=${view.dir}>
      <button
        type="button"
        part="launcher"
        class=${`launcher corner-${corner}`}
        aria-haspopup="dialog"
        @click=${view.onOpenClick}
      >
        <svg class="launcher-icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M4 4h16v12H8l-4 4z"></path>
        </svg>
        <!-- One label shows at a time (CSS), so the accessible name is always the visible text. -->
        <span class="launcher-label-full">${launcherLabel()}</span>
        <span class="launcher-label-short">${launcherShortLabel()}</span>
      </button>
      <dialog part="dialog" class="dialog" aria-labelledby="dialog-title" @close=${view.onDialogClose}>
        <div class="dialog-bar">
          ${
            view.clinicName
              ? html`<p id="dialog-title" part="header" class="dialog-title">${view.clinicName}</p>`
              : html`<p id="dialog-title" class="dialog-title">${launcherLabel()}</p>`
          }
          <button type="button" part="button" class="close" @click=${view.onCloseClick}>
            <span aria-hidden="true">×</span>
            <span class="visually-hidden">${msg('Close', { id: 'launcher.close' })}</span>
          </button>
        </div>
        ${view.content ?? nothing}
      </dialog>
    </div>
  `;
}
