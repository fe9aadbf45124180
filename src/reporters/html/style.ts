// The page's one stylesheet, as text: system fonts only (nothing is fetched), readable in print.
export const STYLE = `
:root { color-scheme: light dark; --line: #8884; --muted: #777; --live: #c62828; --accent: #1565c0; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; padding: 1.5rem; max-width: 1400px; }
h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
code, pre { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: #8881; padding: .5rem .75rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
.meta { color: var(--muted); margin: 0; }
.counts { font-size: 1.1rem; font-weight: 600; }
.filter { display: flex; gap: .75rem; align-items: center; margin: .5rem 0; }
.filter input { flex: 0 1 24rem; padding: .35rem .5rem; font: inherit; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; word-break: break-word; }
th { white-space: nowrap; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(28rem, 1fr)); gap: 1rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; content-visibility: auto; contain-intrinsic-size: auto 24rem; }
.card h3 { margin: 0 0 .5rem; font-size: 1.05rem; word-break: break-all; }
.card.live { border-color: var(--live); }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: 0 0 .5rem; }
.card dt { color: var(--muted); }
.card dd { margin: 0; }
.places { margin: 0; padding-left: 1.2rem; max-height: 12rem; overflow-y: auto; }
.steps { list-style: none; padding: 0; }
.steps li { margin: .5rem 0; }
.steps details { margin-left: 1.6rem; }
.steps summary { cursor: pointer; color: var(--accent); }
.steps p { margin: .25rem 0; }
.status-live { color: var(--live); font-weight: 600; }
.timeline { list-style: none; padding: 0; }
.timeline > li { display: grid; grid-template-columns: 7rem 1fr; gap: .75rem; padding: .2rem 0; border-bottom: 1px solid var(--line); }
.timeline .track { height: .8rem; background: linear-gradient(var(--line), var(--line)) center / 100% 1px no-repeat; }
.timeline .introduced { margin: .2rem 0; padding-left: 1.2rem; }
.timeline .bar { display: block; width: .7rem; height: .7rem; border-radius: 50%; background: var(--accent); vertical-align: middle; }
`;
