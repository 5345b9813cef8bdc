/**
 * The launcher's native `<dialog>` kept in step with the element's `open`, in both directions,
 * with `soc-open` / `soc-close`, focus back on the launcher after closing, and the dialog kept
 * modal when the element moves in the page. It also follows the page's direction (`dir` on
 * `<html>` or `<body>`), which places the launcher.
 */
import type { LitElement, ReactiveController } from 'lit';
import { emit } from '../events.ts';
import type { Variant } from '../types.ts';

export class LauncherController implements ReactiveController {
  /** The dialog's content is rendered on first open and kept, so nothing typed is lost. */
  opened = false;
  private wasOpen = false;
  private seen?: [boolean, Variant];
  private observer = new MutationObserver(() => this.host.requestUpdate());

  constructor(private readonly host: LitElement & { open: boolean; variant: Variant }) {
    host.addController(this);
  }

  /** Whether the page is right-to-left; the widget's own direction follows its language. */
  get pageRtl(): boolean {
    return (document.body?.dir || document.documentElement.dir) === 'rtl';
  }

  /**
   * Follows the page's `dir`. And: moving the element in the page takes its open dialog out of
   * the top layer: it would stay open but no longer modal (the page behind it usable, focus not
   * kept in). Show it as a modal again, without a `close` in between.
   */
  hostConnected(): void {
    for (const node of [document.documentElement, document.body]) {
      if (node) this.observer.observe(node, { attributeFilter: ['dir'] });
    }
    const dialog = this.host.renderRoot?.querySelector('dialog');
    if (!dialog || !this.host.open || dialog.matches(':modal')) return;
    dialog.removeAttribute('open');
    dialog.showModal();
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }

  hostUpdate(): void {
    if (this.host.open && this.host.variant === 'launcher') this.opened = true;
  }

  hostUpdated(): void {
    const { host } = this;
    if (this.seen?.[0] === host.open && this.seen[1] === host.variant) return;
    this.seen = [host.open, host.variant];
    const dialog = host.renderRoot.querySelector('dialog');
    if (!dialog) {
      // `variant` left `launcher` with the dialog open: it is gone, so it closed.
      if (this.wasOpen) {
        this.wasOpen = false;
        host.open = false;
        emit(host, 'soc-close');
      }
      return;
    }
    if (host.open && !dialog.open) {
      dialog.showModal();
      emit(host, 'soc-open');
    } else if (!host.open && this.wasOpen) {
      // Closed by the host, the close button, or Escape (then the dialog is already shut).
      if (dialog.open) dialog.close();
      emit(host, 'soc-close');
      host.renderRoot.querySelector<HTMLElement>('.launcher')?.focus();
    }
    this.wasOpen = host.open;
  }
}
