// tend's status page, improved: the page works without this script (plain links and forms).
// With it: actions without leaving the page, state pushed by the daemon (tend.waitForChanges, a
// long poll: a change shows at once, an idle page costs one request every 25 s), uptimes that
// tick, a filter as you type, and a tail that follows the log (/tend/follow). Text from the
// daemon only ever goes into the page as text (textContent) or as the daemon's own escaped HTML.
"use strict";
(function () {
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  // -- the status page --

  function showMessage(text, error) {
    const m = $("#message");
    if (!m) return;
    m.textContent = text;
    m.hidden = !text;
    m.classList.toggle("error", !!error);
  }

  function applyFilter() {
    const input = $("#filter");
    if (!input) return;
    const f = input.value.trim().toLowerCase();
    for (const tr of $$("tr.proc")) {
      const hay = (tr.dataset.name + " " + tr.dataset.state).toLowerCase();
      tr.hidden = f !== "" && !hay.includes(f);
    }
    for (const tb of $$("tbody.group")) {
      tb.hidden = $$("tr.proc", tb).every((tr) => tr.hidden);
    }
  }

  function uptime(seconds) {
    const days = Math.floor(seconds / 86400);
    const rest = seconds % 86400;
    const pad = (n) => String(n).padStart(2, "0");
    const clock = Math.floor(rest / 3600) + ":" + pad(Math.floor(rest / 60) % 60) + ":" + pad(rest % 60);
    return days === 0 ? clock : days + (days === 1 ? " day, " : " days, ") + clock;
  }

  let serverSkew = 0; // server seconds minus this browser's, from the page's data-now

  function takeClock(form) {
    const now = Number(form && form.dataset.now);
    if (now > 0) serverSkew = now - Date.now() / 1000;
  }

  function tick() {
    const now = Math.floor(Date.now() / 1000 + serverSkew);
    for (const td of $$("td.desc[data-start]")) {
      const start = Number(td.dataset.start);
      if (start > 0) td.textContent = "pid " + td.dataset.pid + ", uptime " + uptime(Math.max(0, now - start));
    }
  }

  // Fetches the page anew and swaps in its table and summary: the daemon renders, the script
  // never builds rows of its own.
  let refreshing = null;
  function refresh() {
    if (refreshing) return refreshing;
    refreshing = (async () => {
      try {
        const r = await fetch("index.html", { headers: { Accept: "text/html" } });
        if (!r.ok) return;
        const doc = new DOMParser().parseFromString(await r.text(), "text/html");
        for (const id of ["programs", "summary"]) {
          const fresh = doc.getElementById(id);
          const old = document.getElementById(id);
          if (fresh && old) old.replaceWith(document.adoptNode(fresh));
        }
        const form = doc.getElementById("actions");
        takeClock(form);
        applyFilter();
        tick();
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  async function submitAction(form, ev) {
    const button = ev.submitter;
    if (!button) return;
    if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
      ev.preventDefault();
      return;
    }
    ev.preventDefault();
    const body = new URLSearchParams(new FormData(form, button));
    button.disabled = true;
    showMessage(button.textContent + " " + (button.value === "1" ? "" : button.value) + "…");
    try {
      const r = await fetch(form.action, { method: "POST", body: body });
      if (r.ok && r.redirected) {
        showMessage(new URL(r.url).searchParams.get("message") || "");
      } else {
        const doc = new DOMParser().parseFromString(await r.text(), "text/html");
        const m = doc.getElementById("message");
        showMessage(m ? m.textContent : "Refused (" + r.status + ")", true);
      }
    } catch (e) {
      showMessage("The daemon did not answer: " + e.message, true);
    } finally {
      button.disabled = false;
    }
    await refresh();
  }

  function xmlrpc(method, params) {
    const value = (p) => (typeof p === "number" ? "<int>" + p + "</int>" : "<string>" + p + "</string>");
    return "<?xml version=\"1.0\"?><methodCall><methodName>" + method + "</methodName><params>" +
      params.map((p) => "<param><value>" + value(p) + "</value></param>").join("") +
      "</params></methodCall>";
  }

  // The members of the struct an XML-RPC answer returns: name -> <value> element.
  function answer(text) {
    const doc = new DOMParser().parseFromString(text, "text/xml");
    if (doc.querySelector("fault")) throw new Error("fault");
    const out = {};
    const struct = doc.querySelector("params > param > value > struct");
    for (const m of struct ? struct.children : []) {
      const name = m.querySelector("name");
      const value = m.querySelector("value");
      if (name && value) out[name.textContent] = value;
    }
    return out;
  }

  // Waits for the daemon to say something changed, then refreshes; for ever.
  async function watch(cursor) {
    let failures = 0;
    for (;;) {
      try {
        const r = await fetch("RPC2", {
          method: "POST",
          headers: { "Content-Type": "text/xml" },
          body: xmlrpc("tend.waitForChanges", [cursor, 25]),
        });
        if (!r.ok) throw new Error("HTTP " + r.status);
        const a = answer(await r.text());
        const next = a.cursor ? a.cursor.textContent.trim() : cursor;
        const changed = next !== cursor || (a.full && a.full.textContent.trim() === "1");
        cursor = next;
        failures = 0;
        if (changed) await refresh();
      } catch (e) {
        failures++;
        await sleep(Math.min(10000, 1000 * failures));
        if (failures > 1) await refresh().catch(() => {});
      }
    }
  }

  function statusPage() {
    const form = $("#actions");
    const input = $("#filter");
    if (input) {
      input.addEventListener("input", () => {
        applyFilter();
        const url = new URL(location.href);
        url.searchParams.delete("message");
        if (input.value) url.searchParams.set("filter", input.value);
        else url.searchParams.delete("filter");
        history.replaceState(null, "", url);
        const hidden = form && form.querySelector("input[name=filter]");
        if (hidden) hidden.value = input.value;
      });
      $("#filterform").addEventListener("submit", (ev) => ev.preventDefault());
    }
    if (!form) return;
    form.addEventListener("submit", (ev) => submitAction(form, ev));
    takeClock(form);
    tick();
    setInterval(tick, 1000);
    document.body.dataset.live = "1";
    watch(form.dataset.cursor || "0");
  }

  // -- the tail page --

  function tailPage() {
    const pre = $("#log");
    const state = $("#follow-state");
    if (!pre || pre.dataset.error) return;
    const MAX_CHARS = 512 * 1024;
    const decoder = new TextDecoder("utf-8");
    let position = "";
    let first = true;
    const atBottom = () => pre.scrollHeight - pre.scrollTop - pre.clientHeight < 40;
    const say = (text) => { state.hidden = false; state.textContent = text; };

    function append(text, lost) {
      const stick = atBottom();
      if (lost > 0) {
        const s = document.createElement("span");
        s.className = "lost";
        s.textContent = "[… " + lost + " bytes not shown …]\n";
        pre.append(s);
      }
      if (text) pre.append(document.createTextNode(text));
      if (pre.textContent.length > MAX_CHARS) pre.textContent = pre.textContent.slice(-MAX_CHARS / 2);
      if (stick) pre.scrollTop = pre.scrollHeight;
    }

    async function follow() {
      const q = new URLSearchParams({ name: pre.dataset.name, stream: pre.dataset.stream, interval: "200" });
      if (position) q.set("position", position);
      else q.set("history", pre.dataset.limit);
      const r = await fetch("tend/follow?" + q.toString());
      if (!r.ok || !r.body) throw new Error("HTTP " + r.status);
      say("following");
      document.body.dataset.following = "1";
      const reader = r.body.getReader();
      let buf = new Uint8Array(0);
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error("the stream ended");
        const joined = new Uint8Array(buf.length + value.length);
        joined.set(buf);
        joined.set(value, buf.length);
        buf = joined;
        for (;;) {
          const nl = buf.indexOf(10);
          if (nl < 0) break;
          const head = new TextDecoder().decode(buf.subarray(0, nl));
          if (head.startsWith("E ")) {
            say(head.slice(2));
            return false;
          }
          const [, pos, lost, len] = head.split(" ");
          const n = Number(len);
          if (buf.length < nl + 1 + n) break;
          const text = decoder.decode(buf.subarray(nl + 1, nl + 1 + n), { stream: true });
          buf = buf.slice(nl + 1 + n);
          if (first) {
            pre.textContent = "";
            first = false;
            append(text, 0);
            pre.scrollTop = pre.scrollHeight;
          } else {
            append(text, Number(lost));
          }
          position = pos;
        }
      }
    }

    (async () => {
      pre.scrollTop = pre.scrollHeight;
      for (let failures = 0; ; failures++) {
        try {
          if ((await follow()) === false) return;
        } catch (e) {
          document.body.dataset.following = "";
          say("reconnecting…");
          await sleep(Math.min(10000, 1000 * (failures + 1)));
        }
      }
    })();
  }

  document.addEventListener("DOMContentLoaded", () => {
    if (document.body.classList.contains("status")) statusPage();
    if (document.body.classList.contains("tail")) tailPage();
  });
})();
