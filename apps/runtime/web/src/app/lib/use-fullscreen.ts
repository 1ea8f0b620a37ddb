import { useCallback, useEffect, useState, type RefObject } from 'react';

/**
 * Full-screen mode for the element of `ref`: the Fullscreen API when the browser grants it
 * (Esc leaves, the browser handles it), else a CSS "pseudo full screen" the page draws itself
 * (`pseudo: true`), which Esc also leaves.
 */
export function useFullscreen(ref: RefObject<HTMLElement | null>): { active: boolean; pseudo: boolean; toggle(): void; exit(): void } {
  const [native, setNative] = useState(false);
  const [pseudo, setPseudo] = useState(false);

  useEffect(() => {
    const onChange = () => setNative(document.fullscreenElement !== null && document.fullscreenElement === ref.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [ref]);

  // Esc leaves. Browsers handle it themselves in real full screen (the page never sees the key);
  // the pseudo mode, and automation that sends the key to the page, need it done here.
  useEffect(() => {
    if (!pseudo && !native) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setPseudo(false);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pseudo, native]);

  // Leave full screen when the page goes away (navigation inside the SPA).
  useEffect(
    () => () => {
      if (document.fullscreenElement && document.fullscreenElement === ref.current) void document.exitFullscreen().catch(() => undefined);
    },
    [ref],
  );

  const exit = useCallback(() => {
    setPseudo(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, []);

  const toggle = useCallback(() => {
    if (native || pseudo) return exit();
    const el = ref.current;
    if (el && typeof el.requestFullscreen === 'function' && document.fullscreenEnabled) {
      el.requestFullscreen().catch(() => setPseudo(true));
    } else setPseudo(true);
  }, [native, pseudo, exit, ref]);

  return { active: native || pseudo, pseudo, toggle, exit };
}
