import { useEffect } from 'preact/hooks';

/** Sets the tab's title to this page's own, so tabs, history and screen readers tell pages apart. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ringdown`;
  }, [title]);
}
