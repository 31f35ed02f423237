"use client";

import { useCallback, useEffect, useReducer, useSyncExternalStore } from "react";
import { Pause, Play, RotateCcw } from "lucide-react";
import { cx } from "@/lib/cx";

export type DemoLine = { kind: "cmd" | "route" | "out" | "ok"; text: string };
export type DemoScene = { id: string; label: string; lines: DemoLine[] };

type State = { scene: number; line: number; chars: number; paused: boolean };
type Action =
  | { type: "tick"; scenes: DemoScene[] }
  | { type: "goto"; scene: number; full?: boolean }
  | { type: "restart"; full?: boolean }
  | { type: "toggle" };

const TYPE_MS = 26;
const LINE_MS = 420;
const SCENE_MS = 2600;

function reducer(s: State, a: Action): State {
  switch (a.type) {
    case "goto":
      return { ...s, scene: a.scene, line: a.full ? Infinity : 0, chars: 0 };
    case "restart":
      return { scene: 0, line: a.full ? Infinity : 0, chars: 0, paused: false };
    case "toggle":
      return { ...s, paused: !s.paused };
    case "tick": {
      const lines = a.scenes[s.scene].lines;
      if (s.line >= lines.length) return { ...s, scene: (s.scene + 1) % a.scenes.length, line: 0, chars: 0 };
      const cur = lines[s.line];
      if (cur.kind === "cmd" && s.chars < cur.text.length) return { ...s, chars: s.chars + 1 };
      return { ...s, line: s.line + 1, chars: 0 };
    }
  }
}

const subscribeMotion = (cb: () => void) => {
  const mq = window.matchMedia("(prefers-reduced-motion: reduce)");
  mq.addEventListener("change", cb);
  return () => mq.removeEventListener("change", cb);
};
const getReducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/** Event the hero's "Watch demo" link sends to restart the demo. */
export const DEMO_EVENT = "satu:demo";

export function TerminalDemo({
  scenes,
  label,
  replayLabel,
  pauseLabel,
  playLabel,
}: {
  scenes: DemoScene[];
  label: string;
  replayLabel: string;
  pauseLabel: string;
  playLabel: string;
}) {
  // The server renders the first scene complete; the browser animates unless motion is reduced.
  const reduced = useSyncExternalStore(subscribeMotion, getReducedMotion, () => true);
  const [s, dispatch] = useReducer(reducer, { scene: 0, line: Infinity, chars: 0, paused: false });
  const animating = !reduced && !s.paused;

  useEffect(() => {
    if (!animating) return;
    const lines = scenes[s.scene].lines;
    const done = s.line >= lines.length;
    const typing = !done && lines[s.line].kind === "cmd" && s.chars < lines[s.line].text.length;
    const delay = done ? (s.line === Infinity ? 900 : SCENE_MS) : typing ? TYPE_MS : s.line === 0 && s.chars === 0 ? 250 : LINE_MS;
    const id = window.setTimeout(() => {
      if (s.line === Infinity) dispatch({ type: "goto", scene: s.scene });
      else dispatch({ type: "tick", scenes });
    }, delay);
    return () => window.clearTimeout(id);
  }, [animating, s, scenes]);

  // With reduced motion every scene is shown whole, never typed out.
  const restart = useCallback(() => dispatch({ type: "restart", full: reduced }), [reduced]);
  useEffect(() => {
    window.addEventListener(DEMO_EVENT, restart);
    return () => window.removeEventListener(DEMO_EVENT, restart);
  }, [restart]);

  const scene = scenes[s.scene];
  return (
    <figure
      id="demo"
      aria-label={label}
      className="overflow-hidden rounded-2xl border border-white/10 bg-code text-code-foreground shadow-2xl shadow-primary/10 ring-1 ring-black/5"
    >
      <div className="flex items-center gap-3 border-b border-white/10 px-4 py-2.5">
        <div className="hidden gap-1.5 sm:flex" aria-hidden>
          <span className="size-3 rounded-full bg-[#ff5f57]" />
          <span className="size-3 rounded-full bg-[#febc2e]" />
          <span className="size-3 rounded-full bg-[#28c840]" />
        </div>
        <div role="tablist" aria-label={label} className="flex min-w-0 flex-1 gap-1 overflow-x-auto">
          {scenes.map((sc, i) => (
            <button
              key={sc.id}
              type="button"
              role="tab"
              aria-selected={i === s.scene}
              onClick={() => dispatch({ type: "goto", scene: i, full: reduced })}
              className={cx(
                "whitespace-nowrap rounded-md px-2.5 py-1 font-mono text-xs outline-none transition-colors focus-visible:ring-2 focus-visible:ring-ring",
                i === s.scene ? "bg-white/12 text-white" : "text-zinc-400 hover:text-zinc-100",
              )}
            >
              {sc.label}
            </button>
          ))}
        </div>
        <div className="flex items-center gap-0.5">
          {!reduced && (
            <button
              type="button"
              onClick={() => dispatch({ type: "toggle" })}
              aria-label={s.paused ? playLabel : pauseLabel}
              title={s.paused ? playLabel : pauseLabel}
              className="rounded-md p-1.5 text-zinc-400 outline-none hover:bg-white/10 hover:text-white focus-visible:ring-2 focus-visible:ring-ring"
            >
              {s.paused ? <Play aria-hidden className="size-3.5" /> : <Pause aria-hidden className="size-3.5" />}
            </button>
          )}
          <button
            type="button"
            onClick={restart}
            aria-label={replayLabel}
            title={replayLabel}
            className="rounded-md p-1.5 text-zinc-400 outline-none hover:bg-white/10 hover:text-white focus-visible:ring-2 focus-visible:ring-ring"
          >
            <RotateCcw aria-hidden className="size-3.5" />
          </button>
        </div>
      </div>
      <div role="tabpanel" aria-label={scene.label} className="h-[17.5rem] overflow-hidden p-4 font-mono text-[12.5px] leading-relaxed sm:h-[16rem] sm:text-[13px]">
        {scene.lines.map((ln, i) => {
          if (i > s.line) return null;
          const partial = i === s.line;
          const text = partial && ln.kind === "cmd" ? ln.text.slice(0, s.chars) : ln.text;
          if (partial && ln.kind !== "cmd") return null;
          return (
            <p key={i} className={cx("break-words", ln.kind === "cmd" ? "text-zinc-100" : "", lineClass[ln.kind])}>
              {ln.kind === "cmd" && <span className="select-none text-emerald-400">$ </span>}
              {ln.kind === "route" && <span className="select-none text-rose-400">→ </span>}
              {ln.kind === "ok" && <span className="select-none text-emerald-400">✓ </span>}
              {text}
              {partial && <span aria-hidden className="caret ml-px inline-block h-[1.1em] w-[0.55em] translate-y-[0.2em] bg-zinc-200" />}
            </p>
          );
        })}
        {s.line >= scene.lines.length && (
          <p>
            <span className="select-none text-emerald-400">$ </span>
            <span aria-hidden className="caret inline-block h-[1.1em] w-[0.55em] translate-y-[0.2em] bg-zinc-200" />
          </p>
        )}
      </div>
    </figure>
  );
}

const lineClass: Record<DemoLine["kind"], string> = {
  cmd: "",
  route: "mt-2 text-zinc-300",
  out: "mt-1 text-zinc-100",
  ok: "mt-2 text-zinc-400",
};

export function DemoLink({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <a href="#demo" className={className} onClick={() => window.dispatchEvent(new Event(DEMO_EVENT))}>
      {children}
    </a>
  );
}
